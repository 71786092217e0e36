using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Quotations;

/// <summary>
/// The word tables the quotation finder reads (Data/quotations/*.txt, the tokenizer's elisions and the
/// speech verbs of Data/dialogue, embedded), loaded once and looked up by span, case-insensitively:
/// elisions ('tis), verbs of saying (the list the speaker stage reads), subject pronouns, naming words (called).
/// </summary>
internal static class SpeechWords
{
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions =
        WordList.Load("structure/elisions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs =
        WordList.Load("dialogue/speech-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Load("pronouns.txt");
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamingWords = Load("naming-words.txt");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file) =>
        WordList.Load("quotations/" + file, ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
}
