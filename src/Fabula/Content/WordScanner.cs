using Fabula.Text;

namespace Fabula.Content;

/// <summary>
/// A word of a passage: its span, whether punctuation (a clause break) comes before it, and the FNV-1a
/// hash of its characters (taken while scanning, so the word is not read again to look it up).
/// </summary>
public readonly record struct ScannedWord(int Start, int Length, bool BreakBefore, uint Hash = 0)
{
    public TextSpan Span => new(Start, Length);
    public int End => Start + Length;
}

/// <summary>What <see cref="WordScanner.Split{TWords}"/> hands each word to, in text order.</summary>
public interface IWordReceiver
{
    void Add(ReadOnlySpan<char> text, ScannedWord word);
}

/// <summary>
/// Splits a passage into words for the trigger scan: letters and digits, with inner apostrophes
/// ("didn't", "man's") kept and hyphens splitting ("twelve-year-old" is three words, as the age rule
/// wants). Commas, semicolons, colons, dashes ("--" too), brackets and quotation marks between words are clause
/// breaks: negation and hypothetical scopes stop there.
/// </summary>
public static class WordScanner
{
    public const uint FnvOffset = 2166136261, FnvPrime = 16777619;

    /// <summary>The hash <see cref="Split"/> gives a word: FNV-1a over its characters as written.</summary>
    public static uint Hash(ReadOnlySpan<char> word)
    {
        uint hash = FnvOffset;
        foreach (char c in word) hash = (hash ^ c) * FnvPrime;
        return hash;
    }

    public static void Split(ReadOnlySpan<char> text, int start, int end, List<ScannedWord> words)
    {
        var list = new ListOfWords(words);
        Split(text, start, end, ref list);
    }

    /// <summary>
    /// The same split, each word handed to <paramref name="words"/> as it is found. PERF: the scanner
    /// reads each word on the spot (a struct receiver is compiled into the loop) instead of listing it first.
    /// </summary>
    // PERF: compiled fully optimised at once. The content stage runs once per story, and with tiered
    // compilation the first stories of a run (a batch's, the bench's) were scanned by unoptimised code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Split<TWords>(ReadOnlySpan<char> text, int start, int end, ref TWords words) where TWords : struct, IWordReceiver
    {
        var kinds = AsciiKinds;
        text = text[..end];
        bool pendingBreak = false;
        int i = start;
        while ((uint)i < (uint)text.Length)
        {
            char c = text[i];
            var kind = c < 128 ? (CharKind)kinds[c] : KindOf(c);
            if (kind == CharKind.Word)
            {
                int s = i++;
                uint hash = (FnvOffset ^ c) * FnvPrime;
                while ((uint)i < (uint)text.Length)
                {
                    char d = text[i];
                    if ((d < 128 ? kinds[d] == (byte)CharKind.Word : char.IsLetterOrDigit(d))
                        || (d == '\'' || d == '’') && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
                    {
                        hash = (hash ^ d) * FnvPrime;
                        i++;
                        continue;
                    }
                    break;
                }
                words.Add(text, new ScannedWord(s, i - s, pendingBreak, hash));
                pendingBreak = false;
                continue;
            }
            if (kind == CharKind.Break || c == '-' && i + 1 < text.Length && text[i + 1] == '-') pendingBreak = true;  // "--" is a dash
            i++;
        }
    }

    private readonly struct ListOfWords(List<ScannedWord> list) : IWordReceiver
    {
        public void Add(ReadOnlySpan<char> text, ScannedWord word) => list.Add(word);
    }

    private enum CharKind : byte { Other, Word, Break }

    // PERF: the kind of each ASCII character, from the same tests as any other (KindOf), read from a table.
    private static readonly byte[] AsciiKinds = AsciiKindTable();

    private static byte[] AsciiKindTable()
    {
        var kinds = new byte[128];
        for (int c = 0; c < kinds.Length; c++) kinds[c] = (byte)KindOf((char)c);
        return kinds;
    }

    private static CharKind KindOf(char c) => char.IsLetterOrDigit(c) ? CharKind.Word : IsBreak(c) ? CharKind.Break : CharKind.Other;

    private static bool IsBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"' or '“' or '”' or '—' or '–' or '!' or '?' or '.' or '…' or '«' or '»';
}
