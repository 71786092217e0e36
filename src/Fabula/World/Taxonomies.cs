using System.Numerics;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// The story's own classes, found from the text alone (no list of any fandom's terms). The rule
/// (docs/json.md, <c>taxonomies</c>):
/// <list type="number">
/// <item>A candidate term is a noun the text predicates of a character as the head of "X was a/an
/// N" or "X was born a/an N" — an occupation, a body word, or a noun every person is (a sex, an
/// age, a kinship, per WordNet: "girl", "lady", "gentleman", "sister") is never one.</item>
/// <item>A noun WordNet knows as a kind of person ("witch", "vampire", "fool") must be predicated of
/// two characters or more; any other noun ("beta") of one person, named or not ("your son").</item>
/// <item>Candidate terms form one set when the text lists them together in the plural ("alphas and
/// omegas", "alphas, betas, or omegas": kinds of people), or states them as the classes everyone is born
/// to ("Everyone was born either a Keeper or a Drifter", "every child is born an X, a Y or a Z") — that is
/// what makes the set closed. A stated term counts of one character, capitalized ("Wren was a
/// Keeper") or an occupation. Every candidate
/// must be a noun (WordNet knows "sensible" and "away" only as other parts of speech).</item>
/// <item>A set is a taxonomy when it has two terms or more, each used twice or more in the text,
/// predicated three times or more of two characters or more.</item>
/// </list>
/// So an ordinary novel, where "Mr. Darcy is a gentleman" and "she is a lady", has none; a story
/// where "Izzy was a beta", "Jace was an alpha too" and "alphas and omegas" meet has one.
/// </summary>
internal static class Taxonomies
{
    private const int MaxTerms = 64, Plural = 1 << 16;

    public static List<Taxonomy> Find(WorldView view, List<AttributeFinder.Predicate> predicates, List<AttributeFinder.StatedClasses> statedLists,
        List<CharacterAttribute> attributes, WorldTables words)
    {
        var found = new List<Taxonomy>();
        if (predicates.Count < 3) return found;
        var statedTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in statedLists) statedTerms.UnionWith(list.Terms);

        // Candidate terms and the characters they are predicated of.
        var byTerm = new Dictionary<string, List<AttributeFinder.Predicate>>(StringComparer.Ordinal);
        foreach (var p in predicates)
        {
            if (p.OnlyIfStated && !statedTerms.Contains(p.Term)) continue;
            if (!byTerm.TryGetValue(p.Term, out var list)) byTerm[p.Term] = list = [];
            list.Add(p);
        }
        // A stated class no one is said to be is still one of the set ("No one had seen a Mender").
        foreach (var term in statedTerms) byTerm.TryAdd(term, []);
        var terms = new List<string>();
        foreach (var (term, list) in byTerm)
        {
            var characters = new HashSet<int>();
            foreach (var p in list) if (p.Character >= 0) characters.Add(p.Character);
            if (statedTerms.Contains(term) || (words.PersonNouns.Contains(term) ? characters.Count >= 2 : list.Count >= 1)) terms.Add(term);
        }
        if (terms.Count < 2) return found;
        terms.Sort((a, b) => byTerm[b].Count != byTerm[a].Count ? byTerm[b].Count.CompareTo(byTerm[a].Count) : string.CompareOrdinal(a, b));
        if (terms.Count > MaxTerms) terms.RemoveRange(MaxTerms, terms.Count - MaxTerms);

