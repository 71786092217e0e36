using Fabula.Content;
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
        // The dialogue stage attributes '"I will not forget," said Jocelyn' to Jocelyn, after "Jocelyn died".
        var story = Pipeline.Default.Run(Fixtures.Omegaverse);
        var finding = Assert.Single(story.Get<ConsistencyFindings>().Items, f => f.Kind == "speaks-after-death");
        Assert.Equal("Jocelyn died", story.Text.Copy(finding.Evidence[0]));
        Assert.Equal("\"I will not forget,\"", story.Text.Copy(finding.Evidence[1]));
    }

    [Fact]
    public void Speech_before_the_death_is_no_finding()
    {
        var story = Pipeline.Default.Run("""
            "I will not forget," said Jocelyn. Simon nodded.

            Jocelyn died that winter. Simon wept.
            """);
        Assert.DoesNotContain(story.Get<ConsistencyFindings>().Items, f => f.Kind == "speaks-after-death");
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
