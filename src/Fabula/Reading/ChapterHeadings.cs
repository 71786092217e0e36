using System.Text.RegularExpressions;

namespace Fabula.Reading;

/// <summary>
/// Which headings of a document start chapters. Markup uses headings for the work's title, for
/// parts and for chapters alike; a heading starts a chapter when its words say so ("Chapter 3",
/// "Part Two", "Epilogue", "XII") or when its level is the highest of h1-h3 that repeats: the
/// level a book uses for its chapters occurs once per chapter, its title once.
/// </summary>
internal static partial class ChapterHeadings
{
    public readonly record struct Heading(int Level, string Text);

    /// <summary>For each heading, in document order, whether it starts a chapter.</summary>
    public static bool[] Choose(IReadOnlyList<Heading> headings)
    {
        Span<int> perLevel = stackalloc int[7];
        foreach (var h in headings)
            if (h.Level is >= 1 and <= 3) perLevel[h.Level]++;
        int chapterLevel = 0;
        for (int level = 1; level <= 3 && chapterLevel == 0; level++)
            if (perLevel[level] >= 2) chapterLevel = level;
        var starts = new bool[headings.Count];
        for (int i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            starts[i] = h.Level is >= 1 and <= 3 && (h.Level == chapterLevel || LooksLikeChapter(h.Text));
        }
        return starts;
    }

    /// <summary>The work's title among the headings: a lone heading above the chapter level, before the first chapter.</summary>
    public static string? FindTitle(IReadOnlyList<Heading> headings, bool[] starts)
    {
        for (int i = 0; i < headings.Count; i++)
        {
            if (starts[i]) return null;
            if (headings[i].Level == 1 && !string.IsNullOrWhiteSpace(headings[i].Text)) return headings[i].Text.Trim();
        }
        return null;
    }

    public static bool LooksLikeChapter(string text) => text.Length <= 120 && ChapterWords().IsMatch(text);

    // English chapter words, or a bare number or Roman numeral; a line-sized pattern.
    [GeneratedRegex(@"^\s*(?:(?:chapter|part|book|volume|act|prologue|epilogue|interlude|afterword|foreword)\b|(?:\d{1,4}|[ivxlc]{1,8})\s*[.:]?\s*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChapterWords();
}
