using Fabula.Content;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Tests.Content;

/// <summary>
/// What makes a warning: passages below <see cref="ContentProfiler.SupportingPassage"/> are listed but
/// never add up to one, however many a long novel has; and the rules that keep common words of
/// older fiction from becoming warnings.
/// </summary>
public sealed class WarningThresholdTests
{
    private static ContentProfile Profile(string text, DeclaredTags? declared = null)
    {
        var source = StorySource.Plain() with { Declared = declared };
        return Pipeline.Default.Run(new ReadDocument(TextNormalizer.Normalize(text), source)).Get<ContentProfile>();
    }

    [Fact]
    public void Many_weak_passages_make_no_warning()
    {
        // Each "chink" is a slur only in a rare sense; ten of them are no more evidence than one.
        var text = string.Join("\n\n", Enumerable.Repeat("Light fell through a chink in the shutters onto the floor.", 10));
        var profile = Profile(text);
        Assert.Null(profile.Find("racism"));
        Assert.Null(profile.Find("slurs"));
    }

    [Fact]
    public void One_clear_passage_makes_a_warning()
    {
        var profile = Profile("Light fell through the shutters.\n\nWhen the winter came, Martin died in his sleep.");
        Assert.NotNull(profile.Find("death"));
    }

    [Fact]
    public void A_weak_passage_still_supports_a_declared_tag()
    {
        var declared = new DeclaredTags(RatingRules.General, [RatingRules.NoWarningsApply], [], [], [], [], ["Alcohol"], null, []);
        // "drunk" alone may be the participle of drink: too weak to warn, enough to support the tag.
        var profile = Profile("By midnight Kesler was drunk and asleep by the stove.", declared);
        Assert.Null(profile.Find("substance-abuse"));
        Assert.DoesNotContain("Alcohol", profile.Audit!.Unsupported);
    }

    [Theory]
    [InlineData("\"By Jove,\" says he, \"she is only teasing me.\"", "transphobia")]
    [InlineData("He went on--she did not stop him.", "transphobia")]
    [InlineData("\"I have hurt your son's feelings,\" he said to Mrs. Grey.", "child-abuse")]
    [InlineData("\"Sarah, come and sleep with me in the nursery,\" said the child.", "underage")]
    [InlineData("She loved to slave for him, and cooked for him still.", "slavery")]
    [InlineData("She was a slave to her habits and to her diary.", "slavery")]
    [InlineData("The girls in the mill were paid starvation wages.", "eating-disorder")]
    public void Common_senses_of_rough_words_make_no_warning(string text, string category) =>
        Assert.Null(Profile(text).Find(category));

    [Theory]
    [InlineData("He thrashed the child with a cane until she cried.", "child-abuse")]
    [InlineData("That night he got drunk again and slept on the floor.", "substance-abuse")]
    [InlineData("The men called him a he-she and laughed.", "transphobia")]
    public void Clear_passages_still_make_a_warning(string text, string category) =>
        Assert.NotNull(Profile(text).Find(category));
}

/// <summary>Major Character Death asks the cast stage who the main characters are.</summary>
public sealed class MainCharacterDeathTests
{
    private static string Story(string ending)
    {
        var lines = new List<string>();
        for (int i = 0; i < 12; i++)
            lines.Add($"Tom walked to the mill with Anna on day {i + 1}. Tom said little, and Anna laughed at him.");
        lines.Add("Old Pell, the miller, waved to them once from his door.");
        lines.Add(ending);
        return string.Join("\n\n", lines);
    }

    [Fact]
    public void The_cast_names_the_main_characters()
    {
        var story = Pipeline.Default.Run(Story("The winter was long."));
        var main = new CastMainCharacters(story.Get<Fabula.Cast.CastList>());
        Assert.True(main.IsMainCharacter("Tom"));
        Assert.False(main.IsMainCharacter("Pell"));
    }

    [Fact]
    public void A_main_character_killed_is_a_major_character_death()
    {
        var profile = Pipeline.Default.Run(Story("That winter a soldier shot Tom, and Tom died in the snow.")).Get<ContentProfile>();
        Assert.Contains(RatingRules.MajorCharacterDeath, profile.ArchiveWarnings);
    }

    [Fact]
    public void A_minor_character_dying_is_no_major_character_death()
    {
        var profile = Pipeline.Default.Run(Story("That winter a soldier shot Old Pell, and Pell died in the snow.")).Get<ContentProfile>();
        Assert.NotNull(profile.Find("death"));
        Assert.DoesNotContain(RatingRules.MajorCharacterDeath, profile.ArchiveWarnings);
    }
}

public sealed class LexiconSenseTests
{
    [Theory]
    [InlineData("The dogs came on, slavering and snarling, through the snow.", "slavery")]
    [InlineData("Land without hands to work it was a drug on the market that year.", "drugging")]
    public void A_word_in_another_sense_is_no_hit(string text, string category) =>
        Assert.DoesNotContain(ContentProfiler.Scan(Pipeline.Default.Run(text)), h => h.Category.Id == category);
}

public sealed class UnderageEvidenceTests
{
    private sealed class KnownAges(int age) : ICharacterAges
    {
        public int? YoungestAgeIn(Fabula.Text.TextSpan span) => age;
    }

    private static List<ContentHit> Scan(string text, int? knownAge = null)
    {
        var story = Pipeline.Default.Run(text);
        if (knownAge is int age) story.Set<ICharacterAges>(new KnownAges(age));
        return ContentProfiler.Scan(story);
    }

    [Theory]
    [InlineData("In the small hours she told him how he had walked in his sleep with her in his arms across the stream.")]
    [InlineData("Weary with picking berries, Adele had gone to bed with the sun.")]
    public void Sleep_in_its_other_senses_is_no_sexual_passage(string text) =>
        Assert.DoesNotContain(Scan(text), h => h.Category.Id is "sexual-content" or "underage");

}
