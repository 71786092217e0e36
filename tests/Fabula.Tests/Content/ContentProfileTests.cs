using Fabula.Content;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Tests.Golden;
using Fabula.Text;

namespace Fabula.Tests.Content;

/// <summary>Ratings, archive warnings, the tag audit and reading time.</summary>
public sealed class ContentProfileTests
{
    private static ContentProfile Profile(string text, DeclaredTags? declared = null)
    {
        var source = StorySource.Plain() with { Declared = declared };
        return Pipeline.Default.Run(new ReadDocument(text, source)).Get<ContentProfile>();
    }

    private static DeclaredTags Declared(string rating, string[] warnings, params string[] tags) =>
        new(rating, warnings, [], [], [], [], tags, null, []);

    [Fact]
    public void A_gentle_story_is_general_audiences_with_no_archive_warnings()
    {
        var profile = Profile("The garden was full of roses. Anna watered them every morning and sang to the bees.");
        Assert.Equal(RatingRules.General, profile.Rating);
        Assert.Equal([RatingRules.NoWarningsApply], profile.ArchiveWarnings);
        Assert.Empty(profile.Warnings);
    }

    [Fact]
    public void Violence_on_the_page_is_teen_and_up()
    {
        var profile = Profile("Tom punched the stranger in the face. The stranger hit him back.");
        Assert.Equal(RatingRules.Teen, profile.Rating);
        Assert.Contains(profile.RatingReasons, r => r.StartsWith("violence shown", StringComparison.Ordinal));
    }

    [Fact]
    public void Graphic_violence_is_mature_with_the_archive_warning()
    {
        var profile = Profile("He stabbed the guard, and blood poured from the wound onto the stones. "
            + "The second guard fell with a gaping wound in his side, covered in blood.");
        Assert.Equal(RatingRules.Mature, profile.Rating);
        Assert.Contains(RatingRules.GraphicViolenceWarning, profile.ArchiveWarnings);
    }

    [Fact]
    public void Explicit_sex_is_explicit()
    {
        var profile = Profile("They undressed each other slowly. Their lovemaking ended in an orgasm for both of them.");
        Assert.Equal(RatingRules.Explicit, profile.Rating);
        Assert.Equal(Severity.Graphic, profile.Find("sexual-content")!.Severity);
    }

    [Fact]
    public void Non_consent_gives_rape_non_con()
    {
        var profile = Profile("She begged him to stop and tried to push him away, but he held her down and undressed her. "
            + "Afterwards she lay still; he had raped her.");
        Assert.Contains(RatingRules.RapeNonCon, profile.ArchiveWarnings);
        Assert.Equal(RatingRules.Mature, profile.Rating);
    }

    [Fact]
    public void Reading_time_counts_words_at_260_a_minute()
    {
        string text = string.Join(' ', Enumerable.Repeat("word", 600)) + ".";
        var time = Profile(text).ReadingTime;
        Assert.Equal(600, time.Words);
        Assert.Equal(3, time.Minutes);
        Assert.Equal(260, time.WordsPerMinute);
    }

    [Theory]
    [InlineData("Rape/Non-Con", "sexual-violence")]
    [InlineData("non-con", "sexual-violence")]
    [InlineData("Noncon", "sexual-violence")]
    [InlineData("Underage", "underage")]
    [InlineData("Suicide mention", "suicide")]
    [InlineData("Implied/Referenced Suicide", "suicide")]
    [InlineData("Past Child Abuse", "child-abuse")]
    [InlineData("Blood and Injury", "graphic-violence")]
    public void Authors_tags_reach_categories(string tag, string category) =>
        Assert.NotEqual(0UL, TagAuditor.CategoriesOf(tag) & ContentTaxonomy.Get(category).Bit);

    [Fact]
    public void Past_child_abuse_is_not_domestic_abuse()
    {
        ulong mask = TagAuditor.CategoriesOf("Past Child Abuse");
        Assert.Equal(0UL, mask & ContentTaxonomy.Get("domestic-abuse").Bit);
        Assert.Equal(0UL, TagAuditor.CategoriesOf("Fluff") | TagAuditor.CategoriesOf("Found Family"));
    }

