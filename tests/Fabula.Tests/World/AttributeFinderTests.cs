using Fabula.Cast;
using Fabula.Text;
using Fabula.World;

namespace Fabula.Tests.World;

public sealed class AttributeFinderTests
{
    /// <summary>Attributes as "Name: name=value" in text order.</summary>
    private static List<string> Attributes(Story story)
    {
        var cast = story.Get<CastList>();
        var parts = new List<string>();
        foreach (ref readonly var a in story.Layer<CharacterAttribute>().Items)
            parts.Add(cast[a.Character].Name + ": " + a.Name + "=" + a.Value);
        return parts;
    }

    [Fact]
    public void Omegaverse_attributes_name_their_character_and_their_words()
    {
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var found = Attributes(story);
        Assert.Contains("Isabelle: age=12", found);
        Assert.Contains("Isabelle: eyes=dark", found);
        Assert.Contains("Isabelle: hair=black", found);
        Assert.Contains("Isabelle: scent=rain on stone", found);
        Assert.Contains("Simon: scent=cedar and smoke", found);
        Assert.Contains("Simon: height=tall", found);
        Assert.Contains("Simon: build=lean", found);
        Assert.Contains("Jocelyn Fray: occupation=CEO of a company", found);
        Assert.Contains("Jocelyn Fray: origin=Idris", found);
        Assert.Contains("Luke: eyes=green", found);
        Assert.Contains("Luke: eyes=blue", found);
        Assert.Contains("Ben Garroway: occupation=gardener", found);
        var age = story.Layer<CharacterAttribute>().Items.ToArray().First(a => a.Name == "age");
        Assert.Equal("her twelfth birthday", story.Text.Copy(age.Span));
    }

    [Fact]
    public void Born_classes_stated_in_passing_form_the_story_taxonomy()
    {
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var cast = story.Get<CastList>();
        var taxonomy = Assert.Single(story.Get<CharacterFacts>().Taxonomies);
        Assert.Equal(["alpha", "beta", "omega"], taxonomy.Terms);
        Assert.Equal(["Simon"], taxonomy.Members["alpha"].Select(c => cast[c].Name));
        Assert.Equal(["Isabelle", "Luke"], taxonomy.Members["beta"].Select(c => cast[c].Name));
        Assert.Empty(taxonomy.Members["omega"]);   // "your son" is no named character
        Assert.Contains(taxonomy.Evidence, e => story.Text.Copy(e) == "alphas, betas");
        Assert.Contains("Luke: class=beta", Attributes(story));
    }

    [Fact]
    public void A_stated_closed_list_of_classes_forms_the_taxonomy_even_with_one_member()
    {
        var story = Pipeline.Default.Run("""
            Anna lived in Brackenhythe with her brother Tom. Everyone in Brackenhythe is born a Stoker, a Weaver or a Mender.

            Anna was a Weaver. Tom was a Weaver too, and the Weavers kept the looms. Old Martha was a Stoker, and Martha never smiled.

            The Stokers fed the furnaces. Anna and Tom watched them. No one had seen a Mender for a hundred years, and the last Mender had drowned.
            """);
        var cast = story.Get<CastList>();
        var taxonomy = Assert.Single(story.Get<CharacterFacts>().Taxonomies);
        Assert.Equal(["mender", "stoker", "weaver"], taxonomy.Terms);
        Assert.Equal(["Martha"], taxonomy.Members["stoker"].Select(c => cast[c].Name));
        Assert.Equal(["Anna", "Tom"], taxonomy.Members["weaver"].Select(c => cast[c].Name));
        Assert.Empty(taxonomy.Members["mender"]);
        Assert.Contains(taxonomy.Evidence, e => story.Text.Copy(e) == "Everyone in Brackenhythe is born a Stoker, a Weaver or a Mender");
    }

    [Theory]
    // One person's birth is no class system; capitalized nouns without a stated list are no classes.
    [InlineData("""
        Tom was born a prince or a pauper, nobody knew which. Tom was a prince. Ned was a prince too.

        Ned was a Yankee. Tom was a Yankee, and Ned was a Rebel once. The Yankees and the Rebels fought.
        """)]
    [InlineData("""
        Mr. Darcy was a gentleman. Mr. Bingley was a gentleman too, and Jane was a lady. Elizabeth was a lady as well.

        The ladies and gentlemen of Meryton talked of nothing else. Mr. Collins was a clergyman and a fool. Mr. Wickham was a fool.
        """)]
    [InlineData("""
        Mary was a girl of ten. Dickon was a boy, and Colin was a boy too. Martha was a servant.

        Every boy and girl on the moor knew Dickon. Mary was a nuisance, said Martha.
        """)]
    public void Ordinary_novels_have_no_taxonomy(string text) =>
        Assert.Empty(Pipeline.Default.Run(text).Get<CharacterFacts>().Taxonomies);

    [Theory]
    [InlineData("Alec was seventeen. Alec walked home.", "Alec: age=17")]
    [InlineData("Alec was in his early twenties. Alec walked home.", "Alec: age=early 20s")]
    [InlineData("At the age of nine, Alec left Idris. Alec walked home.", "Alec: age=9")]
    [InlineData("Alec, a twelve-year-old, left Idris. Alec walked home.", "Alec: age=12")]
    [InlineData("Dr. Alec Bane came home. Alec walked home.", "Dr. Alec Bane: occupation=doctor")]
    [InlineData("Alec was a tall, thin man. Alec walked home.", "Alec: height=tall")]
    [InlineData("Alec had grey-green eyes. Alec walked home.", "Alec: eyes=grey-green")]
    [InlineData("Alec's hair was red. Alec walked home.", "Alec: hair=red")]
    [InlineData("Alec came from Brocelind. Alec walked home.", "Alec: origin=Brocelind")]
    public void One_statement_one_attribute(string text, string expected) =>
        Assert.Contains(expected, Attributes(Pipeline.Default.Run(text)));

    [Theory]
    [InlineData("When Alec was five, his father left. Alec walked home.")]
    [InlineData("Alec was not a beta. Alec walked home.")]
    [InlineData("Alec was ten minutes late. Alec walked home.")]
    public void Past_denied_and_other_numbers_state_nothing(string text) =>
        Assert.DoesNotContain(Attributes(Pipeline.Default.Run(text)), a => a.Contains("age=") || a.Contains("class="));

    [Fact]
    public void Deaths_are_found_from_verbs_possessives_and_the_late()
    {
        var story = Pipeline.Default.Run("""
            Jocelyn died that winter. Simon wept. Everyone spoke of the late Valentine Morgenstern. Valentine Morgenstern had been cruel.
            """);
        var cast = story.Get<CastList>();
        Assert.Equal(["Jocelyn", "Valentine Morgenstern"], story.Get<CharacterFacts>().Deaths.Select(d => cast[d.Character].Name));
    }

    [Fact]
    public void Only_a_death_the_narration_states_by_name_is_certain()
    {
        var story = Pipeline.Default.Run("""
            Mrs. Bennet meant to leave the house as soon as Mr. Bennet were dead. She feared his death.

            Jocelyn died that winter. Simon wept.
            """);
        var cast = story.Get<CastList>();
        var certain = story.Get<CharacterFacts>().Deaths.Where(d => d.Certain).Select(d => cast[d.Character].Name);
        Assert.Equal(["Jocelyn"], certain);
    }
}
