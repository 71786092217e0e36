using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Quotations;

/// <summary>
/// The word tables the quotation finder reads (Data/quotations/*.txt and the tokenizer's elisions, embedded), loaded once and
/// looked up by span, case-insensitively: elisions ('tis), verbs of saying, subject pronouns.
/// </summary>
internal static class SpeechWords
{
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions =
        WordList.Load("structure/elisions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Load("speech-verbs.txt");
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Load("pronouns.txt");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file) =>
        WordList.Load("quotations/" + file, ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
}
