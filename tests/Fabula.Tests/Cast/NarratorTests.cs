using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Tests.Cast;

public sealed class NarratorTests
{
    private static Story Run(string text) => Pipeline.Default.Run(text);

    /// <summary>The narration's first-person words as "word>character" (the character's name, "?" when unresolved).</summary>
    private static string FirstPerson(Story story)
    {
        var cast = story.Get<CastList>();
        return string.Join(" ", story.Layer<Mention>().Items.ToArray()
            .Where(m => m.Kind == MentionKind.Pronoun && story.Text.Copy(m.Span) is "I" or "me" or "my" or "My" or "myself" or "mine")
            .Select(m => story.Text.Copy(m.Span) + ">" + (m.Character >= 0 ? cast[m.Character].Name : "?")));
    }

    [Fact]
    public void A_first_person_narration_has_an_unnamed_narrator_whose_mentions_are_its_Is()
    {
        var story = Run("""
            I came to the harbour at dusk. My coat was wet, and the wind found me on the quay.

            Rowan was mending a net. He did not look up.

            "You're late," he said.
            """);
        var cast = story.Get<CastList>();
        Assert.True(cast.Narrator >= 0);
        var narrator = cast[cast.Narrator];
        Assert.True(narrator.Narrator);
        Assert.Equal("the narrator", narrator.Name);
        Assert.Empty(narrator.Aliases);
        Assert.Equal(Importance.Main, narrator.Importance);
        // Inside the quotation there is no "I" of the narration's.
        Assert.Equal("I>the narrator My>the narrator me>the narrator", FirstPerson(story));
        Assert.Contains(cast.Characters, c => c.Name == "Rowan" && !c.Narrator);
    }

    [Fact]
    public void A_third_person_story_with_an_aside_of_the_author_has_no_narrator()
    {
        var cast = Run("""
            Rowan was mending a net. He did not look up when Tamsin came along the quay, and she did not
            stop. He knew she was angry; she knew he knew. I will not say what they quarrelled about.
            She walked on, and he went on mending, and he thought of the boat.
            """).Get<CastList>();
        Assert.Equal(-1, cast.Narrator);
        Assert.DoesNotContain(cast.Characters, c => c.Narrator);
    }

    [Fact]
    public void Roman_numerals_in_headings_are_no_narrator()
    {
        var cast = Run("""
            CHAPTER I

            Rowan was mending a net. He did not look up.

            PART II

            Tamsin came along the quay. She was angry.
            """).Get<CastList>();
        Assert.Equal(-1, cast.Narrator);
    }

    [Fact]
    public void The_narrator_is_the_character_the_others_call_by_name_next_to_the_narrators_lines()
    {
        var story = Run("""
            I had not seen Tamsin for a year when she came to the harbour. Rowan came with her.

            "Wren, you have grown," said Tamsin.

            "I have," I said.

            "Wren, sit down," said Rowan.

            "Thank you," I said.

            "Will you come home, Wren?" Tamsin asked.
            """);
        var cast = story.Get<CastList>();
        Assert.Equal("Wren", cast[cast.Narrator].Name);
        Assert.StartsWith("I>Wren", FirstPerson(story));
    }

    [Fact]
    public void Two_names_the_others_call_the_narrator_by_and_the_narration_never_uses_are_one_narrator()
    {
        // Tamsin calls the narrator by a by-name, Rowan by a surname; the narration says only "I".
        var story = Run("""
            I walked down to the quay with Tamsin and Rowan.

            "Greyfeather, you are slow today," said Tamsin.

            "I am old," I said.

            "Greyfeather, you are not old," said Tamsin.

            "Older than you," I said.

            "Come on, Greyfeather!" said Tamsin.

            "Mr. Ashdown, your boat," said Rowan.

            "Thank you," I said.

            "Mr. Ashdown, mind the rope," said Rowan.

            "I will," I said.

            "Mr. Ashdown, we sail at dawn," said Rowan.
            """);
        var cast = story.Get<CastList>();
        var narrator = cast[cast.Narrator];
        Assert.Contains(narrator.Aliases, a => a.Text == "Greyfeather");
        Assert.Contains(narrator.Aliases, a => a.Text == "Mr. Ashdown");
        Assert.DoesNotContain(cast.Characters, c => c != narrator && c.Aliases.Any(a => a.Text is "Greyfeather" or "Mr. Ashdown"));
    }

    [Fact]
    public void Names_called_twice_each_and_never_narrated_are_together_the_narrator()
    {
        var story = Run("""
            I walked down to the quay with my father and Rowan.

            "I tell you, Edmund, the sea is rising," my father said to me.

            "Mr. Thorne, your boat is ready," Rowan said to me.

            "Thank you," I said.

            "Edmund, mind the rope."

            "I will," I said.

            "Mr. Thorne, we sail at dawn."
            """);
        var cast = story.Get<CastList>();
        var narrator = cast[cast.Narrator];
        Assert.Contains(narrator.Aliases, a => a.Text == "Edmund");
        Assert.Contains(narrator.Aliases, a => a.Text == "Mr. Thorne");
    }

    [Fact]
    public void Names_of_different_genders_are_not_one_narrator()
    {
        var story = Run("""
            I walked down to the quay with Mary and John.

            "Mrs. Lane, your boat," said the boatman.

            "Thank you," I said.

            "Mrs. Lane, mind the rope."

            "I will," I said.

            "Mrs. Lane, we sail at dawn."

            "Mr. Lane, the tide is turning," said the boatman.

            "Yes," I said.

            "Mr. Lane, we sail at dawn."

            "Good," I said.

            "Mr. Lane, come aboard."
            """);
        var cast = story.Get<CastList>();
        Assert.DoesNotContain(cast.Characters, c => c.Aliases.Any(a => a.Text == "Mrs. Lane") && c.Aliases.Any(a => a.Text == "Mr. Lane"));
        Assert.Equal("the narrator", cast[cast.Narrator].Name);
    }
}
