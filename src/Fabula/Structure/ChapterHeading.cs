using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Structure;

/// <summary>What kind of heading a one-line paragraph is.</summary>
internal enum HeadingKind : byte
{
    /// <summary>"Chapter 3", "CHAPTER XXVII. THE STORM", "Chapter Three: Title", "Letter 4".</summary>
    Chapter,
    /// <summary>"Prologue", "EPILOGUE", "Prologue: The Fall".</summary>
    Named,
    /// <summary>"IV", "12.", "I. A SCANDAL IN BOHEMIA": a numeral alone on its line.</summary>
    Numeral,
    /// <summary>"Chapter Text": where a chapter's text starts in a copied Archive of Our Own page.</summary>
    ChapterText,
    /// <summary>"PART ONE", "Book I.", "Book First": a heading above chapters.</summary>
    Part,
    /// <summary>"LETTER IV", "Letter 1": a letter in a novel in letters.</summary>
    Letter,
}

/// <summary>A heading found in a paragraph: its kind, the title on its own line (or empty), and its number (0 if none).</summary>
internal readonly record struct ChapterHeading(HeadingKind Kind, TextSpan Title, int Number)
{
    // A heading paragraph may wrap ("Chapter VI: The Reverend Arthur Beebe, the Reverend
    // Cuthbert Eager,\nMr. Emerson, …"), but a heading is never longer than a few lines.
    private const int MaxHeadingLength = 320;
    private const int MaxHeadingLines = 5;
    public const int MaxTitleLength = 300;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChapterWords =
        WordList.Load("structure/chapter-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LetterWords =
        WordList.Load("structure/letter-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PartWords =
        WordList.Load("structure/part-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamedChapters =
        WordList.Load("structure/named-chapters.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ChapterTextMarks =
        WordList.Load("structure/chapter-text-marks.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MinorWords =
        WordList.Load("structure/title-minor-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NumberWords = LoadNumbers();

    /// <summary>Reads the paragraph at <paramref name="span"/> as a heading, if it is one.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, TextSpan span, out ChapterHeading heading)
    {
        heading = default;
        if (span.Length == 0 || span.Length > MaxHeadingLength) return false;
        var line = text.Slice(span.Start, span.Length);
        // Gutenberg's italics: "_Chapter I_".
        if (line.Length > 2 && line[0] == '_' && line[^1] == '_')
        {
            line = line[1..^1];
            span = new TextSpan(span.Start + 1, span.Length - 2);
        }
        if (!char.IsUpper(line[0]) && !char.IsAsciiDigit(line[0])) return false;
        if (line.Count('\n') >= MaxHeadingLines) return false;
        if (ChapterTextMarks.Contains(line))
        {
            heading = new ChapterHeading(HeadingKind.ChapterText, default, 0);
            return true;
        }

        int wordEnd = 0;
        while (wordEnd < line.Length && char.IsLetter(line[wordEnd])) wordEnd++;
        if (wordEnd < line.Length && line[wordEnd] == '.' && ChapterWords.Contains(line[..(wordEnd + 1)])) wordEnd++;
        var word = line[..wordEnd];
        HeadingKind? keyword = word.Length == 0 ? null
            : ChapterWords.Contains(word) ? HeadingKind.Chapter
            : LetterWords.Contains(word) ? HeadingKind.Letter
            : PartWords.Contains(word) ? HeadingKind.Part : null;
        if (keyword is { } kind)
        {
            // Chapter 3 | CHAPTER XXVII. | Chapter Twenty-One: | CHAPTER THE LAST | Book First
            int pos = SkipSpaces(line, wordEnd);
            if (pos == wordEnd) return false;
            if (line[pos..].StartsWith("the ", StringComparison.OrdinalIgnoreCase)) pos = SkipSpaces(line, pos + 4);
            if (!TryReadNumber(line, pos, words: true, lowerRoman: true, out int number, out int numberEnd)) return false;
            // A heading that wraps must read as a title throughout: a paragraph of prose may
            // well begin "Chapter two was found".
            bool wraps = line.Contains('\n');
            if (!TryReadTitle(line, numberEnd, titleMustLookLikeOne: wraps, out var title)) return false;
            heading = new ChapterHeading(kind, Shift(title, span.Start), number);
            return true;
        }
        if (word.Length > 0 && NamedChapters.Contains(word))
        {
            // Prologue | EPILOGUE. | Prologue: The Fall — but not "Epilogue is a word".
            int pos = wordEnd;
            while (pos < line.Length && line[pos] is '.' or ':' or ' ' or '—' or '–' or '-') pos++;
            if (pos < line.Length && (pos == wordEnd || line[wordEnd..pos].Trim().IsEmpty)) return false;
            heading = new ChapterHeading(HeadingKind.Named, default, 0);
            return true;
        }
        // IV | 12. | I. A SCANDAL IN BOHEMIA | One (a number word only alone on its line)
        if (!TryReadNumber(line, 0, words: false, lowerRoman: false, out int value, out int end))
        {
            if (!TryReadNumber(line, 0, words: true, lowerRoman: false, out value, out end) || value == 0) return false;
            if (end < line.Length && !(end == line.Length - 1 && line[end] == '.')) return false;
            heading = new ChapterHeading(HeadingKind.Numeral, default, value);
            return true;
        }
        if (end < line.Length && !(line[end] is '.' or ':' or ' ' or '—' or '–' or '-')) return false;
        // "I Go to Bristol" is a title, not chapter I: after "I" a title needs a mark or two spaces.
        if (end == 1 && line[0] == 'I' && end + 1 < line.Length && line[1] == ' ' && line[2] != ' ') return false;
        if (!TryReadTitle(line, end, titleMustLookLikeOne: true, out var numeralTitle)) return false;
        heading = new ChapterHeading(HeadingKind.Numeral, Shift(numeralTitle, span.Start), value);
        return true;
    }

    /// <summary>
    /// Does this line read as a title ("THERE IS NO ONE LEFT", "The Old Sea-dog at the Admiral
    /// Benbow") rather than the first line of text ("It was true, too.", "“Tom!”")? Capitals
    /// throughout, or most longer words capitalized; no opening quote or trailing comma.
    /// </summary>
    public static bool LooksLikeTitle(ReadOnlySpan<char> line) => LooksLikeTitle(line, ownLine: false);

    /// <summary>
    /// With <paramref name="ownLine"/>, the line stands alone below a heading, where the first line
    /// of the text could be mistaken for it: in mixed case it must fit on one line and capitalize
    /// nearly every word ("On a January evening, Christine Nilsson was singing …" is text).
    /// </summary>
    public static bool LooksLikeTitle(ReadOnlySpan<char> line, bool ownLine)
    {
        if (line.IsEmpty || line.Length > MaxTitleLength || line.Count('\n') >= MaxHeadingLines) return false;
        // An editor's note in brackets ("LETTER III [Written some months after]") is a title.
        if (line[0] is '[' or '(' && line[^1] is ']' or ')') return true;
        if (line[0] is '"' or '“' && line.Length > 2 && line[^1] is '"' or '”')
        {
            // A title may quote a line in capitals ("“MIGHT I HAVE A BIT OF EARTH?”"); a short
            // shout in quotes opening the text ("“TOM!”") is speech.
            var quoted = line[1..^1];
            return quoted.Count(' ') >= 2 && !ContainsLower(quoted) && LooksLikeTitle(quoted, ownLine);
        }
        if (!char.IsUpper(line[0]) && !char.IsAsciiDigit(line[0])) return false;
        if (line[^1] is ',' or ';' or ':') return false;
        int upper = 0, lower = 0, words = 0, capitalized = 0;
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && !char.IsLetterOrDigit(line[i])) i++;
            if (i >= line.Length) break;
            int start = i;
            while (i < line.Length && char.IsLetterOrDigit(line[i]))
            {
                if (char.IsUpper(line[i])) upper++;
                else if (char.IsLower(line[i])) lower++;
                i++;
            }
            // Minor words ("of", "the", "for") stay lower case in a title.
            if (start > 0 && MinorWords.Contains(line[start..i])) continue;
            words++;
            if (char.IsUpper(line[start]) || char.IsDigit(line[start])) capitalized++;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;   // the rest of "Sea-dog", "Vyse’s"
        }
        if (lower == 0) return upper >= 2;
        if (ownLine) return !line.Contains('\n') && words > 0 && capitalized * 5 >= words * 4;
        return words > 0 && capitalized * 5 >= words * 3;
    }

    private static bool ContainsLower(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (char.IsLower(c)) return true;
        return false;
    }

    // After the number: nothing, trailing marks ("I."), or a title after a separator or a space.
    private static bool TryReadTitle(ReadOnlySpan<char> line, int pos, bool titleMustLookLikeOne, out TextSpan title)
    {
        title = default;
        bool separated = false;
        int p = pos;
        while (p < line.Length && line[p] is '.' or ':' or ' ' or '\t' or '\n' or '—' or '–' or '-' or '_')
        {
            if (line[p] is not (' ' or '\t' or '\n')) separated = true;
            p++;
        }
        if (p == line.Length) return true;
        if (p == pos) return false;   // "Chapter 3x"
        var rest = line[p..];
        if (rest.Length > MaxTitleLength) return false;
        if ((titleMustLookLikeOne || !separated) && !LooksLikeTitle(rest)) return false;
        title = new TextSpan(p, rest.Length);
        return true;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> line, int pos, bool words, bool lowerRoman, out int value, out int end)
    {
        value = 0;
        end = pos;
        if (pos >= line.Length) return false;
        if (char.IsAsciiDigit(line[pos]))
        {
            while (end < line.Length && char.IsAsciiDigit(line[end])) end++;
            if (end - pos > 4 || end < line.Length && char.IsLetter(line[end])) return false;
            value = int.Parse(line[pos..end]);
            return true;
        }
        while (end < line.Length && char.IsLetter(line[end])) end++;
        if (end == pos) return false;
        var word = line[pos..end];
        if (TryReadRoman(word, lowerRoman, out value)) return true;
        if (!words) return false;
        // Twenty-One, Twenty One, First
        value = 0;
        int at = pos;
        bool any = false;
        while (true)
        {
            int e = at;
            while (e < line.Length && char.IsLetter(line[e])) e++;
            if (e == at || !NumberWords.TryGetValue(line[at..e], out int part)) break;
            value = part == 100 ? Math.Max(1, value) * 100 : value + part;
            any = true;
            end = e;
            if (e + 1 < line.Length && line[e] is '-' or ' ' && char.IsLetter(line[e + 1])) at = e + 1;
            else break;
        }
        return any;
    }

    // Roman numerals in one case, in canonical form (so "DIM" or "MIX" are not numbers).
    private static bool TryReadRoman(ReadOnlySpan<char> word, bool lower, out int value)
    {
        value = 0;
        if (word.Length > 12) return false;
        bool isLower = char.IsLower(word[0]);
        if (isLower && !lower) return false;
        int previous = int.MaxValue;
        foreach (char c in word)
        {
            if (char.IsLower(c) != isLower) return false;
            int v = char.ToUpperInvariant(c) switch
            {
                'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, 'M' => 1000, _ => 0,
            };
            if (v == 0) return false;
            value += v > previous ? v - 2 * previous : v;
            previous = v;
        }
        if (value <= 0 || value > 3999) return false;
        Span<char> canonical = stackalloc char[16];
        int n = WriteRoman(value, canonical);
        for (int i = 0; i < word.Length; i++)
            if (i >= n || char.ToUpperInvariant(word[i]) != canonical[i]) return false;
        return n == word.Length;
    }

    private static int WriteRoman(int value, Span<char> into)
    {
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] marks = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        int n = 0;
        for (int i = 0; i < values.Length; i++)
            while (value >= values[i] && n < into.Length - 2)
            {
                foreach (char c in marks[i]) into[n++] = c;
                value -= values[i];
            }
        return n;
    }

    private static int SkipSpaces(ReadOnlySpan<char> line, int pos)
    {
        while (pos < line.Length && line[pos] is ' ' or '\t') pos++;
        return pos;
    }

    private static TextSpan Shift(TextSpan span, int by) => span.Length == 0 ? default : new TextSpan(span.Start + by, span.Length);

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LoadNumbers()
    {
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("structure/number-words.txt"))
        {
            int space = line.IndexOf(' ');
            numbers[line[..space]] = int.Parse(line.AsSpan(space + 1));
        }
        return numbers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
