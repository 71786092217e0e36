using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Tests.Cast;

public sealed class DescribedPeopleTests
{
    private static Story Run(string text) => Pipeline.Default.Run(text);

    private static Character? Described(Story story) => story.Get<CastList>().Characters.SingleOrDefault(c => c.Described);

    /// <summary>Martha on the moor meets a man she never learns the name of.</summary>
    private const string TheManOnTheMoor = """
        Martha Ashby crossed the moor at dusk with her basket.

        "Stop there!" cried a man, as he rose from behind the stones.

        The man was tall and thin, and his coat was torn.

        "Who are you?" said the man. "Speak up."

        "Only Martha," she said.

        The man looked at her basket. He took the bread and walked away.
        """;

    [Fact]
    public void A_man_introduced_and_referred_to_again_is_a_described_character()
    {
        var story = Run(TheManOnTheMoor);
        var man = Described(story);
        Assert.NotNull(man);
        Assert.Equal("the man", man.Name);
        Assert.Equal("he/him", man.Pronouns);
        Assert.Equal(["a man", "the man"], man.Aliases.Select(a => a.Text).Order(StringComparer.Ordinal));
        var text = story.Text;
        var nominals = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal && m.Character == man.Index).Select(m => text.Copy(m.Span));
        Assert.Equal(["a man", "The man", "the man", "The man"], nominals);
        // "He took the bread": the man, not Martha's "she".
        var he = story.Layer<Mention>().Items.ToArray().Last(m => m.Kind == MentionKind.Pronoun && text.Copy(m.Span) == "He");
        Assert.Equal(man.Index, he.Character);
    }

    [Theory]
    // Never introduced: "the painter" is someone already there (Basil), not a new person.
    [InlineData("""
        Basil Hallward stood by the easel.

        "It is finished," said the painter. "Look at it."

        The painter stepped back. The painter smiled.
        """)]
    // Introduced, but never again referred to and never speaking: no one to keep.
    [InlineData("""
        Martha Ashby crossed the moor. A man was cutting peat far off, and she waved.

        "Home soon," Martha said.
        """)]
    // A comparison introduces no one: "like a man" is Martha.
    [InlineData("""
        Martha Ashby walked like a man who has lost something. "Where is it?" said the man's dog, in her dream.
        """)]
    public void A_description_without_introduction_or_evidence_is_no_character(string text) =>
        Assert.Null(Described(Run(text)));

    [Fact]
    public void A_description_the_narration_names_soon_after_is_the_named_character()
    {
        var story = Run("""
            The crowd at the door fell silent.

            A young woman stepped out into the sun. The young woman held a child.

            "Let me pass," said the young woman.

            Never had Hester Prynne looked prouder. She walked on.
            """);
        Assert.Null(Described(story));
        var cast = story.Get<CastList>();
        var text = story.Text;
        var youngWoman = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal && text.Copy(m.Span).EndsWith("young woman"));
        Assert.All(youngWoman, m => Assert.Equal("Hester Prynne", cast[m.Character].Name));
        Assert.Equal("Hester Prynne", cast[story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker].Name);
    }

    [Fact]
    public void A_description_is_not_handed_to_the_one_its_lines_call_by_name()
    {
        // The narration names Hugh Fenn just after the parson; but the parson calls Hugh by name: two people.
        var story = Run("""
            An old parson rode up the lane on a gray mare.

            "Good evening, Hugh Fenn," said the parson.

            Hugh Fenn stopped and looked up at him.

            "Good evening, sir," said Hugh.
            """);
        var parson = Described(story);
        Assert.NotNull(parson);
        Assert.Equal("the parson", parson.Name);
        Assert.Equal(parson.Index, story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker);
    }

    [Fact]
    public void A_noun_that_says_the_person_is_unnamed_needs_no_introduction()
    {
        // "the stranger" with no "a stranger" before it is still someone new; "the painter" would be someone already there.
        var story = Run("""
            Mrs. Hall kept the inn at the crossroads.

            The stranger came early in February, through the snow.

            "A room," said the stranger. "And a fire."
            """);
        Assert.Equal("the stranger", Described(story)?.Name);
    }

    [Fact]
    public void A_stranger_takes_the_pronouns_that_follow_its_mentions()
    {
        var story = Run("""
            Mrs. Hall kept the inn at the crossroads.

            A stranger came in out of the snow. He shook his coat.

            "A room," said the stranger. "And a fire."

            The stranger sat by the hearth. He did not take off his hat.
            """);
        var stranger = Described(story);
        Assert.NotNull(stranger);
        Assert.Equal("the stranger", stranger.Name);
        Assert.Equal("he/him", stranger.Pronouns);
    }
}
