using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// The word tables the speaker stage reads, loaded once: verbs of saying (Data/dialogue/speech-verbs.txt,
/// shared with the quotation finder and the cast stage) and the pronouns of the cast stage's table
/// with their case (a subject "he" can be a speaker; an object "him" cannot).
/// </summary>
internal static class DialogueWords
{
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs =
        WordList.Load("dialogue/speech-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a word may be a verb of saying: its length, first and last letter (any case) are those of
    /// some entry. A screen before the set's own lookup, which most words of narration fail.
    /// </summary>
    public static bool MaySpeechVerb(ReadOnlySpan<char> word) => SpeechVerbEdges.May(word);

    private static readonly WordEdges SpeechVerbEdges = new(SpeechVerbs.Set);

    /// <summary>Verbs of perceiving and remembering ("I can see Douglas there"): Data/dialogue/perception-verbs.txt.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PerceptionVerbs =
        WordList.Load("dialogue/perception-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of saying that continue one's own speech ("added", "went on"): Data/dialogue/continuation-verbs.txt.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContinuationVerbs =
        WordList.Load("dialogue/continuation-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs of saying that answer the other party ("replied", "retorted"): Data/dialogue/reply-verbs.txt.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReplyVerbs =
        WordList.Load("dialogue/reply-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that join a new clause to a sentence ("and", "while"): Data/dialogue/clause-conjunctions.txt.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseConjunctions =
        WordList.Load("dialogue/clause-conjunctions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that open a subordinate clause at a sentence's start ("When", "As"): Data/dialogue/subordinators.txt.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Subordinators =
        WordList.Load("dialogue/subordinators.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Third-person pronouns that can be the subject of a tag ("he said", "said she").</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectPronouns = PronounsOfCase("subject");

    /// <summary>Third-person object pronouns ("told her", "asked him"): addressees.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectPronouns = PronounsOfCase("object");

    /// <summary>The pronoun set ("he/him") of a third-person pronoun form, for matching a character.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SetOf = Sets();

    /// <summary>
    /// The subject pronoun ("he", "she") of a noun that describes a man or a woman ("wife", "old man"):
    /// Data/dialogue/gendered-nouns.txt and the gendered relations of world/relation-words.txt.
    /// </summary>
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NounsOfGender = NounPronouns();

    /// <summary>
    /// Whether <paramref name="noun"/> describes a man or a woman, and the pronoun: the tables above,
    /// else a compound of "-woman" or "-man" ("clergyman", "horsewoman"; not "human").
    /// </summary>
    public static bool PronounOfNoun(ReadOnlySpan<char> noun, out string pronoun)
    {
        if (NounsOfGender.TryGetValue(noun, out pronoun!)) return true;
        if (noun.Length > 5 && noun.EndsWith("woman", StringComparison.OrdinalIgnoreCase)) { pronoun = "she"; return true; }
        if (noun.Length > 3 && noun.EndsWith("man", StringComparison.OrdinalIgnoreCase) && !noun.Equals("human", StringComparison.OrdinalIgnoreCase))
        {
            pronoun = "he";
            return true;
        }
        pronoun = "";
        return false;
    }

    private static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NounPronouns()
    {
        var pronouns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string word, string gender)
        {
            if (gender == "m") pronouns[word] = "he";
            else if (gender == "f") pronouns[word] = "she";
        }
        foreach (var line in WordList.Lines("world/relation-words.txt"))
        {
            var f = line.Split('\t');
            if (f.Length >= 6 && f[4] == "one") Add(f[0], f[5]);
        }
        foreach (var line in WordList.Lines("dialogue/gendered-nouns.txt"))
        {
            var f = line.Split('\t');
            if (f.Length >= 2) Add(f[0], f[1]);
        }
        return pronouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounsOfCase(string grammaticalCase)
    {
        var forms = new List<string>();
        foreach (var line in WordList.Lines("cast/pronouns.txt"))
        {
            var f = line.Split('\t');
            if (f.Length >= 3 && f[2] == grammaticalCase) forms.Add(f[0]);
        }
        return forms.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Sets()
    {
        var sets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("cast/pronouns.txt"))
        {
            var f = line.Split('\t');
            if (f.Length >= 2) sets[f[0]] = f[1];
        }
        return sets.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static bool IsFirstPersonSingular(ReadOnlySpan<char> w) =>
        w is "I" || w.Equals("me", StringComparison.OrdinalIgnoreCase) || w.Equals("my", StringComparison.OrdinalIgnoreCase)
        || w.Equals("mine", StringComparison.OrdinalIgnoreCase) || w.Equals("myself", StringComparison.OrdinalIgnoreCase);

    public static bool IsSecondPerson(ReadOnlySpan<char> w) =>
        w.Equals("you", StringComparison.OrdinalIgnoreCase) || w.Equals("your", StringComparison.OrdinalIgnoreCase)
        || w.Equals("yours", StringComparison.OrdinalIgnoreCase) || w.Equals("yourself", StringComparison.OrdinalIgnoreCase)
        || w.Equals("thee", StringComparison.OrdinalIgnoreCase) || w.Equals("thou", StringComparison.OrdinalIgnoreCase)
        || w.Equals("thy", StringComparison.OrdinalIgnoreCase) || w.Equals("thine", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The length, first and last character of a table's words, ASCII folded to small letters: a word
    /// whose length, first and last character no entry has together is not in the table (compared
    /// ignoring case). Where an entry starts or ends outside ASCII, every word may be in it.
    /// </summary>
    private sealed class WordEdges
    {
        private readonly ulong[] _bits = new ulong[32 * 32 * 32 / 64];
        private readonly bool _any;

        public WordEdges(IEnumerable<string> entries)
        {
            foreach (string entry in entries)
            {
                if (entry.Length == 0 || entry[0] >= 0x80 || entry[^1] >= 0x80) { _any = true; continue; }
                int key = Key(entry.Length, entry[0], entry[^1]);
                _bits[key >> 6] |= 1UL << key;
            }
        }

        // Small and capital ASCII letters alike; the other ASCII characters share four places (a screen may say yes wrongly, never no).
        private static int Fold(char c) => (c | 0x20) is >= 'a' and <= 'z' ? (c | 0x20) - 'a' : 26 + (c & 3);

        private static int Key(int length, char first, char last) => (Math.Min(length, 31) * 32 + Fold(first)) * 32 + Fold(last);

        public bool May(ReadOnlySpan<char> word)
        {
            if (_any || word.Length == 0) return true;
            char first = word[0], last = word[^1];
            // A character outside ASCII may equal an entry's ASCII one ignoring case ("ſ" and "s"): let the set decide.
            if (first >= 0x80 || last >= 0x80) return true;
            int key = Key(word.Length, first, last);
            return (_bits[key >> 6] & (1UL << key)) != 0;
        }
    }
}
