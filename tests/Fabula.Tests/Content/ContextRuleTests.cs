using Fabula.Content;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Tests.Content;

/// <summary>Each named context rule, on a passage where it (and only it) decides.</summary>
public sealed class ContextRuleTests
{
    [Theory]
    [InlineData("I could kill for a coffee right now.", "violence", ContextRule.Idiom)]
    [InlineData("She was dying of boredom in the waiting room.", "death", ContextRule.Figurative)]
    [InlineData("The news hit her hard.", "violence", ContextRule.Figurative)]
    [InlineData("She didn't hit him.", "violence", ContextRule.Negation)]
    [InlineData("Nobody died in the fire.", "death", ContextRule.Negation)]
    [InlineData("If he ever hurts you, tell me.", "violence", ContextRule.Hypothetical)]
    [InlineData("\"I'll kill you,\" he said.", "violence", ContextRule.Hypothetical)]
    [InlineData("\"Did he hurt you?\" she asked.", "violence", ContextRule.Question)]
    [InlineData("He almost died of the fever.", "death", ContextRule.NearMiss)]
    [InlineData("She hit the ball over the fence.", "violence", ContextRule.ObjectRequired)]
    [InlineData("The battle of Hastings is in the textbook.", "violence", ContextRule.Corroboration)]
    [InlineData("She bit him gently on the shoulder, laughing, and they undressed each other slowly.", "violence", ContextRule.ConsensualScene)]
    public void A_rule_drops_a_hit(string text, string category, ContextRule rule)
    {
        var dropped = new List<DroppedHit>();
        var hits = ContentProfiler.Scan(Pipeline.Default.Run(text), dropped);
        Assert.DoesNotContain(hits, h => h.Category.Id == category);
        Assert.Contains(dropped, d => d.Category.Id == category && d.Rule == rule);
    }

    [Theory]
    [InlineData("Years ago, his father had beaten him.", "violence", ContextRule.Backstory, Severity.Mentioned)]
    [InlineData("He stabbed the guard and blood ran over the stones.", "violence", ContextRule.GraphicDetail, Severity.Graphic)]
    [InlineData("He stabbed the guard and blood ran over the stones.", "graphic-violence", ContextRule.GraphicDetail, Severity.Graphic)]
    [InlineData("He kicked the horse across the yard.", "animal-cruelty", ContextRule.AnimalTarget, Severity.Depicted)]
    [InlineData("He beat the little boy with a belt.", "child-abuse", ContextRule.ChildTarget, Severity.Depicted)]
    [InlineData("Her husband hit her again that night.", "domestic-abuse", ContextRule.PartnerTarget, Severity.Depicted)]
    [InlineData("The doctor sedated the patient before the operation.", "medical", ContextRule.MedicalContext, Severity.Depicted)]
    [InlineData("She begged him to stop, but he held her down and undressed her.", "sexual-violence", ContextRule.ConsentSignals, Severity.Depicted)]
    [InlineData("He slept with the girl although she was only fifteen.", "underage", ContextRule.AgeSignals, Severity.Mentioned)]
    public void A_rule_shapes_a_hit(string text, string category, ContextRule rule, Severity severity)
    {
        var hits = ContentProfiler.Scan(Pipeline.Default.Run(text));
        Assert.Contains(hits, h => h.Category.Id == category && h.Rule == rule && h.Severity == severity);
    }

    [Fact]
    public void Consent_decides_between_a_scene_and_an_assault()
    {
        var consensual = ContentProfiler.Scan(Pipeline.Default.Run("They undressed each other slowly, and she smiled and pulled him closer."));
        var forced = ContentProfiler.Scan(Pipeline.Default.Run("They undressed her while she was unconscious."));
        Assert.Contains(consensual, h => h.Category.Id == "sexual-content");
        Assert.DoesNotContain(consensual, h => h.Category.Id == "sexual-violence");
        Assert.Contains(forced, h => h.Category.Id == "sexual-violence");
    }

    [Theory]
    [InlineData("He slept with the twelve-year-old.", true)]
    [InlineData("He slept with her; she was sixteen.", true)]
    [InlineData("He slept with her when she was twenty-two.", false)]
    [InlineData("He slept with her, and her child slept in the next room.", false)]
    public void Underage_uses_the_age_words_of_the_passage(string text, bool underage) =>
        Assert.Equal(underage, ContentProfiler.Scan(Pipeline.Default.Run(text)).Exists(h => h.Category.Id == "underage"));

    private sealed class Ages(int age) : ICharacterAges
    {
        public int? YoungestAgeIn(TextSpan span) => age;
    }

    [Fact]
    public void Underage_takes_character_ages_from_the_world_stage_hook()
    {
        const string text = "That night Robin slept with him for the first time.";
        var without = Pipeline.Default.Run(text);
        Assert.DoesNotContain(ContentProfiler.Scan(without), h => h.Category.Id == "underage");
        var story = new Story(new ReadDocument(text, StorySource.Plain()));
        foreach (var stage in Pipeline.Default.Stages)
        {
            if (stage is ContentProfiler) story.Set<ICharacterAges>(new Ages(15));
            stage.Run(story);
        }
        Assert.Contains(ContentProfiler.Scan(story), h => h.Category.Id == "underage" && h.Rule == ContextRule.AgeSignals);
    }

    [Fact]
    public void Every_trigger_hit_points_into_its_passage()
    {
        const string text = "He stabbed the guard. She was pregnant. \"Damn,\" said Tom.\n\nThe runaway slave hid.";
        var story = Pipeline.Default.Run(text);
        foreach (var hit in ContentProfiler.Scan(story))
        {
            Assert.True(hit.Passage.Contains(hit.Trigger), $"{hit.Category.Id}: {hit.Trigger} outside {hit.Passage}");
            Assert.True(hit.Passage.End <= text.Length);
        }
    }
}
