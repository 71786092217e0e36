using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Tests.Structure;

public class SceneFinderTests
{
    // A scene shown as its chapter and first words: "0:Mira came" (chapter index, first 9 chars).
    private static string Scenes(string text)
    {
        var story = Pipeline.Default.Run(text);
        var parts = new List<string>();
        foreach (ref readonly var s in story.Layer<Scene>().Items)
            parts.Add($"{s.Chapter}:{story.Text.Copy(new TextSpan(s.Span.Start, Math.Min(9, s.Span.Length)))}");
        return string.Join(" | ", parts);
    }

    [Theory]
    [InlineData("***")]
    [InlineData("* * *")]
    [InlineData("~")]
    [InlineData("---")]
    [InlineData("#")]
    [InlineData("oOo")]
    [InlineData("o0o")]
    [InlineData("+++")]
    [InlineData("§")]
    [InlineData("        *")]
    [InlineData("~*~*~")]
    public void Break_marks_end_a_scene_and_belong_to_none(string mark)
    {
        var text = $"Chapter 1\n\nMira came home.\n\nShe slept.\n\n{mark}\n\nAlec woke.";
        Assert.Equal("0:Mira came | 0:Alec woke", Scenes(text));
        var story = Pipeline.Default.Run(text);
        foreach (ref readonly var scene in story.Layer<Scene>().Items)
            Assert.DoesNotContain(mark.Trim(), story.Text.Copy(scene.Span));
    }

    [Theory]
    [InlineData("Mr. Smith")]
    [InlineData("...")]
    [InlineData("Oh!")]
    [InlineData("x")]
    public void Short_lines_that_are_no_marks(string line) =>
        Assert.Equal("0:Mira came", Scenes($"Mira came home.\n\n{line}\n\nAlec woke."));

    [Theory]
    [InlineData("Two weeks later.")]
    [InlineData("The next morning")]
    [InlineData("Three years later...")]
    [InlineData("*Three years later*")]
    [InlineData("3 days later")]
    [InlineData("A few hours later.")]
    [InlineData("Later that night.")]
    [InlineData("Meanwhile…")]
    [InlineData("Monday.")]
    public void A_time_shift_of_its_own_starts_a_scene(string shift)
    {
        var text = $"Mira came home.\n\nShe slept.\n\n{shift}\n\nAlec woke.";
        Assert.Equal($"0:Mira came | 0:{(shift + "\n\nAlec woke.")[..9]}", Scenes(text));
    }

    [Theory]
    [InlineData("\"Two weeks later?\"")]
    [InlineData("Two weeks later, she came back.")]
    [InlineData("Later that night she wept.")]
    [InlineData("Two weeks of rain.")]
    public void A_sentence_about_time_is_no_time_shift(string line) =>
        Assert.Equal("0:Mira came", Scenes($"Mira came home.\n\n{line}\n\nAlec woke."));

    [Fact]
    public void A_rare_wide_gap_breaks_the_scene_but_not_below_a_heading()
    {
        var body = string.Join("\n\n", Enumerable.Repeat("Mira walked to the harbour.", 40));
        var text = $"Chapter 1\n\n\n\nAlec woke.\n\n{body}\n\n\n\nLater still, Mira slept.\n\n{body}";
        Assert.Equal("0:Alec woke | 0:Later sti", Scenes(text));
    }

    [Fact]
    public void Wide_gaps_that_are_common_break_nothing()
    {
        var text = string.Join("\n\n\n", Enumerable.Repeat("Mira walked to the harbour.\n\nShe sat.", 10));
        Assert.Equal("0:Mira walk", Scenes(text));
    }

    [Fact]
    public void Scenes_lie_in_their_chapter_below_the_heading()
    {
        var text = "Chapter 1\n\nMira came.\n\n* * *\n\nShe left.\n\nChapter 2\n\nAlec stayed.";
        Assert.Equal("0:Mira came | 0:She left. | 1:Alec stay", Scenes(text));
        var story = Pipeline.Default.Run(text);
        var scenes = story.Layer<Scene>();
        Assert.Equal([0, 1, 2], [scenes[0].Index, scenes[1].Index, scenes[2].Index]);
    }

    [Fact]
    public void Section_numerals_inside_a_chapter_are_breaks()
    {
        var text = "CHAPTER I\n\nI\n\nMira came.\n\nII\n\nShe left.\n\nCHAPTER II\n\nAlec stayed.\n\nCHAPTER III\n\nEnd.";
        Assert.Equal("0:Mira came | 0:She left. | 1:Alec stay | 2:End.", Scenes(text));
    }

    [Fact]
    public void Ao3_notes_above_chapter_text_are_no_scene()
    {
        var text = "Chapter 1: Arrival\n\nNotes:\n\nThanks for reading!\n\nChapter Text\n\nMira came.";
        Assert.Equal("0:Mira came", Scenes(text));
    }
}
