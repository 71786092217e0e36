using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>Whom a tag's pronoun ("he added", "said he to Robert") means, and tags that name the speaker in a description.</summary>
public sealed class PronounTagTests
{
    private static string[] Lines(string text)
    {
        var story = Pipeline.Default.Run(text);
        var cast = story.Get<CastList>();
        string Name(int c) => c >= 0 ? cast[c].Name.Split(' ')[0] : "?";
        return [.. story.Layer<Attribution>().Items.ToArray().Select(a => $"{Name(a.Speaker)}:{a.Method}")];
    }

    [Fact]
    public void He_added_goes_on_with_the_last_speaker_not_the_other_man()
    {
        var lines = Lines("""
            Edward and Simon came back from the river at noon.

            "What a fool's errand!" said Edward. He had wanted to stay in bed.

            "And the fish were gone," he added.
            """);
        Assert.Equal(["Edward:Explicit", "Edward:Pronoun"], lines);
    }

    [Fact]
    public void A_replys_he_is_still_the_other_man()
    {
        var lines = Lines("""
            Edward and Simon came back from the river at noon.

            "What a fool's errand!" said Edward. He had wanted to stay in bed.

            "And the fish were gone," he replied.
            """);
        Assert.Equal(["Edward:Explicit", "Simon:Pronoun"], lines);
    }

    [Fact]
    public void The_one_a_tag_names_as_addressee_is_not_its_pronouns_speaker()
    {
        var lines = Lines("""
            Henry looked up from his book. Robert came in with his violin.

            "Play something," said he to Robert.
            """);
        Assert.Equal(["Henry:Pronoun"], lines);
    }

    [Fact]
    public void The_subject_of_the_lines_own_paragraph_speaks_before_the_one_called_the_turn_before()
    {
        var lines = Lines("""
            Basil and Henry sat in the studio all afternoon.

            "Henry, the picture is finished," said Basil.

            Basil laughed. "Do you like it?" he asked.
            """);
        Assert.Equal(["Basil:Explicit", "Basil:Pronoun"], lines);
    }

    [Fact]
    public void The_voice_of_a_named_person_is_that_person()
    {
        var lines = Lines("""
            Ruth sat alone in the kitchen. Tobias Crane had gone out at dawn.

            The door banged open.

            "Where is everyone?" cried the voice of Tobias Crane.
            """);
        Assert.Equal(["Tobias:Explicit"], lines);
    }
}
