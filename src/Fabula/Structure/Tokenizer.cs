using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Splits each paragraph into tokens the way the Penn Treebank and LitBank do: contractions and
/// possessives split off (<c>do n't</c>, <c>I 'm</c>, <c>Alec 's</c>), hyphenated words whole,
/// dashes, quotes and ellipses as their own tokens, abbreviations and initials with their period.
/// One pass over the characters; a token is a span, never a substring.
/// </summary>
public sealed class Tokenizer : IStage
{
    private static readonly Abbreviations Known = new();

    internal const byte Other = 0, Space = 1, Digit = 2, Letter = 3;

    /// <summary>
    /// The class of each ASCII character: letters, digits, white space (tab to carriage return, space),
    /// other. PERF: a constant table (its length known to the compiler, so indexing it with a char
    /// below 128 needs no bounds check). TokenizerTests checks it against char.IsAsciiLetter and the rest.
    /// </summary>
    internal static ReadOnlySpan<byte> AsciiClass =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    ];

    public void Run(Story story)
    {
        // PERF: the 100 LitBank novels run 4.6 characters per token (4.1 in the densest); room for one per 4 means the list
        // seldom grows (each growth copies every token so far).
        var tokens = new List<Token>(story.Text.Length / 4 + 16);
        var text = story.Text.AsSpan();
        foreach (ref readonly var paragraph in story.Layer<Paragraph>().Items)
            Tokenize(text, paragraph.Span, tokens);
        story.Add(tokens);
    }

    /// <summary>Tokens of a plain string (tests, tools).</summary>
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>();
        Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tokens;
    }

    /// <summary>
    /// Can this word token, which kept its period, end a sentence? Abbreviations can ("etc.",
    /// "a.m."); titles ("Mr."), initials ("J.") and "No." before a number stand before what
    /// follows and cannot.
    /// </summary>
    public static bool MayEndSentence(ReadOnlySpan<char> wordWithPeriod)
    {
        var word = wordWithPeriod[..^1];
        return word.Length > 1 && !Known.IsTitle(word) && !Known.IsBeforeNumber(word);
    }

    /// <summary>Adds the tokens of <paramref name="span"/>; lookahead never leaves the span.</summary>
    // PERF: Tokenize and ReadWord are compiled fully optimised at once. They run per paragraph, and with
    // tiered compilation the first novels of a run were tokenized by unoptimised code (the bench's first
    // pass: 3.2-3.7 G instructions against 2.2 G). Left out of the ReadyToRun image, they cost `fabula
    // analyze` about 13 M instructions of compiling at start-up (1.541 against 1.528 G for The Secret Garden).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tokenize(ReadOnlySpan<char> text, TextSpan span, List<Token> tokens)
    {
        int end = span.End;
        int i = span.Start;
        // PERF: `line` ends where the span ends, so its length bounds the loops without a second check.
        var line = text[..end];
        while (i < line.Length)
        {
            char c = line[i];
            if (c < 128)
            {
                // PERF: ASCII letters, digits and spaces take a table lookup, not a category query.
                int cls = AsciiClass[c];
                if (cls == Space) { i++; continue; }
                if (cls >= Digit)
                {
                    // PERF: most words are a run of ASCII letters and digits ended by a space or a mark that
                    // never joins two parts of a word; read them here. Anything else goes on in ReadWord.
                    int wordStart = i;
                    for (i++; i < line.Length; i++)
                    {
                        c = line[i];
                        if (c >= 128 || AsciiClass[c] < Digit) break;
                    }
                    bool letters = cls == Letter || HasLetter(line[wordStart..i]);
                    if (i == line.Length || c < 128 && EndsWord(c, line[i - 1]))
                        tokens.Add(new Token(TextSpan.FromBounds(wordStart, i), letters ? TokenKind.Word : TokenKind.Number));
                    else
                        i = ReadWord(text, wordStart, i, letters, end, tokens);
                    continue;
                }
            }
            else if (char.IsWhiteSpace(c)) { i++; continue; }
            else if (IsWordChar(text, i, end))
            {
                i = ReadWord(text, i, i, false, end, tokens);
                continue;
            }
            int start = i;
            TokenKind kind;
            switch (c)
            {
                case '.' or '!' or '?' or '…':
                    // A run of terminal marks is one token: "?!", "!!!", "...", "…", "?..".
                    while (i < end && text[i] is '.' or '!' or '?' or '…') i++;
                    // Spaced ellipsis ". . ." (Gutenberg): one token.
                    if (i - start == 1 && c == '.')
                        while (i + 1 < end && text[i] == ' ' && text[i + 1] == '.') i += 2;
                    kind = TokenKind.Punctuation;
                    break;
                case '\'' or '’' or '‘' or '‛' when IsElision(text, i, end, out int elisionEnd):
                    // 'tis, 'em: the apostrophe stands for dropped letters.
                    i = elisionEnd;
                    kind = TokenKind.Word;
                    break;
                case '"' or '“' or '”' or '„' or '‟' or '«' or '»' or '‹' or '›' or '\'' or '‘' or '’' or '‚' or '‛' or '`':
                    i++;
                    kind = TokenKind.Quote;
                    break;
                case '—' or '–' or '―' or '‒' or '⸺' or '⸻':
                    while (i < end && text[i] == c) i++;
                    kind = TokenKind.Dash;
                    break;
                case '-' or '‐' or '‑':
                    // "--" (typewriter dash) or a lone hyphen between spaces.
                    while (i < end && text[i] is '-' or '‐' or '‑') i++;
                    kind = TokenKind.Dash;
                    break;
                case ',' or ';' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '¡' or '¿':
                    i++;
                    kind = TokenKind.Punctuation;
                    break;
                default:
                    // Symbols: a run of the same mark is one token ("***", "~~~").
                    if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1])) i += 2;
                    else { i++; while (i < end && text[i] == c) i++; }
                    kind = TokenKind.Symbol;
                    break;
            }
            tokens.Add(new Token(TextSpan.FromBounds(start, i), kind));
        }
    }

    // Does the ASCII character c, after a run of ASCII letters and digits that ends with `last`, end the
    // word for sure? A space or a mark other than - , . : / ' does; so do , : / after a letter (only
    // digits join through them: 1,000 10:30). A period, a hyphen or an apostrophe needs ReadWord.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsWord(char c, char last) =>
        c is not ('-' or ',' or '.' or ':' or '/' or '\'') || c is ',' or ':' or '/' && !char.IsAsciiDigit(last);

    // Whether a run of ASCII letters and digits that starts with a digit has a letter ("1st").
    private static bool HasLetter(ReadOnlySpan<char> run)
    {
        foreach (char c in run)
            if (AsciiClass[c] == Letter) return true;
        return false;
    }

    // Reads a word or number that starts at start and has been read up to i (letters: whether that part
    // has a letter), with its contractions split off; returns its end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]  // PERF: see Tokenize
    private static int ReadWord(ReadOnlySpan<char> text, int start, int i, bool letters, int end, List<Token> tokens)
    {
        while (i < end)
        {
            char c = text[i];
            if (c < 128)
            {
                byte cls = AsciiClass[c];
                if (cls == Letter) { letters = true; i++; continue; }
                if (cls == Digit) { i++; continue; }
                // PERF: a space, or a mark that never joins two parts of a word, ends it at once.
                if (cls == Space || c is not ('-' or ',' or '.' or ':' or '/' or '\'')) break;
            }
            else if (IsWordChar(text, i, end))
            {
                if (char.IsSurrogate(c)) { letters = true; i += 2; continue; }
                if (!char.IsDigit(c)) letters = true;
                i++;
                continue;
            }
            if (i == 0 || i + 1 >= end || !IsWordChar(text, i - 1, end) && !char.IsLowSurrogate(text[i - 1])) break;
            char next = text[i + 1];
            if (c is '-' or '‐' or '‑' or '\u00AD' && i > start && IsWordChar(text, i + 1, end))
            {
                i++;   // well-known, twenty-five
                continue;
            }
            if (c is ',' or '.' or ':' or '/' && i > start && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(next))
            {
                i++;   // 1,000  3.14  10:30
                continue;
            }
            if (c is '\'' or '’' && char.IsLetter(next) && char.IsLetterOrDigit(text[i - 1]))
            {
                int suffixEnd = i + 1;
                while (suffixEnd < end && char.IsLetter(text[suffixEnd])) suffixEnd++;
                var suffix = text[(i + 1)..suffixEnd];
                bool more = IsInnerApostrophe(text, suffixEnd, end);
                bool whole = suffixEnd >= end || !IsWordChar(text, suffixEnd, end) && !more;
                int split = -1;
                if ((whole || more) && IsContraction(suffix))
                    split = i;       // Alec's -> Alec 's; I'm -> I 'm; he'd've -> he 'd 've
                else if (whole && suffix is "t" or "T" && text[i - 1] is 'n' or 'N' && i - 1 > start)
                    split = i - 1;   // don't -> do n't; can't -> ca n't; won't -> wo n't (Penn Treebank)
                if (split >= 0)
                {
                    if (split > start) tokens.Add(new Token(TextSpan.FromBounds(start, split), TokenKind.Word));
                    tokens.Add(new Token(TextSpan.FromBounds(split, suffixEnd), TokenKind.Word));
                    if (!more) return suffixEnd;
                    start = i = suffixEnd;   // read on from the next apostrophe
                    letters = false;
                    continue;
                }
                i++;   // O'Brien, o'clock, ma'am: one word
                continue;
            }
            break;
        }
        // A word's period: abbreviations, initials and dotted letter groups keep theirs.
        if (i < end && text[i] == '.' && letters && (i + 1 >= end || text[i + 1] != '.'))
            i = WithPeriod(text, start, i, end);
        if (i > start)
            tokens.Add(new Token(TextSpan.FromBounds(start, i), letters ? TokenKind.Word : TokenKind.Number));
        return i;
    }

    // The word [start, dot) is followed by a period at dot: returns the token end (dot or past it).
    private static int WithPeriod(ReadOnlySpan<char> text, int start, int dot, int end)
    {
        var word = text[start..dot];
        if (Known.IsTitle(word) || Known.IsAbbreviation(word)) return dot + 1;
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            // Dotted letters: e.g. i.e. a.m. U.S.A.
            int j = dot;
            while (j + 2 < end && char.IsLetter(text[j + 1]) && text[j + 2] == '.')
                j += 2;
            if (j > dot) return j + 1;
            // An initial: a capital before another name ("J. R. Smith"). "A." and "I." are far
            // more often a word ending a sentence, so they count only before another initial.
            if (char.IsUpper(word[0]))
            {
                int n = dot + 1;
                while (n < end && text[n] == ' ') n++;
                if (n < end && char.IsUpper(text[n]))
                {
                    bool nextIsInitial = n + 1 < end && text[n + 1] == '.';
                    if (nextIsInitial || word[0] is not ('A' or 'I')) return dot + 1;
                }
            }
            return dot;
        }
        if (Known.IsBeforeNumber(word))
        {
            int n = dot + 1;
            while (n < end && text[n] == ' ') n++;
            if (n < end && char.IsAsciiDigit(text[n])) return dot + 1;
        }
        return dot;
    }

    private static bool IsContraction(ReadOnlySpan<char> suffix) =>
        suffix.Length switch
        {
            1 => suffix[0] is 's' or 'S' or 'm' or 'M' or 'd' or 'D',
            2 => suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
                 || suffix.Equals("re", StringComparison.OrdinalIgnoreCase)
                 || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    private static bool IsInnerApostrophe(ReadOnlySpan<char> text, int i, int end) =>
        i + 1 < end && text[i] is '\'' or '’' && char.IsLetter(text[i + 1]);

    // An apostrophe at a word start followed by a listed elision ('tis, 'em) and then no letter.
    private static bool IsElision(ReadOnlySpan<char> text, int i, int end, out int wordEnd)
    {
        wordEnd = i + 1;
        if (i > 0 && char.IsLetterOrDigit(text[i - 1])) return false;
        while (wordEnd < end && char.IsLetter(text[wordEnd])) wordEnd++;
        if (wordEnd == i + 1 || wordEnd - i > 8) return false;
        if (wordEnd < end && (IsWordChar(text, wordEnd, end) || IsInnerApostrophe(text, wordEnd, end))) return false;
        return Known.IsElision(text[(i + 1)..wordEnd]);
    }

    private static bool IsWordChar(ReadOnlySpan<char> text, int i, int end)
    {
        char c = text[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c);
        if (char.IsHighSurrogate(c))
            return i + 1 < end && Rune.TryCreate(c, text[i + 1], out var rune) && Rune.IsLetterOrDigit(rune);
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => true,
            _ => false,
        };
    }

    /// <summary>The abbreviation tables, loaded once.</summary>
    private sealed class Abbreviations
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _titles, _titlesAnyCase;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _others, _othersAnyCase;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _beforeNumbers, _elisions;

        public Abbreviations()
        {
            _titles = WordList.Load("structure/titles.txt").GetAlternateLookup<ReadOnlySpan<char>>();
            _titlesAnyCase = WordList.Load("structure/titles.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _others = WordList.Load("structure/abbreviations.txt").GetAlternateLookup<ReadOnlySpan<char>>();
            _othersAnyCase = WordList.Load("structure/abbreviations.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _beforeNumbers = WordList.Load("structure/abbreviations-before-numbers.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _elisions = WordList.Load("structure/elisions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        }

        // As written ("Mr"), or in capitals ("MR") — but not lower case ("gen", "col" are words).
        public bool IsTitle(ReadOnlySpan<char> word) =>
            word.Length <= 6 && (_titles.Contains(word) || IsCapitals(word) && _titlesAnyCase.Contains(word));

        public bool IsAbbreviation(ReadOnlySpan<char> word) =>
            word.Length <= 7 && (_others.Contains(word) || IsCapitals(word) && _othersAnyCase.Contains(word));

        public bool IsBeforeNumber(ReadOnlySpan<char> word) => word.Length <= 5 && _beforeNumbers.Contains(word);

        public bool IsElision(ReadOnlySpan<char> word) => _elisions.Contains(word);

        private static bool IsCapitals(ReadOnlySpan<char> word)
        {
            foreach (char c in word)
                if (!char.IsUpper(c)) return false;
            return true;
        }
    }
}
