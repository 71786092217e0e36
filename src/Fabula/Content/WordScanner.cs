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
        bool pendingBreak = false;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i++;
                uint hash = (FnvOffset ^ c) * FnvPrime;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || (d == '\'' || d == '’') && i + 1 < end && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
                    {
                        hash = (hash ^ d) * FnvPrime;
                        i++;
                        continue;
                    }
                    break;
                }
                words.Add(new ScannedWord(s, i - s, pendingBreak, hash));
                pendingBreak = false;
                continue;
            }
            if (IsBreak(c) || c == '-' && i + 1 < end && text[i + 1] == '-') pendingBreak = true;  // "--" is a dash
            i++;
        }
    }

    private static bool IsBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '[' or ']' or '"' or '“' or '”' or '—' or '–' or '!' or '?' or '.' or '…' or '«' or '»';
}
