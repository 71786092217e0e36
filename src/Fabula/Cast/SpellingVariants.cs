using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// One name spelt two or three ways ("Valentine", "Valentin"): untitled names within a small edit distance
/// (1 for short names, 2 from seven letters), starting with the same letter, never in one sentence
/// together, in the same company (they share a character seen near them, or the rarer one has no
/// company at all), and not both ordinary first names ("Mary" and "Mark" are two people). The rarer
/// spelling joins the more frequent one, and the merge is reported as a consistency finding.
/// </summary>
internal static class SpellingVariants
{
    private const int CompanyWindow = 3; // paragraphs either side

    public static void Merge(TokenView view, List<NameMention> names, int[] characterOf, List<Character> characters, ConsistencyFindings findings)
    {
        int n = characters.Count;
        var sentences = new HashSet<int>[n];
        var company = new HashSet<int>[n];
        var counts = new int[n];
        for (int c = 0; c < n; c++) { sentences[c] = []; company[c] = []; }
        var byParagraph = new Dictionary<int, List<int>>();
        for (int m = 0; m < names.Count; m++)
        {
            int c = characterOf[m];
            if (c < 0) continue;
            counts[c]++;
            sentences[c].Add(view.SentenceOf[names[m].FirstToken]);
            int p = view.ParagraphOf[names[m].FirstToken];
            (byParagraph.TryGetValue(p, out var list) ? list : byParagraph[p] = []).Add(c);
        }
        foreach (var (p, here) in byParagraph)
            for (int q = p - CompanyWindow; q <= p + CompanyWindow; q++)
                if (byParagraph.TryGetValue(q, out var near))
                    foreach (int a in here) foreach (int b in near) if (a != b) company[a].Add(b);

        var tables = CastTables.Shared;
        var mergedInto = new int[n];
        for (int c = 0; c < n; c++) mergedInto[c] = c;
        // Candidates: characters named by one word; compare the rarer with the more frequent.
        var single = Enumerable.Range(0, n).Where(c => counts[c] > 0 && KeyWord(characters[c]) is { Length: >= 4 })
            .OrderByDescending(c => counts[c]).ToList();
        for (int i = 0; i < single.Count; i++)
        {
            int rare = single[i];
            string word = KeyWord(characters[rare])!;
            for (int j = 0; j < i; j++)
            {
                int common = Root(mergedInto, single[j]);
                if (common == rare) continue;
                string other = KeyWord(characters[single[j]])!;
                if (other[0] != word[0] || other == word) continue;
                int limit = Math.Min(word.Length, other.Length) >= 7 ? 2 : 1;
                if (Distance(word, other, limit) > limit) continue;
                if (tables.FirstNames.ContainsKey(word) && tables.FirstNames.ContainsKey(other)) continue;
                if (sentences[rare].Overlaps(sentences[single[j]])) continue;
                bool sameCompany = company[rare].Count == 0 || company[rare].Overlaps(company[single[j]]);
                if (!sameCompany) continue;
                mergedInto[rare] = common;
                break;
            }
        }

        var variants = new Dictionary<int, List<int>>();
        for (int c = 0; c < n; c++)
        {
            int root = Root(mergedInto, c);
            if (root != c) (variants.TryGetValue(root, out var l) ? l : variants[root] = []).Add(c);
        }
        foreach (var (root, merged) in variants.OrderBy(v => v.Key))
        {
            var forms = new List<string> { KeyWord(characters[root])! };
            var evidence = new List<TextSpan>();
            foreach (int c in merged)
            {
                forms.Add(KeyWord(characters[c])!);
                foreach (var alias in characters[c].Aliases) characters[root].Aliases.Add(alias);
            }
            characters[root].Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
            for (int m = 0; m < names.Count; m++)
            {
                int c = characterOf[m];
                if (c < 0) continue;
                if (merged.Contains(c)) { characterOf[m] = root; if (evidence.Count < 20) evidence.Add(names[m].Span); }
                else if (c == root && evidence.Count == 0) evidence.Add(names[m].Span);
            }
            evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
            findings.Items.Add(new ConsistencyFinding("spelling-variant",
                $"One character's name is spelt {forms.Count} ways: {string.Join(", ", forms)}", forms, evidence));
        }
    }

    private static int Root(int[] into, int c) { while (into[c] != c) c = into[c]; return c; }

    /// <summary>The name a character is compared by: its name without a title ("Valentine", "Lizabeth Ellen").</summary>
    private static string? KeyWord(Character c)
    {
        string name = c.Name;
        int space = name.IndexOf(' ');
        return space > 0 && CastTables.Shared.IsTitle(name.AsSpan(0, space), out _) ? null : name;
    }

    /// <summary>Levenshtein distance, stopping once it exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
