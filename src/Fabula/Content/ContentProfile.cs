namespace Fabula.Content;

/// <summary>
/// What the content stage found in a story (docs/content.md): the AO3 rating and archive warnings
/// with their reasons, every warning with its passages, the tag audit against the author's
/// declared tags (AO3 downloads only) and the reading time.
/// </summary>
public sealed record ContentProfile(
    string Rating,
    IReadOnlyList<string> RatingReasons,
    IReadOnlyList<string> ArchiveWarnings,
    IReadOnlyList<ContentWarning> Warnings,
    TagAudit? Audit,
    ReadingTime ReadingTime)
{
    public ContentWarning? Find(string category)
    {
        foreach (var w in Warnings)
            if (w.Category.Id == category) return w;
        return null;
    }
}

/// <summary>A category found in the story: its worst severity, how sure we are, and all its passages (text order).</summary>
public sealed record ContentWarning(ContentCategory Category, Severity Severity, float Confidence, IReadOnlyList<ContentHit> Passages);

/// <summary>
/// The author's declared rating, warnings and tags against what the text shows. Missing: AO3 archive
/// warnings and category ids found but not declared. Unsupported: declared warnings and content
/// tags the text gives no evidence for. CreatorChoseNotToWarn: the author declared "Creator Chose Not
/// To Use Archive Warnings", so missing lists what a reader may meet, not an omission.
/// </summary>
public sealed record TagAudit(
    string? DeclaredRating,
    string DetectedRating,
    IReadOnlyList<string> DeclaredWarnings,
    bool CreatorChoseNotToWarn,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unsupported);

/// <summary>Words and minutes, for the whole work and per chapter, at <see cref="WordsPerMinute"/>.</summary>
public sealed record ReadingTime(int WordsPerMinute, int Words, int Minutes, IReadOnlyList<ChapterReadingTime> Chapters);

public sealed record ChapterReadingTime(int Index, int Words, int Minutes);
