using System.Numerics;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// One name spelt two or three ways ("Valentine", "Valentin"): untitled names within a small edit
/// distance (1 for short names, 2 from seven letters), starting with the same letter, never in one
/// sentence together, in the same company (they share a character seen near them, or the rarer one
/// has no company at all), and not two ordinary first names ("Mary" and "Mark" are two people).
/// The rarer spelling joins the more frequent one, even when it alone had too little evidence of
/// being a person's name, and the merge is reported as a consistency finding.
/// </summary>
internal static class SpellingVariants
{
    private const int CompanyWindow = 3; // paragraphs either side

    /// <summary>Names that may be one another's variants: a character's, or a name not yet known to be a person's.</summary>
    private sealed class Bearer(int character)
    {
        public readonly int Character = character;
        public readonly Dictionary<string, int> Forms = [];
        public readonly List<int> Mentions = [];
        /// <summary>The sentences and the company of its mentions, gathered only for a pair of close spellings (few are).</summary>
        public HashSet<int>? Sentences, Company;
        public int Count;
        public Bearer? MergedInto;
        /// <summary>The first letters of its forms, one bit each: two bearers with none in common are no variants.</summary>
        public ulong Initials;
        /// <summary>
        /// The lengths of its forms of four letters or more, one bit each (63 for any longer): two bearers none of whose lengths
        /// are within two of each other are no variants (the distance allowed is at most 2, and shorter forms are never compared).
        /// </summary>
        public ulong Lengths;
        public ulong NearLengths => Lengths | Lengths << 1 | Lengths << 2 | Lengths >> 1 | Lengths >> 2;
    }

