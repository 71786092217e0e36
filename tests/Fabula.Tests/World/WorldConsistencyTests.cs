using Fabula.Content;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Text;
using Fabula.World;

namespace Fabula.Tests.World;

public sealed class WorldConsistencyTests
{
    [Fact]
    public void Contradicting_eyes_and_an_age_that_stays_while_years_pass_are_findings()
    {
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var findings = story.Get<ConsistencyFindings>().Items;
        var eyes = Assert.Single(findings, f => f.Kind == "attribute-conflict");
        Assert.Equal(["green", "blue"], eyes.Forms);
        Assert.Equal("his green eyes", story.Text.Copy(eyes.Evidence[0]));
        var age = Assert.Single(findings, f => f.Kind == "age-timeline");
        Assert.Contains("Isabelle", age.Message);
    }

    [Fact]
    public void Ages_that_grow_with_the_years_are_no_finding()
    {
        var story = Pipeline.Default.Run("""
            Alec was twelve. Alec liked the lake.

            * * *

            Ten years later, Alec came back. Alec was twenty-two.
            """);
        Assert.DoesNotContain(story.Get<ConsistencyFindings>().Items, f => f.Kind == "age-timeline");
    }

    [Fact]
    public void A_character_speaking_after_their_death_is_a_finding()
    {
        var story = new Story(new Fabula.Reading.ReadDocument(Fabula.Reading.TextNormalizer.Normalize(Fixtures.Omegaverse), Fabula.Reading.StorySource.Plain()));
        foreach (var stage in Pipeline.Default.Stages)
        {
            if (stage is WorldConsistency)
            {
                // What the dialogue stage would say: the last quotation is Jocelyn's.
                var quotes = story.Layer<Quotation>();
                var cast = story.Get<Fabula.Cast.CastList>();
                int jocelyn = cast.Characters.Single(c => c.Name == "Jocelyn Fray").Index;
                var attributions = new List<Attribution>();
                for (int q = 0; q < quotes.Count; q++)
                    attributions.Add(new Attribution(quotes[q].Span, q, q == quotes.Count - 1 ? jocelyn : -1, -1, 0.9f, AttributionMethod.Explicit));
                story.Add(attributions);
            }
            stage.Run(story);
        }
        var finding = Assert.Single(story.Get<ConsistencyFindings>().Items, f => f.Kind == "speaks-after-death");
        Assert.Equal("Jocelyn died", story.Text.Copy(finding.Evidence[0]));
    }

    [Fact]
    public void The_content_stage_reads_the_ages_in_force()
    {
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var ages = story.Get<ICharacterAges>();
        int birthday = story.Text.ToString().IndexOf("Isabelle had dark eyes", StringComparison.Ordinal);
        Assert.Equal(12, ages.YoungestAgeIn(new TextSpan(birthday, 30)));
        // Years later her age is no longer known, whatever a clerk wrote.
        int later = story.Text.ToString().IndexOf("Years later, Isabelle", StringComparison.Ordinal);
        Assert.Null(ages.YoungestAgeIn(new TextSpan(later, 30)));
    }
}