        // Each term's forms (singular, plural), counted over the text; terms met in one sentence are linked.
        // Forms: the singular as t, the plural as t + Plural (a list links plurals only: "alphas and
        // omegas" speaks of kinds of people, "a large, pale face" of one thing).
        var forms = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int t = 0; t < terms.Count; t++) forms.TryAdd(terms[t], t);
        for (int t = 0; t < terms.Count; t++)
        {
            forms.TryAdd(terms[t] + "s", t + Plural);
            forms.TryAdd(terms[t] + "es", t + Plural);
        }
        var lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        var uses = new int[terms.Count];
        var parent = new int[terms.Count];
        var link = new TextSpan?[terms.Count];
        for (int t = 0; t < parent.Length; t++) parent[t] = t;
        // A stated list is a set: "born either a Keeper or a Drifter".
        foreach (var list in statedLists)
        {
            int previous = -1;
            foreach (var term in list.Terms)
            {
                if (!forms.TryGetValue(term, out int t) || t >= Plural) continue;
                link[t] ??= list.Span;
                if (previous >= 0) Union(parent, previous, t);
                previous = t;
            }
        }
        // Terms named together in a list link: "alphas and omegas", "alphas, betas, or omegas" (not a
        // compound: "an animal charmer").
        // PERF: a token is looked up only when its length and first letter fit some term's forms.
        int shortest = int.MaxValue, longest = 0;
        var firsts = new bool[128];
        bool otherFirst = false;
        foreach (var term in terms)
        {
            shortest = Math.Min(shortest, term.Length);
            longest = Math.Max(longest, term.Length + 2);
            char f = char.ToLowerInvariant(term[0]);
            if (f < 128) firsts[f] = true; else otherFirst = true;
        }
        // PERF: each distinct word's term looked up once (an array per token); other tokens (numbers) as before.
        // The forms' words are looked up among the story's words (a few hundred lookups), not every word in the forms.
        var termOfWord = view.PerWord(forms.Keys, w => forms.TryGetValue(w, out int t) ? t : -1, -1);
        int lastTerm = -1, lastToken = -1;
        var types = view.Types;
        var isTerm = new bool[termOfWord.Length];
        for (int t = 0; t < isTerm.Length; t++) isTerm[t] = termOfWord[t] >= 0;
        for (int i = 0; i < types.Length; i++)
        {
            // PERF: with no list open, the words of no term are passed in a loop of their own.
            if (lastToken < 0 && (i = view.NextMarked(isTerm, i)) >= types.Length) break;
            int term = -1;
            int type = types[i];
            if (type >= 0) term = termOfWord[type];
            else if (view.Span(i).Length >= shortest && view.Span(i).Length <= longest && view.IsWord(i))
            {
                var word = view[i];
                char f = char.ToLowerInvariant(word[0]);
                if ((f < 128 ? firsts[f] : otherFirst) && lookup.TryGetValue(word, out int hit)) term = hit;
            }
            bool plural = term >= Plural;
            if (plural) term -= Plural;
            if (term < 0)
            {
                if (lastToken >= 0 && (i - lastToken > 4 || !Joins(view, i))) lastTerm = lastToken = -1;
                continue;
            }
            uses[term]++;
            if (!plural) { lastTerm = lastToken = -1; continue; }
            if (lastTerm >= 0 && lastTerm != term && i - lastToken is >= 2 and <= 4 && view.SentenceOf[i] == view.SentenceOf[lastToken])
            {
                var span = TextSpan.FromBounds(view.Span(lastToken).Start, view.Span(i).End);
                link[term] ??= span;
                link[lastTerm] ??= span;
                Union(parent, lastTerm, term);
            }
            lastTerm = term;
            lastToken = i;
        }

        // The sets, kept when they pass rule 4.
        var groups = new Dictionary<int, List<int>>();
        for (int t = 0; t < terms.Count; t++)
        {
            if (uses[t] < 2) continue;
            int root = Find(parent, t);
            if (!groups.TryGetValue(root, out var g)) groups[root] = g = [];
            g.Add(t);
        }
        foreach (var group in groups.Values)
        {
            if (group.Count < 2) continue;
            var members = new SortedDictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
            var evidence = new List<TextSpan>();
            var characters = new HashSet<int>();
            int predications = 0;
            foreach (int t in group)
            {
                var ids = new SortedSet<int>();
                foreach (var p in byTerm[terms[t]])
                {
                    predications++;
                    evidence.Add(p.Span);
                    if (p.Character < 0) continue;
                    ids.Add(p.Character);
                    characters.Add(p.Character);
                }
                members[terms[t]] = [.. ids];
                if (link[t] is { } span) evidence.Add(span);
            }
            if (characters.Count < 2 || predications < 3) continue;
            evidence.Sort((a, b) => a.Start.CompareTo(b.Start));
            var distinct = new List<TextSpan>(evidence.Count);
            foreach (var span in evidence) if (distinct.Count == 0 || distinct[^1] != span) distinct.Add(span);
            var ordered = new List<string>(members.Keys);
            found.Add(new Taxonomy(ordered, members, distinct));
            var stated = new HashSet<(int, int)>();
            foreach (int t in group)
                foreach (var p in byTerm[terms[t]])
                    if (p.Character >= 0 && stated.Add((p.Character, t))) attributes.Add(new CharacterAttribute(p.Span, p.Character, "class", terms[t]));
        }
        return found;
    }

    // The words of a list between two terms: "and", "or", "nor", a comma, an article.
    private static bool Joins(WorldView view, int i) =>
        view.IsMark(i, ',') || view.IsMark(i, '/') || view.Is(i, "and") || view.Is(i, "or") || view.Is(i, "nor") || view.Is(i, "the") || view.Is(i, "a") || view.Is(i, "an");

    private static int Find(int[] parent, int t)
    {
        while (parent[t] != t) t = parent[t] = parent[parent[t]];
        return t;
    }

    private static void Union(int[] parent, int a, int b) => parent[Find(parent, a)] = Find(parent, b);
}