    public static void Merge(TokenView view, List<NameMention> names, int[] characterOf, bool[] isPerson, List<Character> characters, ConsistencyFindings findings)
    {
        var tables = CastTables.Shared;
        var bearers = new List<Bearer>();
        var ofCharacter = new Bearer?[characters.Count];
        var ofForm = new Dictionary<string, Bearer>();
        var placeForms = new HashSet<string>(); // PERF: a form's words are split and looked up once, not at each mention
        for (int m = 0; m < names.Count; m++)
        {
            var name = names[m];
            Bearer? bearer;
            if (characterOf[m] >= 0) bearer = ofCharacter[characterOf[m]] ??= Add(bearers, new Bearer(characterOf[m]));
            else if (isPerson[m] || name.Titled) continue;
            else if (ofForm.TryGetValue(name.Form, out var b)) bearer = b;
            else if (placeForms.Contains(name.Form)) continue;
            else if (HasPlaceWord(name.Form, tables)) { placeForms.Add(name.Form); continue; }
            else bearer = ofForm[name.Form] = Add(bearers, new Bearer(-1));
            bearer.Mentions.Add(m);
            bearer.Count++;
            if (!name.Titled)
            {
                bearer.Forms[name.Form] = bearer.Forms.GetValueOrDefault(name.Form) + 1;
                bearer.Initials |= 1UL << (name.Form[0] & 63);
                if (name.Form.Length >= 4) bearer.Lengths |= 1UL << Math.Min(name.Form.Length, 63);
            }
        }
        var neighbourhood = new Neighbourhood(view, names, characterOf);

        bearers.Sort((a, b) => b.Count.CompareTo(a.Count));
        // PERF: for each first letter, the characters' bearers with a form of that initial, in order: a rare
        // bearer is compared with those alone, not with every more common bearer.
        var byInitial = new List<int>?[64];
        var candidates = new List<int>();
        for (int i = 0; i < bearers.Count; i++)
        {
            var rare = bearers[i];
            candidates.Clear();
            // PERF: a bearer is compared only with those that have a form of a length near one of its own (a bit test, where
            // IsVariant read both bearers' forms); one with no form of four letters or more with none.
            ulong near = rare.NearLengths;
            for (ulong bits = near != 0 ? rare.Initials : 0; bits != 0; bits &= bits - 1)
                if (byInitial[BitOperations.TrailingZeroCount(bits)] is { } list) candidates.AddRange(list);
            if (BitOperations.PopCount(rare.Initials) > 1) { candidates.Sort(); }
            int previous = -1;
            foreach (int j in candidates)
            {
                if (j == previous) continue;
                previous = j;
                var common = bearers[j];
                if (common.MergedInto is not null || (common.Lengths & near) == 0) continue;
                if (IsVariant(rare, common, tables, neighbourhood)) { rare.MergedInto = common; break; }
            }
            if (rare.Character >= 0)
                for (ulong bits = rare.Initials; bits != 0; bits &= bits - 1)
                    (byInitial[BitOperations.TrailingZeroCount(bits)] ??= []).Add(i);
        }

        // The bearers merged into each, in order.
        var mergedInto = new Dictionary<Bearer, List<Bearer>>(ReferenceEqualityComparer.Instance);
        foreach (var b in bearers)
            if (b.MergedInto is { } into) (mergedInto.TryGetValue(into, out var list) ? list : mergedInto[into] = []).Add(b);
        foreach (var common in bearers)
        {
            if (common.Character < 0) continue;
            if (!mergedInto.TryGetValue(common, out var merged)) continue;
            var target = characters[common.Character];
            var forms = new List<string> { MostUsed(common.Forms) };
            var evidence = new List<TextSpan>();
            foreach (var b in merged)
            {
                forms.Add(MostUsed(b.Forms));
                if (b.Character >= 0)
                {
                    foreach (var alias in characters[b.Character].Aliases) target.Aliases.Add(alias);
                    characters[b.Character].Aliases.Clear();
                }
                foreach (int m in b.Mentions)
                {
                    if (b.Character < 0) AddAlias(target, view.Text.Copy(names[m].Span));
                    characterOf[m] = common.Character;
                    if (evidence.Count < 20) evidence.Add(names[m].Span);
                }
            }
            evidence.Add(names[common.Mentions[0]].Span);
            evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
            target.Aliases.Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Text, b.Text));
            findings.Items.Add(new ConsistencyFinding("spelling-variant",
                $"One character's name is spelt {forms.Count} ways: {string.Join(", ", forms)}", forms, evidence));
        }
    }

    private static Bearer Add(List<Bearer> bearers, Bearer b) { bearers.Add(b); return b; }

    private static void AddAlias(Character c, string text)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        int i = c.Aliases.FindIndex(a => a.Text == text);
        if (i >= 0) c.Aliases[i] = c.Aliases[i] with { Count = c.Aliases[i].Count + 1 };
        else c.Aliases.Add(new Alias(text, 1));
    }

    private static bool IsVariant(Bearer rare, Bearer common, CastTables tables, Neighbourhood neighbourhood)
    {
        bool close = false;
        foreach (var (a, _) in rare.Forms)
        {
            foreach (var (b, _) in common.Forms)
            {
                int limit = Math.Min(a.Length, b.Length) >= 7 ? 2 : 1;
                // PERF: lengths too far apart for the distance, first, before any comparison of the characters.
                if (Math.Abs(a.Length - b.Length) > limit) continue;
                if (a == b || a.Length < 4 || b.Length < 4 || a[0] != b[0] || IsPlural(a, b) || IsPlural(b, a)) continue;
                if (Distance(a, b, limit) > limit) continue;
                if (TwoOrdinaryNames(a, b, tables)) continue;
                close = true;
            }
        }
        if (!close || neighbourhood.SentencesOf(rare).Overlaps(neighbourhood.SentencesOf(common))) return false;
        var company = neighbourhood.CompanyOf(rare);
        return company.Count == 0 || company.Overlaps(neighbourhood.CompanyOf(common));
    }

    // "Pontelliers" of "Pontellier", "Joneses" of "Jones": a family, not a spelling.
    private static bool IsPlural(string plural, string one) =>
        plural.StartsWith(one, StringComparison.Ordinal) && plural.AsSpan(one.Length) is "s" or "es";

    // "Mary" and "Mark", "Anne" and "Anna": two known first names, short or of different genders, are two people;
    // so are "Joan Durbeyfield" and "John Durbeyfield", whose first words are such names and the rest the same.
    private static bool TwoOrdinaryNames(string a, string b, CastTables tables)
    {
        int space = a.IndexOf(' ');
        if (space > 0 && b.IndexOf(' ') == space && a.AsSpan(space).SequenceEqual(b.AsSpan(space)))
        {
            return tables.FirstNames.TryGetValue(a.AsSpan(0, space), out var g1) && tables.FirstNames.TryGetValue(b.AsSpan(0, space), out var g2)
                   && (space <= 5 || g1 != g2 && g1 != Gender.Unknown && g2 != Gender.Unknown);
        }
        if (!tables.FirstNames.TryGetValue(a, out var ga) || !tables.FirstNames.TryGetValue(b, out var gb)) return false;
        return Math.Min(a.Length, b.Length) <= 5 || ga != gb && ga != Gender.Unknown && gb != Gender.Unknown;
    }

    /// <summary>Where a bearer's names stand: their sentences, and the characters named within a few paragraphs of them.</summary>
    private sealed class Neighbourhood(TokenView view, List<NameMention> names, int[] characterOf)
    {
        private Dictionary<int, HashSet<int>>? _byParagraph;

        public HashSet<int> SentencesOf(Bearer bearer)
        {
            if (bearer.Sentences is { } known) return known;
            var sentences = new HashSet<int>();
            foreach (int m in bearer.Mentions) sentences.Add(view.SentenceOf[names[m].FirstToken]);
            return bearer.Sentences = sentences;
        }

        public HashSet<int> CompanyOf(Bearer bearer)
        {
            if (bearer.Company is { } known) return known;
            var byParagraph = _byParagraph ??= CharactersByParagraph();
            var company = new HashSet<int>();
            foreach (int m in bearer.Mentions)
            {
                int p = view.ParagraphOf[names[m].FirstToken];
                for (int q = p - CompanyWindow; q <= p + CompanyWindow; q++)
                    if (byParagraph.TryGetValue(q, out var near))
                        foreach (int c in near) if (c != bearer.Character) company.Add(c);
            }
            return bearer.Company = company;
        }

        private Dictionary<int, HashSet<int>> CharactersByParagraph()
        {
            var byParagraph = new Dictionary<int, HashSet<int>>();
            for (int m = 0; m < names.Count; m++)
                if (characterOf[m] >= 0)
                {
                    int p = view.ParagraphOf[names[m].FirstToken];
                    (byParagraph.TryGetValue(p, out var set) ? set : byParagraph[p] = []).Add(characterOf[m]);
                }
            return byParagraph;
        }
    }

    private static bool HasPlaceWord(string form, CastTables tables)
    {
        foreach (var word in form.Split(' ')) if (tables.PlaceWords.Contains(word)) return true;
        return false;
    }

    private static string MostUsed(Dictionary<string, int> forms)
    {
        string best = "";
        int most = -1;
        foreach (var (f, n) in forms) if (n > most || n == most && string.CompareOrdinal(f, best) < 0) { best = f; most = n; }
        return best;
    }

    /// <summary>Levenshtein distance, stopping once it exceeds <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        if (b.Length > 62) return limit + 1;
        // PERF: each name lowered once, not each character at every cell of the table.
        Span<char> lowerA = stackalloc char[a.Length];
        Span<char> lowerB = stackalloc char[b.Length];
        ulong lettersA = 0, lettersB = 0;
        for (int i = 0; i < a.Length; i++) lettersA |= 1UL << ((lowerA[i] = char.ToLowerInvariant(a[i])) & 63);
        for (int j = 0; j < b.Length; j++) lettersB |= 1UL << ((lowerB[j] = char.ToLowerInvariant(b[j])) & 63);
        // PERF: every letter of one name that the other lacks takes an edit of its own (deleted or replaced wherever it stands):
        // more of them than the limit, and the names are too far apart without the table. (Letters one bit each, by their
        // low six bits: two letters sharing a bit only make the count smaller.)
        if (BitOperations.PopCount(lettersA & ~lettersB) > limit || BitOperations.PopCount(lettersB & ~lettersA) > limit) return limit + 1;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = lowerA[i - 1] == lowerB[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}
