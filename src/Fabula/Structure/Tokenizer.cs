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
        // PERF: the 100 LitBank novels run 4.6 characters per token (4.1 in the densest); room for one per 4 means the
        // array seldom grows (each growth copies every token so far).
        var tokens = new Token[story.Text.Length / 4 + 16];
        int count = 0;
        var text = story.Text.AsSpan();
        foreach (ref readonly var paragraph in story.Layer<Paragraph>().Items)
        {
            tokens = WithRoom(tokens, count, paragraph.Span.Length);
            count = Tokenize(text, paragraph.Span, tokens, count);
        }
        story.Add(new ArraySegment<Token>(tokens, 0, count));
    }

    /// <summary>Tokens of a plain string (tests, tools).</summary>
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new Token[text.Length];
        int count = Tokenize(text, new TextSpan(0, text.Length), tokens, 0);
        return [.. tokens.AsSpan(0, count)];
    }

    // PERF: a span of text has at most one token per character. With room for that many after the tokens
    // so far, Tokenize writes each token into the array without asking whether it must grow.
    private static Token[] WithRoom(Token[] tokens, int count, int chars)
    {
        if (tokens.Length - count >= chars) return tokens;
        Array.Resize(ref tokens, Math.Max(tokens.Length * 2, count + chars));
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

    /// <summary>
    /// Writes the tokens of <paramref name="span"/> into <paramref name="tokens"/> from index <paramref name="count"/>
    /// (the array has room for one token per character of the span); returns the new count. Lookahead never
    /// leaves the span.
    /// </summary>
    private static int Tokenize(ReadOnlySpan<char> text, TextSpan span, Token[] tokens, int count)
    {
        // Cut where the span ends: every read below is inside it or before it.
        text = text[..span.End];
        int i = span.Start;
        // PERF: the loop keeps the count in a register; `count` itself, passed by reference to the rarer
        // readers, is brought up to date around them.
        int n = count;
        while (i < text.Length)
        {
            char c = text[i];
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
                    for (i++; i < text.Length; i++)
                    {
                        c = text[i];
                        if (c >= 128 || AsciiClass[c] < Digit) break;
                    }
                    bool letters = cls == Letter || HasLetter(text[wordStart..i]);
                    if (i == text.Length || c < 128 && EndsWord(c, text[i - 1]))
                    {
                        tokens[n++] = new Token(TextSpan.FromBounds(wordStart, i), letters ? TokenKind.Word : TokenKind.Number);
                        if (c == ' ') i++;   // PERF: the space after a word, skipped here rather than by the loop
                        continue;
                    }
                    if (c == '.' && AsciiClass[text[i - 1]] == Letter)
                    {
                        // PERF: a period after a letter never joins two parts of a word (ReadWord stops there
                        // too), so only the word's own period is in question ("Mr." or "said" ".").
                        int wordEnd = i + 1 < text.Length && text[i + 1] == '.' ? i : WithPeriod(text, wordStart, i, text.Length);
                        tokens[n++] = new Token(TextSpan.FromBounds(wordStart, wordEnd), TokenKind.Word);
                        i = wordEnd;
                        continue;
                    }
                    count = n;
                    i = ReadWord(text, wordStart, i, letters, tokens, ref count);
                    n = count;
                    continue;
                }
            }
            else if (char.IsWhiteSpace(c)) { i++; continue; }
            count = n;
            i = ReadOther(text, i, tokens, ref count);
            n = count;
        }
        return n;
    }

    // Reads the token at i (a word that starts beyond ASCII, or a mark) into tokens[count]; returns its end.
    private static int ReadOther(ReadOnlySpan<char> text, int i, Token[] tokens, ref int count)
    {
        int end = text.Length;
        char c = text[i];
        if (c >= 128 && IsWordChar(text, i, end)) return ReadWord(text, i, i, false, tokens, ref count);
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
        tokens[count++] = new Token(TextSpan.FromBounds(start, i), kind);
        return i;
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
    // has a letter), with its contractions split off, into tokens[count...]; returns its end.
    private static int ReadWord(ReadOnlySpan<char> text, int start, int i, bool letters, Token[] tokens, ref int count)
    {
        int end = text.Length;
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
                    if (split > start) tokens[count++] = new Token(TextSpan.FromBounds(start, split), TokenKind.Word);
                    tokens[count++] = new Token(TextSpan.FromBounds(split, suffixEnd), TokenKind.Word);
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
            tokens[count++] = new Token(TextSpan.FromBounds(start, i), letters ? TokenKind.Word : TokenKind.Number);
        return i;
    }

    // The word [start, dot) is followed by a period at dot: returns the token end (dot or past it).
    private static int WithPeriod(ReadOnlySpan<char> text, int start, int dot, int end)
    {
        var word = text[start..dot];
        var known = Known;
        // PERF: a word of two letters or more that the tables' screen rules out keeps no period.
        if (word.Length > 1 && !known.MayBeListed(word)) return dot;
        if (known.IsTitle(word) || known.IsAbbreviation(word)) return dot + 1;
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
        if (known.IsBeforeNumber(word))
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

        // PERF: a screen in front of the title, abbreviation and number tables (a bit for each entry's
        // first letter, last letter and length, folded to 1024 bits): most words before a period are in
        // none, and one bit test costs less than three set look-ups. Only words that begin and end in ASCII
        // are screened (their case folds one way); for the rest the tables are asked.
        private readonly ulong[] _screen = new ulong[16];

        public Abbreviations()
        {
            _titles = WordList.Load("structure/titles.txt").GetAlternateLookup<ReadOnlySpan<char>>();
            _titlesAnyCase = WordList.Load("structure/titles.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _others = WordList.Load("structure/abbreviations.txt").GetAlternateLookup<ReadOnlySpan<char>>();
            _othersAnyCase = WordList.Load("structure/abbreviations.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _beforeNumbers = WordList.Load("structure/abbreviations-before-numbers.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            _elisions = WordList.Load("structure/elisions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var set in new[] { _titlesAnyCase.Set, _othersAnyCase.Set, _beforeNumbers.Set })
                foreach (string entry in set)
                {
                    // An entry the screen cannot fold (not ASCII at either end) opens it to every word.
                    if (entry.Length == 0 || (entry[0] | entry[^1]) >= 128) { Array.Fill(_screen, ulong.MaxValue); continue; }
                    int key = ScreenKey(entry);
                    _screen[key >> 6] |= 1UL << key;
                }
        }

        /// <summary>Can the word be in the title, abbreviation or number table? (False: in none of them.)</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayBeListed(ReadOnlySpan<char> word)
        {
            if (word.IsEmpty || (word[0] | word[^1]) >= 128) return true;
            int key = ScreenKey(word);
            return (_screen[key >> 6] & (1UL << key)) != 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int ScreenKey(ReadOnlySpan<char> word) => ((Fold(word[0]) * 31 + Fold(word[^1])) * 7 + word.Length) & 1023;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Fold(char c) => char.IsAsciiLetter(c) ? c | 0x20 : c;

        // As written ("Mr"), or in capitals ("MR") — but not lower case ("gen", "col" are words).
        public bool IsTitle(ReadOnlySpan<char> word) =>
            word.Length <= 6 && MayBeListed(word) && (_titles.Contains(word) || IsCapitals(word) && _titlesAnyCase.Contains(word));

        public bool IsAbbreviation(ReadOnlySpan<char> word) =>
            word.Length <= 7 && MayBeListed(word) && (_others.Contains(word) || IsCapitals(word) && _othersAnyCase.Contains(word));

        public bool IsBeforeNumber(ReadOnlySpan<char> word) => word.Length <= 5 && MayBeListed(word) && _beforeNumbers.Contains(word);

        public bool IsElision(ReadOnlySpan<char> word) => _elisions.Contains(word);

        private static bool IsCapitals(ReadOnlySpan<char> word)
        {
            foreach (char c in word)
                if (!char.IsUpper(c)) return false;
            return true;
        }
    }
}
