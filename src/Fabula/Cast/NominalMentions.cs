using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// A nominal mention by its tokens: the determiner or possessive, the noun that names a person, and
/// the character it refers to (-1 when the evidence is too weak to say). <c>Chained</c>: a description the cast
/// followed from its introduction ("a man ... the man"), of a described character or of the one the narration then names.
/// </summary>
internal readonly record struct NominalMention(int FirstToken, int HeadToken, int Character, bool Chained = false);

/// <summary>
/// Nominal mentions: a determiner or possessive, up to two modifiers, and a noun that names a
/// person ("the doctor", "his mother", "the old man"). One resolves to a character when the
/// noun is that character's title and no other character holds it ("the captain" for the one
/// Captain of the story); a description of someone the text never names may become a character of
/// its own (<see cref="DescribedPeople"/>); otherwise it stays unresolved, since kinship and roles
/// need the world stage.
/// </summary>
internal static class NominalMentions
{
    public static List<NominalMention> Find(TokenView view, WordTypes types, List<NameMention> names, List<Character> characters)
    {
        var found = new List<NominalMention>();
        var titleHolders = TitleHolders(view, names, characters);
        int nameIndex = 0, next = 0;
        // PERF: the determiners, not every token (a nominal mention begins with one).
        foreach (int i in types.DeterminerTokens)
        {
            if (i < next) continue;
            while (nameIndex < names.Count && names[nameIndex].LastToken < i) nameIndex++;
            if (nameIndex < names.Count && names[nameIndex].FirstToken <= i) continue;
            int head = -1;
            for (int k = i + 1; k <= i + 3 && k < view.Count && view.IsWord(k) && view.SentenceOf[k] == view.SentenceOf[i]; k++)
            {
                var w = view[k];
                if (char.IsUpper(w[0])) break;
                if (types.IsAny(k, WordFlags.PersonNoun | WordFlags.DescribedNoun)) head = k;
                else if (head >= 0 || types.Is(k, WordFlags.NotName)) break;
            }
            if (head < 0) continue;
            int character = -1;
            if (titleHolders.TryGetValue(types.WordOf(types.TypeOf[head]), out int holder)) character = holder;
            found.Add(new NominalMention(i, head, character));
            next = head + 1;
        }
        return types.SomeoneTokens.Length == 0 ? found : WithSomeone(view, types, found);
    }

    /// <summary>
    /// The nominal mentions with those of someone a speech tag brings in unnamed ("said another", "somebody else
    /// inquired", "cried another female", "said one of the colts"), in text order.
    /// </summary>
    private static List<NominalMention> WithSomeone(TokenView view, WordTypes types, List<NominalMention> found)
    {
        List<NominalMention>? someone = null;
        foreach (int i in types.SomeoneTokens)
            if (view.QuotationOf[i] < 0 && SomeoneTagged(view, types, i) is var head and >= 0)
                (someone ??= []).Add(new NominalMention(i, head, -1));
        if (someone is null) return found;
        // PERF: two runs in text order, merged.
        var merged = new List<NominalMention>(found.Count + someone.Count);
        int a = 0, b = 0;
        while (a < found.Count || b < someone.Count)
            merged.Add(b == someone.Count || a < found.Count && found[a].FirstToken < someone[b].FirstToken ? found[a++] : someone[b++]);
        return merged;
    }

    /// <summary>
    /// Where a word for someone unnamed is a speech tag's subject, the last token of its phrase ("another", "somebody else",
    /// "another female"; "one" of "one of the colts"); else -1. After the verb ("said another,", "cried one of the colts") the
    /// phrase ends the clause or goes on with "of"; before it ("somebody exclaimed") it opens its clause ("No one said" does not).
    /// </summary>
    private static int SomeoneTagged(TokenView view, WordTypes types, int i)
    {
        int head = i;
        if (i + 1 < view.Count && view[i + 1].Equals("else", StringComparison.OrdinalIgnoreCase)) head = i + 1;
        else
            // "another female", "another old man": a noun for a person, up to two words on.
            for (int k = i + 1; k <= i + 3 && k < view.Count && view.IsWord(k) && view.SentenceOf[k] == view.SentenceOf[i] && !char.IsUpper(view[k][0])
                                && !types.Is(k, WordFlags.Determiner); k++)
                if (types.IsAny(k, WordFlags.PersonNoun | WordFlags.DescribedNoun)) { head = k; break; }
        int after = head + 1;
        if (i > 0 && types.Is(i - 1, WordFlags.SpeechVerb) && view.QuotationOf[i - 1] < 0)
            return after >= view.Count || !view.IsWord(after) || view[after].Equals("of", StringComparison.OrdinalIgnoreCase) ? head : -1;
        if (after < view.Count && types.Is(after, WordFlags.SpeechVerb) && view.SentenceOf[after] == view.SentenceOf[i])
            return i == 0 || !view.IsWord(i - 1) || view.SentenceOf[i - 1] != view.SentenceOf[i] || JoinsClause(view[i - 1]) ? head : -1;
        return -1;
    }

    private static bool JoinsClause(ReadOnlySpan<char> word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("then", StringComparison.OrdinalIgnoreCase)
        || word.Equals("but", StringComparison.OrdinalIgnoreCase) || word.Equals("when", StringComparison.OrdinalIgnoreCase);

    /// <summary>The mention a nominal is in the Mention layer: from its determiner to its noun.</summary>
    public static Mention AsMention(TokenView view, NominalMention nominal) =>
        new(TextSpan.FromBounds(view.Tokens[nominal.FirstToken].Span.Start, view.Tokens[nominal.HeadToken].Span.End), MentionKind.Nominal, nominal.Character);

    // Titles held by exactly one character ("captain" -> the one Captain), by the title word itself.
    private static Dictionary<string, int> TitleHolders(TokenView view, List<NameMention> names, List<Character> characters)
    {
        var holders = new Dictionary<string, HashSet<int>>();
        foreach (var c in characters)
            foreach (var alias in c.Aliases)
            {
                int space = alias.Text.IndexOf(' ');
                if (space < 0) continue;
                string title = alias.Text[..space].TrimEnd('.').ToLowerInvariant();
                if (!CastTables.Shared.IsTitle(title, out _)) continue;
                title = title switch { "dr" => "doctor", "capt" => "captain", "prof" => "professor", "rev" => "reverend", _ => title };
                (holders.TryGetValue(title, out var set) ? set : holders[title] = []).Add(c.Index);
            }
        var unique = new Dictionary<string, int>();
        foreach (var (title, set) in holders)
            if (set.Count == 1 && title is not ("mr" or "mrs" or "miss" or "ms" or "sir" or "lady" or "lord" or "master"))
                unique[title] = set.First();
        return unique;
    }
}
