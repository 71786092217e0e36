using Fabula.Structure;
using Fabula.Text;
using Fabula.World;

namespace Fabula.Tests.World;

public sealed class PlaceAndTimelineTests
{
    [Fact]
    public void Named_places_recur_and_set_their_scenes()
    {
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var setting = story.Get<Setting>();
        var alicante = Assert.Single(setting.Places, p => p.Name == "Alicante");
        Assert.Equal(3, alicante.Count);
        Assert.Equal([0, 1], alicante.Scenes);
        Assert.Equal("the garden", setting.ScenePlaces[2]);
        Assert.Contains(setting.Organizations, o => o.Name == "Institute");
        Assert.DoesNotContain(setting.Places, p => p.Name is "Isabelle" or "Simon" or "Chapter");
    }

    [Fact]
    public void Organisations_are_named_with_their_word()
    {
        var story = Pipeline.Default.Run("""
            Alec worked for the Lightwood Shipping Company in London. The Lightwood Shipping Company paid well.
            Alec lived in London, near the river. He banked with the Bank of Idris.
            """);
        var setting = story.Get<Setting>();
        Assert.Contains(setting.Organizations, o => o.Name == "Lightwood Shipping Company" && o.Count == 2);
        Assert.Contains(setting.Organizations, o => o.Name == "Bank of Idris");
        Assert.Contains(setting.Places, p => p.Name == "London" && p.Count == 2);
    }

    [Theory]
    [InlineData("Two weeks passed. Alec waited.", "relative +P2W Two weeks passed")]
    [InlineData("A month later, Alec left.", "relative +P1M A month later")]
    [InlineData("She was three months along.", "duration P3M three months along")]
    [InlineData("The next day Alec left.", "relative +P1D The next day")]
    [InlineData("Over the years Alec forgot.", "duration PxY Over the years")]
    [InlineData("Years later, Alec came back.", "relative +PxY Years later")]
    [InlineData("Ten years ago Alec came.", "relative -P10Y Ten years ago")]
    [InlineData("They met that night.", "time night that night")]
    [InlineData("They met at nine o'clock.", "time T09:00 nine o'clock")]
    [InlineData("They met in May 1811.", "date 1811-05 May 1811")]
    [InlineData("They met on the fifth of May.", "date --05-05 the fifth of May")]
    [InlineData("They met in the spring.", "season spring in the spring")]
    [InlineData("They met on Monday.", "weekday Monday Monday")]
    [InlineData("They met in 1811.", "date 1811 1811")]
    public void Temporal_expressions_with_kind_and_value(string text, string expected)
    {
        var story = Pipeline.Default.Run(text);
        var found = story.Layer<TimeExpression>().Items.ToArray().Select(t => t.Kind + " " + t.Value + " " + story.Text.Copy(t.Span));
        Assert.Contains(expected, found);
    }

    [Theory]
    [InlineData("Alec may come. A day is long. It was a long year. Alec was twelve years old.")]
    public void Ordinary_words_are_no_time(string text)
    {
        var story = Pipeline.Default.Run(text);
        Assert.All(story.Layer<TimeExpression>().Items.ToArray(), t => Assert.Equal("age", t.Kind));
    }

    [Fact]
    public void Scenes_are_placed_in_story_time_and_flashbacks_flagged()
    {
        var story = Pipeline.Default.Run("""
            Alec came to Idris in the spring. He walked to the lake.

            * * *

            Two weeks later, Alec left Idris.

            * * *

            Ten years earlier, Alec had been a boy. He had lived by the sea. His mother had loved him.

            * * *

            The next day Alec came home.
            """);
        var clock = story.Get<StoryClock>();
        Assert.Equal(4, story.Layer<Scene>().Count);
        Assert.Equal([0, 14, 14, 15], clock.Scenes.Select(s => s.Day));
        Assert.Equal("+P2W", clock.Scenes[1].Elapsed);
        Assert.Equal([false, false, true, false], clock.Scenes.Select(s => s.Flashback));
    }
}
