using Fabula.Cast;
using Fabula.Text;

namespace Fabula.World.Relations;

/// <summary>
/// Gathers assertions into relations: one per type and pair, with every passage that asserts it, the
/// latest partner stage, and whether it holds at the end (the last word on it is not "freed" or
/// "divorced", and a partner has not become a former partner since, or the reverse). Then adds what
/// family relations imply: two children of one parent are siblings, siblings of siblings are
/// siblings, and a parent of one sibling is a parent of all. Pairs that are said to be related in two
/// ways that exclude each other (brother and father) become consistency findings.
/// </summary>
internal static class RelationMerger
{
    // A sibling group bigger than this is a misreading (a whole cast of "brothers"), not a family.
    private const int MaxFamily = 16;

    // A relation said once may rest on a misread pronoun ("her sister Mary" with the wrong "her");
    // only relations said at least this often stand as premises of others.
    private const int MinPremiseEvidence = 2;

    private sealed class Gathered(RelationType type, int a, int b)
    {
        public readonly RelationType Type = type;
        public readonly int A = a, B = b;
        public readonly List<TextSpan> Evidence = [];
        public PartnerStage Stage;
        public int StagePosition = -1, LastPosition = -1;
        public bool LastEnds;
        public bool Inferred;
    }

    public static RelationList Merge(List<RelationAssertion> assertions, List<RelationAssertion> family, CastList cast, StoryText text, ConsistencyFindings findings)
    {
        var byKey = new Dictionary<(RelationType, int, int), Gathered>();
        foreach (var list in (List<RelationAssertion>[])[assertions, family])
            foreach (var x in list)
            {
                var g = Get(byKey, x.Type, x.A, x.B);
                g.Evidence.Add(x.Span);
                if (x.Span.Start >= g.LastPosition) { g.LastPosition = x.Span.Start; g.LastEnds = x.Ends; }
                if (x.Stage != PartnerStage.None && x.Span.Start >= g.StagePosition) { g.StagePosition = x.Span.Start; g.Stage = x.Stage; }
            }
        Infer(byKey);
        Contradictions(byKey, cast, findings);

        var relations = new List<Relation>(byKey.Count);
        foreach (var g in byKey.Values)
        {
            if (Outweighed(byKey, g)) continue;
            bool atEnd = !g.LastEnds;
            // A partner who later became a former partner (or the reverse) holds only the later state.
            var other = g.Type switch { RelationType.Partner => RelationType.FormerPartner, RelationType.FormerPartner => RelationType.Partner, _ => g.Type };
            if (other != g.Type && byKey.TryGetValue((other, g.A, g.B), out var o) && o.LastPosition > g.LastPosition) atEnd = false;
            g.Evidence.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Length.CompareTo(y.Length));
            var evidence = new List<TextSpan>(g.Evidence.Count);
            foreach (var span in g.Evidence)
                if (evidence.Count == 0 || evidence[^1] != span) evidence.Add(span);
            relations.Add(new Relation(g.Type, g.A, g.B, g.Type == RelationType.Partner ? g.Stage : PartnerStage.None, atEnd, g.Inferred, evidence));
        }
        relations.Sort((x, y) =>
            x.Inferred != y.Inferred ? x.Inferred.CompareTo(y.Inferred)
            : x.Evidence.Count != y.Evidence.Count ? y.Evidence.Count.CompareTo(x.Evidence.Count)
            : x.Evidence[0].Start.CompareTo(y.Evidence[0].Start));
        return new RelationList(relations);
    }

    private static Gathered Get(Dictionary<(RelationType, int, int), Gathered> byKey, RelationType type, int a, int b)
    {
        if (!byKey.TryGetValue((type, a, b), out var g)) byKey[(type, a, b)] = g = new Gathered(type, a, b);
        return g;
    }

    private static void Infer(Dictionary<(RelationType, int, int), Gathered> byKey)
    {
        // Sibling groups: union of the sibling relations and of the children of each parent.
        var group = new Dictionary<int, int>();
        int Find(int x) { while (group.TryGetValue(x, out int p) && p != x) x = p; return x; }
        void Union(int x, int y) { group.TryAdd(x, x); group.TryAdd(y, y); int rx = Find(x), ry = Find(y); if (rx != ry) group[Math.Max(rx, ry)] = Math.Min(rx, ry); }
        var childrenOf = new Dictionary<int, List<int>>();
        foreach (var g in byKey.Values)
        {
            if (g.Evidence.Count < MinPremiseEvidence) continue;
            if (g.Type == RelationType.Sibling) Union(g.A, g.B);
            if (g.Type == RelationType.Parent)
            {
                if (!childrenOf.TryGetValue(g.A, out var kids)) childrenOf[g.A] = kids = [];
                kids.Add(g.B);
            }
        }
        foreach (var (_, kids) in childrenOf)
            for (int i = 1; i < kids.Count; i++) Union(kids[0], kids[i]);
        var members = new Dictionary<int, List<int>>();
        foreach (int x in group.Keys)
        {
            int root = Find(x);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(x);
        }
        var known = new List<Gathered>(byKey.Values);
        foreach (var (_, list) in members)
        {
            if (list.Count > MaxFamily) continue;
            list.Sort();
            var inGroup = new HashSet<int>(list);
            // The group's evidence: every passage that put one of them in it.
            var evidence = new List<TextSpan>();
            var parents = new HashSet<int>();
            foreach (var g in known)
            {
                if (g.Evidence.Count < MinPremiseEvidence) continue;
                if (g.Type == RelationType.Sibling && inGroup.Contains(g.A)) evidence.AddRange(g.Evidence);
                if (g.Type == RelationType.Parent && inGroup.Contains(g.B)) { parents.Add(g.A); evidence.AddRange(g.Evidence); }
            }
            if (parents.Overlaps(inGroup)) continue;   // a parent among the siblings: a misreading; infer nothing
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                    AddInferred(byKey, RelationType.Sibling, list[i], list[j], evidence);
                foreach (int p in parents)
                    AddInferred(byKey, RelationType.Parent, p, list[i], evidence);
            }
        }
    }

    private static void AddInferred(Dictionary<(RelationType, int, int), Gathered> byKey, RelationType type, int a, int b, List<TextSpan> evidence)
    {
        if (byKey.ContainsKey((type, a, b))) return;
        // Never infer a relation the pair already contradicts.
        if (type == RelationType.Sibling && (byKey.ContainsKey((RelationType.Parent, a, b)) || byKey.ContainsKey((RelationType.Parent, b, a)))) return;
        if (type == RelationType.Parent && (byKey.ContainsKey((RelationType.Parent, b, a)) || byKey.ContainsKey((RelationType.Sibling, Math.Min(a, b), Math.Max(a, b)))
                                            || byKey.ContainsKey((RelationType.Partner, Math.Min(a, b), Math.Max(a, b))))) return;
        var g = Get(byKey, type, a, b);
        g.Inferred = true;
        g.Evidence.AddRange(evidence);
    }

    /// <summary>
    /// A relation that excludes a better-attested one of the same pair gives way to it (the consistency
    /// finding stays): "her husband" with a misread "her" (twice) against "her father" (six times).
    /// Only a parent excludes a sibling or a partner; the weaker must be said at most half as often.
    /// </summary>
    private static bool Outweighed(Dictionary<(RelationType, int, int), Gathered> byKey, Gathered g)
    {
        if (g.Inferred) return false;
        int lo = Math.Min(g.A, g.B), hi = Math.Max(g.A, g.B);
        if (g.Type is RelationType.Sibling or RelationType.Partner)
            return Stronger(byKey, (RelationType.Parent, g.A, g.B), g) || Stronger(byKey, (RelationType.Parent, g.B, g.A), g);
        if (g.Type == RelationType.Parent)
            return Stronger(byKey, (RelationType.Sibling, lo, hi), g) || Stronger(byKey, (RelationType.Partner, lo, hi), g)
                   || Stronger(byKey, (RelationType.Parent, g.B, g.A), g);
        return false;
    }

    private static bool Stronger(Dictionary<(RelationType, int, int), Gathered> byKey, (RelationType, int, int) key, Gathered g) =>
        byKey.TryGetValue(key, out var other) && !other.Inferred && other.Evidence.Count >= 2 * g.Evidence.Count;

    // "A is B's brother" and "A is B's father": both cannot hold.
    private static void Contradictions(Dictionary<(RelationType, int, int), Gathered> byKey, CastList cast, ConsistencyFindings findings)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var g in byKey.Values)
        {
            if (g.Type != RelationType.Parent || g.Inferred) continue;
            int lo = Math.Min(g.A, g.B), hi = Math.Max(g.A, g.B);
            Gathered? other = null;
            string? what = null;
            if (byKey.TryGetValue((RelationType.Parent, g.B, g.A), out var reverse) && !reverse.Inferred) { other = reverse; what = $"{cast[g.B].Name} is also called {cast[g.A].Name}'s parent"; }
            else if (byKey.TryGetValue((RelationType.Sibling, lo, hi), out var sibling) && !sibling.Inferred) { other = sibling; what = "they are also called siblings"; }
            else if (byKey.TryGetValue((RelationType.Partner, lo, hi), out var partner) && !partner.Inferred) { other = partner; what = "they are also called partners"; }
            if (other is null || !seen.Add((lo, hi))) continue;
            var evidence = new List<TextSpan> { g.Evidence[0], other.Evidence[0] };
            evidence.Sort((x, y) => x.Start.CompareTo(y.Start));
            findings.Items.Add(new ConsistencyFinding("contradicting-relations",
                $"{cast[g.A].Name} is called {cast[g.B].Name}'s parent, but {what}.",
                [cast[g.A].Name, cast[g.B].Name], evidence));
        }
    }
}
