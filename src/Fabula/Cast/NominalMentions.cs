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
        return found;
    }

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
