using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Content;

/// <summary>
/// Compares what an AO3 author declared (rating, archive warnings, additional tags) with what the
/// text shows. Tags in the author's own words ("noncon", "suicide mention", "past abuse") reach
/// categories through Data/content/tags.txt.
/// </summary>
public static class TagAuditor
{
    private static readonly List<(string[] Words, ulong Categories)> Table = LoadTable();

    public static TagAudit Audit(DeclaredTags declared, ContentFindings findings, string detectedRating, IReadOnlyList<string> detectedWarnings)
    {
        bool choseNotToWarn = false;
        ulong declaredMask = 0;
        var unsupported = new List<string>();
        foreach (var warning in declared.ArchiveWarnings)
        {
            if (Same(warning, RatingRules.ChoseNotToWarn)) { choseNotToWarn = true; continue; }
            if (Same(warning, RatingRules.NoWarningsApply)) continue;
            ulong mask = CategoriesOf(warning);
            declaredMask |= mask;
            if (mask != 0 && !HasEvidence(findings, mask)) unsupported.Add(warning);
        }
        foreach (var tag in declared.AdditionalTags)
        {
            ulong mask = CategoriesOf(tag);
            declaredMask |= mask;
            if (mask != 0 && !HasEvidence(findings, mask)) unsupported.Add(tag);
        }

        var missing = new List<string>();
        foreach (var warning in detectedWarnings)
            if (!Declares(declared.ArchiveWarnings, warning)) missing.Add(warning);
        foreach (var w in findings.Warnings)
            if ((declaredMask & w.Category.Bit) == 0) missing.Add(w.Category.Id);

        return new TagAudit(declared.Rating, detectedRating, declared.ArchiveWarnings, choseNotToWarn, missing, unsupported);
    }

    /// <summary>The categories a tag names: table entries found in its words; an entry inside a longer match gives way.</summary>
    public static ulong CategoriesOf(string tag)
    {
        var words = Normalize(tag);
        var matches = new List<(int From, int To, ulong Categories)>();
        foreach (var (entry, categories) in Table)
            for (int i = 0; i + entry.Length <= words.Length; i++)
            {
                bool match = true;
                for (int k = 0; k < entry.Length && match; k++) match = words[i + k] == entry[k];
                if (match) matches.Add((i, i + entry.Length, categories));
            }
        ulong mask = 0;
        for (int a = 0; a < matches.Count; a++)
        {
            bool inside = false;
            for (int b = 0; b < matches.Count && !inside; b++)
                inside = b != a && matches[b].From <= matches[a].From && matches[b].To >= matches[a].To
                         && matches[b].To - matches[b].From > matches[a].To - matches[a].From;
            if (!inside) mask |= matches[a].Categories;
        }
        return mask;
    }

    // "Underage" (older downloads) and "Underage Sex" are the same warning.
    private static bool Declares(IReadOnlyList<string> declared, string warning)
    {
        foreach (var d in declared)
            if (Same(d, warning) || IsUnderage(d) && IsUnderage(warning)) return true;
        return false;
    }

    private static bool IsUnderage(string w) => Same(w, RatingRules.UnderageSex) || Same(w, RatingRules.UnderageOld);

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private static bool HasEvidence(ContentFindings findings, ulong mask)
    {
        foreach (var w in findings.Warnings)
            if ((mask & w.Category.Bit) != 0 && w.Passages.Count > 0) return true;
        foreach (var w in findings.Unreported)
            if ((mask & w.Category.Bit) != 0 && w.Passages.Count > 0) return true;
        return false;
    }

    private static string[] Normalize(string tag)
    {
        var words = new List<string>();
        int i = 0;
        while (i < tag.Length)
        {
            if (!char.IsLetterOrDigit(tag[i])) { i++; continue; }
            int s = i;
            while (i < tag.Length && char.IsLetterOrDigit(tag[i])) i++;
            words.Add(tag[s..i].ToLowerInvariant());
        }
        return [.. words];
    }

    private static List<(string[], ulong)> LoadTable()
    {
        var table = new List<(string[], ulong)>();
        foreach (var line in WordList.Lines("content/tags.txt"))
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length != 2) throw new InvalidOperationException($"tags.txt: expected 'words | categories' in '{line}'.");
            ulong mask = 0;
            foreach (var id in f[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                mask |= ContentTaxonomy.Get(id).Bit;
            table.Add((Normalize(f[0]), mask));
        }
        return table;
    }
}
