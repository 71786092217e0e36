using Fabula.Cast;
using Fabula.Dialogue;
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

    // Two chapters told by a farmer his sister calls "Gilbert", then two told by a wife her husband calls "Helen".
    private const string LettersThenDiary = """
        CHAPTER I

        I rode home from the fields at dusk. My sister met me at the gate.

        "Gilbert, you are late," said Rose.

        "The colt was wild," I said.

        "Gilbert, mother has kept your tea," she said.

        "Then I will go in," I said.

        CHAPTER II

        I walked to the church on Sunday with my sister.

        "Gilbert, look at the new tenant," said Rose.

        "I see her," I said.

        CHAPTER III

        I opened my diary that night. My husband had gone out with his friends.

        "Helen, where is the key?" said Arthur when he came back.

        "I have it," I said.

        "Helen, give it to me."

        "I will not," I said.

        "Helen, be reasonable," he said.

        CHAPTER IV

        I rose early and walked in the garden with my little son.

        "Helen, the carriage is ready," said Arthur.

        "Then go," I said.

        "Helen, you are cold to me."

        "I am tired," I said.

        "Helen, goodbye."
        """;

    [Fact]
    public void Chapters_where_the_narrator_is_never_called_and_another_name_is_are_told_by_that_name()
    {
        var story = Run(LettersThenDiary);
        var cast = story.Get<CastList>();
        Assert.Equal("Helen", cast[cast.Narrator].Name);
        var gilbert = cast.Characters.Single(c => c.Name == "Gilbert");
        Assert.True(gilbert.Narrator);
        Assert.Equal(gilbert.Index, cast.NarratorAt(story.Text.ToString().IndexOf("The colt", StringComparison.Ordinal)));
        Assert.Equal(cast.Narrator, cast.NarratorAt(story.Text.ToString().IndexOf("I have it", StringComparison.Ordinal)));
        // The farmer's "I"s are Gilbert's, the wife's Helen's.
        var mentions = FirstPerson(story);
        Assert.StartsWith("I>Gilbert My>Gilbert", mentions);
        Assert.Contains("I>Helen my>Helen", mentions);
        Assert.DoesNotContain("I>Helen", mentions[..mentions.IndexOf("I>Helen", StringComparison.Ordinal)]);
    }

    [Fact]
    public void A_name_called_in_one_chapter_only_takes_no_chapters_from_the_narrator()
    {
        // Gilbert is called three times, all in chapter I: one scene, not a hand-over.
        var text = LettersThenDiary.Replace("""
            "Gilbert, look at the new tenant," said Rose.
            """, """
            "Look at the new tenant," said Rose.
            """).Replace("""
            "Then I will go in," I said.
            """, """
            "Then I will go in," I said.

            "Gilbert, wipe your boots."
            """);
        var story = Run(text);
        var cast = story.Get<CastList>();
        Assert.Equal("Helen", cast[cast.Narrator].Name);
        Assert.Empty(cast.Stretches);
        Assert.DoesNotContain(cast.Characters, c => c.Name == "Gilbert" && c.Narrator);
    }

    [Fact]
    public void A_name_called_in_the_narrators_chapters_too_tells_no_stretch()
    {
        // Rose calls the narrator "Gilbert" in chapters I and II, and her husband calls her so in the later chapters too,
        // where she is called "Helen" most: a by-name of hers, not another teller.
        var text = LettersThenDiary.Replace("""
            "Helen, be reasonable," he said.
            """, """
            "Gilbert, be reasonable," he said.

            "Why do you call me that?" I asked.

            "Helen, you know why."
            """).Replace("""
            "Helen, goodbye."
            """, """
            "Gilbert, goodbye."

            "Goodbye," I said.

            "Helen, write to me."

            "I shall," I said.

            "Helen, I will come back."

            "Come back soon," I said.

            "Helen, I promise."

            "Good," I said.

            "Helen, farewell."

            "Farewell," I said.

            "Helen, wait!"
            """);
        var cast = Run(text).Get<CastList>();
        Assert.Equal("Helen", cast[cast.Narrator].Name);
        Assert.Empty(cast.Stretches);
    }

    // A boy's story told by his "I" (22 times), then, after a break, a long story of a ferryman and his wife told in the third person.
    private static string BoyThenFerry(bool letterLater = false)
    {
        var boy = new System.Text.StringBuilder("THE LAMP\n\n");
        string[] told =
        [
            "I passed the shop every night that winter.", "I watched the lamp in its window.", "I knew the old man was ill.",
            "I did not go in.", "I told no one.", "I went home by the canal.", "I ate my supper slowly.",
            "I thought of the lamp.", "I slept badly.", "I woke before dawn.", "I dressed in the dark.",
            "I walked to the shop again.", "I saw the lamp was out.", "I stood at the door.", "I knocked once.",
            "I waited a long time.", "I heard nothing.", "I went home.", "I sat by the fire.", "I said nothing at supper.",
        ];
        foreach (var sentence in told) boy.Append(sentence).Append(' ');
        boy.Append("\n\n\"Who is dead?\" I asked.\n\n\"The old man,\" said my uncle.\n\n* * *\n\nTHE FERRY\n\n");
        string[] ferry =
        [
            "He rowed across at noon.", "She waited on the bank.", "He tied the boat.", "She took the rope.", "He climbed out.",
            "She laughed at him.", "He shook the water from his coat.", "She handed him the basket.", "He looked inside.",
            "She turned away.", "He followed her up the path.", "She opened the gate.", "He went in first.",
        ];
        for (int round = 0; round < 8; round++)
        {
            foreach (var sentence in ferry) boy.Append(sentence).Append(' ');
            boy.Append("\n\n");
            if (letterLater && round == 4)
            {
                boy.Append("* * *\n\n");
                foreach (var sentence in told) boy.Append(sentence).Append(' ');
                boy.Append("\n\n* * *\n\n");
            }
        }
        return boy.ToString();
    }

    [Fact]
    public void The_opening_told_by_an_I_of_a_story_told_in_the_third_person_has_a_narrator_of_its_own()
    {
        var story = Run(BoyThenFerry());
        var cast = story.Get<CastList>();
        Assert.Equal(-1, cast.Narrator);
        var boy = cast.Characters.Single(c => c.Narrator);
        Assert.Equal("the narrator", boy.Name);
        var text = story.Text.ToString();
        Assert.Equal(boy.Index, cast.NarratorAt(text.IndexOf("Who is dead", StringComparison.Ordinal)));
        Assert.Equal(-1, cast.NarratorAt(text.IndexOf("He rowed", StringComparison.Ordinal)));
        Assert.StartsWith("I>the narrator I>the narrator", FirstPerson(story));
        var asked = story.Layer<Attribution>().Items.ToArray().First();
        Assert.Equal(boy.Index, asked.Speaker);
        Assert.Equal(AttributionMethod.Narrator, asked.Method);
    }

    [Fact]
    public void An_I_later_in_a_story_told_in_the_third_person_has_no_narrator()
    {
        // The same "I" passage as a letter in the middle of the ferry story, after an opening in the third person.
        var text = BoyThenFerry(letterLater: true);
        text = text[text.IndexOf("THE FERRY", StringComparison.Ordinal)..];
        var cast = Run(text).Get<CastList>();
        Assert.Equal(-1, cast.Narrator);
        Assert.DoesNotContain(cast.Characters, c => c.Narrator);
        Assert.Empty(cast.Stretches);
    }
}
