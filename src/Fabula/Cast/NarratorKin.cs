using System.Collections.Frozen;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// The people a first-person narrator calls only by kinship or role: every "my mother" (or "our master") of the
/// narration is one person, who becomes a character of its own ("my mother", <see cref="Character.Described"/>)
/// when it is mentioned so at least twice and no name was given to those mentions. Only nouns for someone a
/// narrator has one of count (Data/cast/narrator-kin.txt); "my brother" may be any of several.
/// </summary>
internal static class NarratorKin
{
    private const int MinMentions = 2;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Nouns =
        WordList.Load("cast/narrator-kin.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Adds the narrator's kin to <paramref name="characters"/>, points their nominal mentions at them, and returns
    /// each new character's pronoun set, in order.
    /// </summary>
    public static List<string?> Find(TokenView view, int narrator, List<NominalMention> nominals, List<NameMention> names, int[] characterOf,
        List<Character> characters)
    {
        var sets = new List<string?>();
        if (narrator < 0) return sets;
        var byNoun = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var lookup = byNoun.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int n = 0; n < nominals.Count; n++)
        {
            var nominal = nominals[n];
            // "my mother" or "our master" in the narration, right before its noun, not yet anyone's.
            if (nominal.Character >= 0 || nominal.HeadToken != nominal.FirstToken + 1 || view.QuotationOf[nominal.FirstToken] >= 0) continue;
            var owner = view[nominal.FirstToken];
            if (!(owner.Equals("my", StringComparison.OrdinalIgnoreCase) || owner.Equals("our", StringComparison.OrdinalIgnoreCase))) continue;
            var noun = view[nominal.HeadToken];
            if (!Nouns.Contains(noun)) continue;
            if (!lookup.TryGetValue(noun, out var members)) lookup[noun] = members = [];
            members.Add(n);
        }
        Dictionary<int, int>? nameAt = null;
        foreach (var (noun, members) in byNoun)
        {
            if (members.Count < MinMentions) continue;
            // "my mother's advice ... Her name was Duchess": the kin the narration then names is that character.
            nameAt ??= NameStarts(names, characterOf);
            int named = -1;
            foreach (int n in members)
                if ((named = NamedAfter(view, nominals[n].HeadToken, nameAt)) >= 0) break;
            if (named >= 0)
            {
                foreach (int n in members) nominals[n] = nominals[n] with { Character = named, Chained = true };
                continue;
            }
            var character = new Character(characters.Count)
            {
                Described = true,
                Name = view[nominals[members[0]].FirstToken].ToString().ToLowerInvariant() + " " + noun.ToLowerInvariant(),
            };
            character.Aliases.Add(new Alias(character.Name, members.Count));
            string? set = DialogueWords.PronounOfNoun(noun, out var pronoun) ? pronoun == "he" ? "he/him" : "she/her" : null;
            character.Prior = set == "he/him" ? Gender.Male : set == "she/her" ? Gender.Female : Gender.Unknown;
            foreach (int n in members) nominals[n] = nominals[n] with { Character = character.Index, Chained = true };
            characters.Add(character);
            sets.Add(set);
        }
        return sets;
    }

    // How far after a mention of the kin "her name was" may come (tokens, within its paragraph).
    private const int NamingReach = 60;

    /// <summary>The character named by "(her|his) name was X" (or "is") in the same paragraph soon after a token, or -1.</summary>
    private static int NamedAfter(TokenView view, int token, Dictionary<int, int> nameAt)
    {
        int paragraph = view.ParagraphOf[token];
        for (int t = token + 1; t + 2 < view.Count && t <= token + NamingReach && view.ParagraphOf[t] == paragraph; t++)
        {
            if (!view[t].Equals("name", StringComparison.OrdinalIgnoreCase)) continue;
            var before = view[t - 1];
            if (!(before.Equals("her", StringComparison.OrdinalIgnoreCase) || before.Equals("his", StringComparison.OrdinalIgnoreCase))) continue;
            if (view[t + 1] is not ("was" or "is")) continue;
            if (nameAt.TryGetValue(t + 2, out int character)) return character;
        }
        return -1;
    }

    private static Dictionary<int, int> NameStarts(List<NameMention> names, int[] characterOf)
    {
        var at = new Dictionary<int, int>(names.Count);
        for (int m = 0; m < names.Count; m++)
            if (characterOf[m] >= 0) at[names[m].FirstToken] = characterOf[m];
        return at;
    }
}
