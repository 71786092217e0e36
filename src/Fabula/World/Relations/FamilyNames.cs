using System.Collections.Frozen;
using Fabula.Cast;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World.Relations;

/// <summary>
/// What shared family names say. In a family named S, one "Mr. S" (or "Sir G S", "Lord G S") and one
/// "Mrs. S" (or "Lady S") are a married couple. The characters called "Miss S", "Master S" or "G S"
/// by their given name are the couple's children, when the text speaks of the family's children:
/// the plural of the name ("the Miss Bennets", "the Lucases"), or a parent's plural noun of children
/// ("her daughters", "Mr. Bennet's sons"; a gendered noun only for children of that gender). A lone
/// "Mr. S" is a parent only on a noun of his own children, since "Miss Darcy" may be his sister.
/// </summary>
internal static class FamilyNames
{
    private enum Role : byte { None, Husband, Wife, Child }

    public static List<RelationAssertion> Find(Story story, CastList cast, List<RelationFinder.ChildrenEvidence> children)
    {
        var found = new List<RelationAssertion>();
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var tables = CastTables.Shared;
        foreach (var character in cast.Characters)
        {
            var (role, surname) = RoleOf(character, tables);
            if (role == Role.None) continue;
            if (!families.TryGetValue(surname!, out var family)) families[surname!] = family = new Family();
            (role switch { Role.Husband => family.Husbands, Role.Wife => family.Wives, _ => family.Children }).Add(character.Index);
        }
        if (families.Count == 0) return found;

        // The evidence of a relation read from names: where each of the two is first named.
        var firstNamed = new TextSpan?[cast.Count];
        foreach (ref readonly var m in story.Layer<Mention>().Items)
            if (m.Kind == MentionKind.Name && m.Character >= 0 && firstNamed[m.Character] is null) firstNamed[m.Character] = m.Span;

        // The daughters of a family: "the Miss Bennets", "the Misses Lucas".
        var lookup = families.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = story.Text;
        var layer = story.Layer<Token>();
        var tokens = layer.Items;
        var chars = text.AsSpan();
        // PERF: the titles are found by a vectorised search of the text for "Miss", not token by token.
        for (int at = chars.IndexOf("Miss", StringComparison.Ordinal); at >= 0; at = Next(chars, at + 1))
        {
            int t = layer.FirstStartingAtOrAfter(at) + 1;
            if (t - 1 >= tokens.Length || tokens[t - 1].Span.Start != at || t >= tokens.Length) continue;
            var token = tokens[t];
            if (token.Kind != TokenKind.Word || token.Span.Length < 3 || !char.IsUpper(text[token.Span.Start])) continue;
            var title = text[tokens[t - 1].Span];
            bool misses = title is "Misses" or "Misses.";
            if (!misses && title is not "Miss") continue;
            var word = text[token.Span];
            if ((misses && lookup.TryGetValue(word, out var family) || word[^1] == 's' && lookup.TryGetValue(word[..^1], out family)
                 || word.EndsWith("es") && lookup.TryGetValue(word[..^2], out family))
                && family.Daughters is null)
                family.Daughters = TextSpan.FromBounds(tokens[t - 1].Span.Start, token.Span.End);
        }

        var coordinated = Coordinations(story, cast);
        var inFamily = new bool[cast.Count];
        foreach (var (_, family) in families)
            foreach (int c in family.Husbands.Concat(family.Wives).Concat(family.Children)) inFamily[c] = true;
        foreach (var (_, family) in families)
        {
            int husband = family.Husbands.Count == 1 ? family.Husbands[0] : -1;
            int wife = family.Wives.Count == 1 ? family.Wives[0] : -1;
            bool couple = husband >= 0 && wife >= 0;
            if (couple && family.Daughters is not null) AddGivenNamed(cast, tables, family, coordinated, inFamily);
            if (couple)
                found.Add(Assertion(cast, firstNamed, RelationType.Partner, Math.Min(husband, wife), Math.Max(husband, wife), PartnerStage.Married, husband, wife));
            foreach (int parent in (int[])[husband, wife])
            {
                if (parent < 0) continue;
                foreach (int child in family.Children)
                {
                    // "the Miss Bennets" speaks of a couple's daughters; a parent's own nouns of
                    // children count once by name ("Mrs. Bennet's daughters"), or twice by pronoun.
                    TextSpan? evidence = couple && family.Daughters is { } plural && RelationFinder.Fits(cast[child], Gender.Female) ? plural : null;
                    if (family.GivenNamed.TryGetValue(child, out var together))
                    {
                        // A daughter known by her given name alone: the family's plural and her naming beside a sister.
                        found.Add(new RelationAssertion(together, RelationType.Parent, parent, child, PartnerStage.None, false));
                        found.Add(new RelationAssertion(evidence!.Value, RelationType.Parent, parent, child, PartnerStage.None, false));
                        continue;
                    }
                    int byPronoun = 0;
                    foreach (var e in children)
                    {
                        if (!(e.Parent == parent || couple && (e.Parent == husband || e.Parent == wife)) || !RelationFinder.Fits(cast[child], e.Gender)) continue;
                        if (e.ByName || ++byPronoun >= 2) { evidence ??= e.Span; break; }
                    }
                    if (evidence is not { } span) continue;
                    found.Add(Assertion(cast, firstNamed, RelationType.Parent, parent, child, PartnerStage.None, child, -1));
                    found.Add(new RelationAssertion(span, RelationType.Parent, parent, child, PartnerStage.None, false));
                }
            }
        }
        return found;
    }

    private static int Next(ReadOnlySpan<char> chars, int from)
    {
        int k = chars[from..].IndexOf("Miss", StringComparison.Ordinal);
        return k < 0 ? -1 : from + k;
    }