    [Fact]
    public void Audit_lists_missing_and_unsupported_tags()
    {
        var profile = Profile("He stabbed the guard, and blood poured from the wound onto the stones. "
                + "The second guard fell with a gaping wound in his side, covered in blood.",
            Declared(RatingRules.Teen, [RatingRules.NoWarningsApply], "Kidnapping", "Fluff"));
        var audit = profile.Audit!;
        Assert.Equal(RatingRules.Teen, audit.DeclaredRating);
        Assert.Equal(RatingRules.Mature, audit.DetectedRating);
        Assert.False(audit.CreatorChoseNotToWarn);
        Assert.Contains(RatingRules.GraphicViolenceWarning, audit.Missing);
        Assert.Contains("violence", audit.Missing);
        Assert.Equal(["Kidnapping"], audit.Unsupported);
    }

    [Fact]
    public void Creator_chose_not_to_warn_still_gets_the_list()
    {
        var profile = Profile("He stabbed the guard, and blood poured from the wound onto the stones. He was dead.",
            Declared(RatingRules.NotRated, [RatingRules.ChoseNotToWarn]));
        Assert.True(profile.Audit!.CreatorChoseNotToWarn);
        Assert.Contains("violence", profile.Audit.Missing);
        Assert.Empty(profile.Audit.Unsupported);
    }

    [Fact]
    public void Old_underage_warning_matches_underage_sex()
    {
        var profile = Profile("He slept with the girl although she was only fifteen. Later he slept with her again; she was fifteen.",
            Declared(RatingRules.Explicit, [RatingRules.UnderageOld]));
        Assert.Contains(RatingRules.UnderageSex, profile.ArchiveWarnings);
        Assert.DoesNotContain(RatingRules.UnderageSex, profile.Audit!.Missing);
        Assert.DoesNotContain(RatingRules.UnderageOld, profile.Audit.Unsupported);
    }

    [Fact]
    public void The_ao3_sample_is_audited_as_declared()
    {
        var document = StoryReader.ReadFile(Path.Combine(GoldenTests.RepoRoot(), "samples", "the-lantern-keeper-ao3.html"));
        var story = Pipeline.Default.Run(document);
        var audit = story.Get<ContentProfile>().Audit!;
        Assert.Equal(RatingRules.Teen, audit.DeclaredRating);
        Assert.Equal(RatingRules.Teen, audit.DetectedRating);
        Assert.Equal([RatingRules.MajorCharacterDeath], audit.DeclaredWarnings);
        Assert.Empty(audit.Missing);
        Assert.Empty(audit.Unsupported);
        var time = story.Get<ContentProfile>().ReadingTime;
        Assert.Equal(2, time.Chapters.Count);
    }

    [Fact]
    public void Content_json_carries_evidence_with_offsets_into_the_text()
    {
        const string text = "Tom punched the stranger in the face.";
        var story = Pipeline.Default.Run(text);
        var json = AnalysisJson.From(story).Content!;
        var violence = json.Warnings.Single(w => w.Category == "violence");
        var evidence = violence.Evidence.Single();
        Assert.Equal(text, story.Text.ToString()[evidence.Start..evidence.End]);
        Assert.Equal("punched", evidence.Trigger);
        Assert.Equal("depicted", evidence.Severity);
    }

    [Fact]
    public void A_whole_ao3_story_is_audited_against_its_preface()
    {
        string path = Path.Combine(GoldenTests.RepoRoot(), "tests", "Fabula.Tests", "Content", "Fixtures", "the-winter-road-ao3.html");
        var story = Pipeline.Default.Run(StoryReader.ReadFile(path));
        var profile = story.Get<ContentProfile>();
        var audit = profile.Audit!;
        // Declared: Teen And Up, no archive warnings by choice; Kidnapping, Implied/Referenced Suicide,
        // Past Child Abuse, Alcohol, Hurt/Comfort. The text: a kidnapping, a fight told with blood and
        // wounds, a brother's suicide in backstory, a night of drinking — and no child abuse.
        Assert.Equal(RatingRules.Teen, audit.DeclaredRating);
        Assert.Equal(RatingRules.Mature, audit.DetectedRating);
        Assert.True(audit.CreatorChoseNotToWarn);
        Assert.Equal([RatingRules.ChoseNotToWarn], audit.DeclaredWarnings);
        Assert.Equal([RatingRules.GraphicViolenceWarning, "violence", "graphic-violence"], audit.Missing);
        Assert.Equal(["Past Child Abuse"], audit.Unsupported);
        Assert.Equal(Severity.Mentioned, profile.Find("suicide")!.Severity);
        Assert.NotNull(profile.Find("captivity"));
        Assert.NotNull(profile.Find("substance-abuse"));
        Assert.Equal(2, profile.ReadingTime.Chapters.Count);
    }
}
