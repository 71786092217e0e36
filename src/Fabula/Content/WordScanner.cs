using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Fabula.Text;

namespace Fabula.Content;

/// <summary>A word of a passage: its span, and whether punctuation (a clause break) comes before it.</summary>
public readonly record struct ScannedWord(int Start, int Length, bool BreakBefore)
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
    public static void Split(ReadOnlySpan<char> text, int start, int end, List<ScannedWord> words)
    {
        var list = new ListOfWords(words);
        Split(text, start, end, ref list);
    }

    /// <summary>Characters classified at once: a bit each in a ulong.</summary>
    private const int Block = 64;

    /// <summary>
    /// The same split, each word handed to <paramref name="words"/> as it is found.
    /// </summary>
    /// <remarks>
    /// PERF: the characters are classified 64 at a time, a bit each: ASCII letters and digits (word characters)
    /// and ASCII spaces and controls (nothing) by vector compares; the rest (punctuation, apostrophes, hyphens,
    /// anything beyond ASCII) is read one by one, by the same rules as before. The words are then the runs of
    /// word bits, found with bit counts, and a clause break is a bit set between two words. The character loop
    /// this replaced read, tested and branched on every character.
    /// </remarks>
    // PERF: compiled fully optimised at once. The content stage runs once per story, and with tiered
    // compilation the first stories of a run (a batch's, the bench's) were scanned by unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Split<TWords>(ReadOnlySpan<char> text, int start, int end, ref TWords words) where TWords : struct, IWordReceiver
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)end, (uint)text.Length, nameof(end));
        if ((uint)start >= (uint)end) return;
        var kinds = AsciiKinds;
        bool pendingBreak = false, inWord = false, wordBreak = false;
        int wordStart = 0;
        for (int b = start; b < end; b += Block)
        {
            ulong word, other;
            if (b <= text.Length - Block) Classify(text.Slice(b, Block), out word, out other);
            else ClassifyLast(text[b..], out word, out other);
            if (end - b < Block)
            {
                ulong inside = (1UL << (end - b)) - 1;
                word &= inside;
                other &= inside;
            }
            // The characters that are neither ASCII word characters nor spaces, by the rules of KindOf.
            ulong breaks = 0;
            while (other != 0)
            {
                int k = BitOperations.TrailingZeroCount(other);
                other &= other - 1;
                int p = b + k;
                char c = text[p];
                if (c < 128 ? c == '\'' : c == '’')
                {
                    // An apostrophe between two letters is inside a word ("didn't", "man's").
                    if (p > start && p + 1 < end && char.IsLetter(text[p + 1]) && char.IsLetter(text[p - 1])) word |= 1UL << k;
                }
                else if (c < 128)
                {
                    if (kinds[c] == (byte)CharKind.Break || c == '-' && p + 1 < end && text[p + 1] == '-') breaks |= 1UL << k;  // "--" is a dash
                }
                else if (char.IsLetterOrDigit(c)) word |= 1UL << k;
                else if (IsBreak(c)) breaks |= 1UL << k;
            }
            int pos = 0;
            if (inWord)
            {
                // A word that began in an earlier block.
                if (word == ulong.MaxValue) continue;
                pos = BitOperations.TrailingZeroCount(~word);
                words.Add(text, new ScannedWord(wordStart, b + pos - wordStart, wordBreak));
                inWord = false;
            }
            while (true)
            {
                ulong ahead = word & (ulong.MaxValue << pos);
                if (ahead == 0)
                {
                    if ((breaks & (ulong.MaxValue << pos)) != 0) pendingBreak = true;
                    break;
                }
                int s = BitOperations.TrailingZeroCount(ahead);
                ulong before = (ulong.MaxValue << pos) & ~(ulong.MaxValue << s);
                bool breakBefore = pendingBreak || (breaks & before) != 0;
                pendingBreak = false;
                ulong after = ~word & (ulong.MaxValue << s);
                if (after == 0)
                {
                    inWord = true;
                    wordStart = b + s;
                    wordBreak = breakBefore;
                    break;
                }
                pos = BitOperations.TrailingZeroCount(after);
                words.Add(text, new ScannedWord(b + s, pos - s, breakBefore));
            }
        }
        if (inWord) words.Add(text, new ScannedWord(wordStart, end - wordStart, wordBreak));
    }

    /// <summary>
    /// Bits of 64 characters: <paramref name="word"/> for ASCII letters and digits, <paramref name="other"/> for
    /// the characters that are neither those nor ASCII spaces and controls (up to ' ').
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Classify(ReadOnlySpan<char> block, out ulong word, out ulong other)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(block);
        ulong letters = 0, plain = 0;
        for (int q = 0; q < Block; q += Vector128<ushort>.Count)
        {
            var v = Vector128.Create(chars.Slice(q, Vector128<ushort>.Count));
            var letter = Vector128.LessThan((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
                         | Vector128.LessThan(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
            var space = Vector128.LessThan(v, Vector128.Create((ushort)(' ' + 1)));
            letters |= (ulong)letter.ExtractMostSignificantBits() << q;
            plain |= (ulong)(letter | space).ExtractMostSignificantBits() << q;
        }
        word = letters;
        other = ~plain;
    }

    /// <summary><see cref="Classify"/> for the last characters of the text (fewer than 64): padded with spaces.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClassifyLast(ReadOnlySpan<char> rest, out ulong word, out ulong other)
    {
        Span<char> block = stackalloc char[Block];
        block.Fill(' ');
        rest.CopyTo(block);
        Classify(block, out word, out other);
    }

    /// <summary>
    /// The key of a word for a table of words: its first eight characters, four to a ulong (the first in the
    /// low bits), zero past its end. PERF: one vector load where the text goes on eight characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (ulong Head, ulong Next) Key(ReadOnlySpan<char> text, int start, int length)
    {
        if (start > text.Length - KeyLength) return Pack(text.Slice(start, length));
        var key = FirstEight.Load(text, start, length).AsUInt64();
        return (key.GetElement(0), key.GetElement(1));
    }

    /// <summary>The characters of a word in its <see cref="Key"/>.</summary>
    public const int KeyLength = FirstEight.Length;

    /// <summary><see cref="Key"/>, one character at a time.</summary>
    public static (ulong Head, ulong Next) Pack(ReadOnlySpan<char> word)
    {
        ulong head = 0, next = 0;
        for (int k = Math.Min(word.Length, KeyLength) - 1; k >= 0; k--)
        {
            if (k >= 4) next = next << 16 | word[k];
            else head = head << 16 | word[k];
        }
        return (head, next);
    }

    private const ulong HeadFactor = 0x9E3779B97F4A7C15, Mixer = 0xC2B2AE3D27D4EB4F, RestPrime = 0x100000001B3;

    /// <summary>A hash of a word from its <see cref="Key"/> and the characters after its first eight.</summary>
    public static uint Hash(ulong head, ulong next, ReadOnlySpan<char> rest)
    {
        ulong x = head * HeadFactor ^ next;
        foreach (char c in rest) x = (x ^ c) * RestPrime;
        return (uint)((x * Mixer) >> 32);
    }

    /// <summary><see cref="Hash(ulong, ulong, ReadOnlySpan{char})"/> of a word of eight characters or fewer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ulong head, ulong next) => (uint)(((head * HeadFactor ^ next) * Mixer) >> 32);

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