    // How often a daughter known by her given name alone must be named beside the family's daughters.
    private const int MinCoordinations = 2;

    /// <summary>
    /// The family's daughters known by a given name alone ("Kitty", "Mary"), when the text speaks of
    /// the family's daughters ("the Miss Bennets"): a woman with no family name of her own, named
    /// beside daughters of the family ("Kitty and Lydia", "Mary and Kitty") <see cref="MinCoordinations"/>
    /// times, is one of them. Sisters are listed together by their given names; a friend has a family name.
    /// </summary>
    private static void AddGivenNamed(CastList cast, CastTables tables, Family family, Dictionary<(int, int), Coordination> coordinated, bool[] inFamily)
    {
        var members = new HashSet<int>();
        foreach (int c in family.Children)
            if (RelationFinder.Fits(cast[c], Gender.Female)) members.Add(c);
        if (members.Count < 2) return;
        bool grown = true;
        while (grown)
        {
            grown = false;
            var counts = new Dictionary<int, (int Count, TextSpan First)>();
            foreach (var ((a, b), coordination) in coordinated)
            {
                int other = members.Contains(a) && !members.Contains(b) ? b : members.Contains(b) && !members.Contains(a) ? a : -1;
                if (other < 0 || inFamily[other]) continue;
                var (count, first) = counts.GetValueOrDefault(other, (0, coordination.First));
                counts[other] = (count + coordination.Count, coordination.First.Start < first.Start ? coordination.First : first);
            }
            foreach (var (c, (count, first)) in counts)
            {
                if (count < MinCoordinations || !IsGivenNameOnly(cast[c], tables) || !RelationFinder.Fits(cast[c], Gender.Female)) continue;
                members.Add(c);
                family.Children.Add(c);
                family.GivenNamed[c] = first;
                inFamily[c] = true;
                grown = true;
            }
        }
    }

    private static bool IsGivenNameOnly(Character character, CastTables tables)
    {
        if (character.Name.Contains(' ') || !tables.FirstNames.ContainsKey(character.Name)) return false;
        foreach (var alias in character.Aliases)
            if (alias.Text.Contains(' ')) return false;
        return true;
    }

    private readonly record struct Coordination(int Count, TextSpan First);

    /// <summary>Pairs of characters named side by side ("Kitty and Lydia", "Jane, Mary"), how often, and the first such place.</summary>
    private static Dictionary<(int, int), Coordination> Coordinations(Story story, CastList cast)
    {
        var pairs = new Dictionary<(int, int), Coordination>();
        var text = story.Text;
        Mention previous = default;
        bool havePrevious = false;
        foreach (ref readonly var m in story.Layer<Mention>().Items)
        {
            if (m.Kind != MentionKind.Name || m.Character < 0) continue;
            if (havePrevious && previous.Character != m.Character && m.Span.Start > previous.Span.End && m.Span.Start - previous.Span.End <= 7)
            {
                var between = text[TextSpan.FromBounds(previous.Span.End, m.Span.Start)].Trim();
                if (between is "and" or "," or ", and")
                {
                    var key = (Math.Min(previous.Character, m.Character), Math.Max(previous.Character, m.Character));
                    var span = TextSpan.FromBounds(previous.Span.Start, m.Span.End);
                    pairs[key] = pairs.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : new Coordination(1, span);
                }
            }
            previous = m;
            havePrevious = true;
        }
        return pairs;
    }

    private sealed class Family
    {
        public readonly List<int> Husbands = [], Wives = [], Children = [];
        /// <summary>Daughters known by a given name alone, with the first place one is named beside a sister.</summary>
        public readonly Dictionary<int, TextSpan> GivenNamed = [];
        /// <summary>The first "Miss S-s": the family's daughters.</summary>
        public TextSpan? Daughters;
    }

    // The first mentions of the two characters stand as the evidence for a relation read from their names.
    private static RelationAssertion Assertion(CastList cast, TextSpan?[] firstNamed, RelationType type, int a, int b, PartnerStage stage, int first, int second)
    {
        var span = firstNamed[first] ?? cast[first].FirstMention;
        var other = second < 0 ? (TextSpan?)null : firstNamed[second] ?? cast[second].FirstMention;
        if (other is { } o && o.Start < span.Start) span = o;
        return new RelationAssertion(span, type, a, b, stage, false);
    }

    private static (Role, string?) RoleOf(Character character, CastTables tables)
    {
        Role best = Role.None;
        string? surname = null;
        Consider(character.Name);
        foreach (var alias in character.Aliases) Consider(alias.Text);
        return (best, surname);

        void Consider(string form)
        {
            var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) return;
            string last = words[^1];
            if (!char.IsUpper(last[0]) || tables.IsTitle(last, out _)) return;
            Role role;
            if (tables.IsTitle(words[0], out _))
            {
                string title = words[0].TrimEnd('.').ToLowerInvariant();
                role = title switch
                {
                    "mr" or "mister" when words.Length == 2 => Role.Husband,
                    "sir" or "lord" when words.Length == 3 => Role.Husband,
                    "mrs" or "missus" or "lady" when words.Length == 2 && !tables.FirstNames.ContainsKey(last) => Role.Wife,
                    "miss" or "master" => Role.Child,
                    _ => Role.None,
                };
            }
            else role = tables.FirstNames.ContainsKey(words[0]) ? Role.Child : Role.None;
            // A husband's or wife's form outweighs a child's: "Mr. Archibald Craven" and "Archibald Craven".
            if (role == Role.None || surname is not null && surname != last) return;
            if (best == Role.None || best == Role.Child && role != Role.Child) { best = role; surname = last; }
        }
    }
}
