using Fabula.Content;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>The <c>content</c> member of the JSON contract (docs/json.md, docs/content.md).</summary>
public sealed record ContentJson(
    string Rating,
    IReadOnlyList<string> RatingReasons,
    IReadOnlyList<string> ArchiveWarnings,
    IReadOnlyList<WarningJson> Warnings,
    AuditJson? Audit,
    ReadingTimeJson ReadingTime)
{
    /// <summary>At most this many passages per warning are written: the worst first, then in text order.</summary>
    public const int MaxEvidence = 20;

    // A snippet is the sentence, cut to this many characters around the trigger.
    private const int SnippetLength = 200;

    public static ContentJson From(Story story, ContentProfile profile)
    {
        var warnings = new List<WarningJson>();
        foreach (var w in profile.Warnings)
        {
            var chosen = new List<ContentHit>(w.Passages);
            if (chosen.Count > MaxEvidence)
            {
                chosen.Sort((a, b) => a.Severity != b.Severity ? b.Severity.CompareTo(a.Severity)
                    : a.Confidence != b.Confidence ? b.Confidence.CompareTo(a.Confidence) : a.Passage.Start.CompareTo(b.Passage.Start));
                chosen.RemoveRange(MaxEvidence, chosen.Count - MaxEvidence);
                chosen.Sort((a, b) => a.Passage.Start.CompareTo(b.Passage.Start));
            }
            var evidence = new List<EvidenceJson>(chosen.Count);
            foreach (var hit in chosen)
                evidence.Add(new EvidenceJson(hit.Passage.Start, hit.Passage.End, Snippet(story.Text, hit),
                    story.Text.Copy(hit.Trigger), Name(hit.Severity), MathF.Round(hit.Confidence, 2),
                    hit.Rule == ContextRule.None ? null : hit.Rule.ToString(), hit.Aspect));
            warnings.Add(new WarningJson(w.Category.Id, Name(w.Severity), w.Confidence, w.Passages.Count, evidence));
        }
        AuditJson? audit = profile.Audit is { } a
            ? new AuditJson(a.DeclaredRating, a.DetectedRating, a.DeclaredWarnings, a.CreatorChoseNotToWarn, a.Missing, a.Unsupported)
            : null;
        var chapters = new List<ChapterTimeJson>();
        foreach (var c in profile.ReadingTime.Chapters) chapters.Add(new ChapterTimeJson(c.Index, c.Words, c.Minutes));
        var time = new ReadingTimeJson(profile.ReadingTime.WordsPerMinute, profile.ReadingTime.Words, profile.ReadingTime.Minutes, chapters);
        return new ContentJson(profile.Rating, profile.RatingReasons, profile.ArchiveWarnings, warnings, audit, time);
    }

    public static string Name(Severity severity) => severity switch
    {
        Severity.Graphic => "graphic",
        Severity.Depicted => "depicted",
        _ => "mentioned",
    };

    private static string Snippet(StoryText text, ContentHit hit)
    {
        var passage = hit.Passage;
        int start = passage.Start, end = passage.End;
        if (passage.Length > SnippetLength)
        {
            start = Math.Max(passage.Start, hit.Trigger.Start - SnippetLength / 2);
            end = Math.Min(passage.End, start + SnippetLength);
        }
        var s = text.Copy(TextSpan.FromBounds(start, end)).ReplaceLineEndings(" ");
        return (start > passage.Start ? "…" : "") + s + (end < passage.End ? "…" : "");
    }
}

/// <summary>A warning: category id, worst severity, confidence (0–1), number of passages, and up to 20 of them.</summary>
public sealed record WarningJson(string Category, string Severity, float Confidence, int Passages, IReadOnlyList<EvidenceJson> Evidence);

/// <summary>One passage: the sentence's offsets, a snippet, the words that triggered it, and the rule that shaped it.</summary>
public sealed record EvidenceJson(int Start, int End, string Snippet, string Trigger, string Severity, float Confidence, string? Rule, string? Aspect);

public sealed record AuditJson(
    string? DeclaredRating, string DetectedRating, IReadOnlyList<string> DeclaredWarnings, bool CreatorChoseNotToWarn,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Unsupported);

public sealed record ReadingTimeJson(int WordsPerMinute, int Words, int Minutes, IReadOnlyList<ChapterTimeJson> Chapters);

public sealed record ChapterTimeJson(int Index, int Words, int Minutes);
