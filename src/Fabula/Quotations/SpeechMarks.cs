using Fabula.Structure;

namespace Fabula.Quotations;

/// <summary>The families of speech marks; a quotation opened by one family is closed by the same family.</summary>
internal enum MarkFamily : byte { None, Double, Single, Guillemet }

/// <summary>What a mark can do where it stands.</summary>
internal enum MarkRole : byte
{
    None,
    Open,
    Close,
    /// <summary>Either, depending on whether a quotation is open (a straight mark between punctuation and a word).</summary>
    Either,
    /// <summary>A single close mark after a letter and before a space: a closing quote or a trailing apostrophe (the Joneses' house).</summary>
    WeakClose,
}

/// <summary>
/// Reads one speech mark in its context. The flanking rules are CommonMark's (a mark opens when it
/// is followed by a non-space and not preceded by a word; it closes when it is preceded by a
/// non-space and not followed by a word), applied to speech marks; curly marks keep the direction
/// of their glyph unless their flanking clearly says the opposite (a typesetting slip).
/// </summary>
internal static class SpeechMarks
{
    public static MarkFamily FamilyOf(char c, bool frenchGuillemets) => c switch
    {
        '"' or '“' or '”' or '„' => MarkFamily.Double,
        '\'' or '‘' or '’' or '‚' => MarkFamily.Single,
        '«' or '»' => MarkFamily.Guillemet,
        _ => MarkFamily.None,
    };

    /// <summary>The role of the mark at <paramref name="i"/> in the paragraph [lo, hi).</summary>
    public static MarkRole RoleOf(ReadOnlySpan<char> text, int i, int lo, int hi, bool frenchGuillemets)
    {
        char c = text[i];
        char prev = i > lo ? text[i - 1] : ' ';
        char next = i + 1 < hi ? text[i + 1] : ' ';
        bool prevSpace = char.IsWhiteSpace(prev), nextSpace = char.IsWhiteSpace(next);
        bool prevWord = char.IsLetterOrDigit(prev), nextWord = char.IsLetterOrDigit(next);
        // Flanking: an opening mark is followed by a non-space and preceded by a space or an
        // opening punctuation; a closing mark is preceded by a non-space and followed by a non-word.
        bool canOpen = !nextSpace && (prevSpace || !prevWord && !IsClosingPunctuation(prev));
        bool canClose = !prevSpace && !nextWord;
        if (prevSpace && nextSpace && c is not ('«' or '»')) return MarkRole.None; // a lone mark between spaces says nothing
        switch (c)
        {
            case '«': return frenchGuillemets ? MarkRole.Open : MarkRole.Close;
            case '»': return frenchGuillemets ? MarkRole.Close : MarkRole.Open;
            case '„': return MarkRole.Open;
            case '‚': return prevWord ? MarkRole.None : MarkRole.Open; // a low comma-like mark after a letter is a comma
            case '“': return canClose && !canOpen ? MarkRole.Close : MarkRole.Open;
            case '”': return canOpen && !canClose && prevSpace && char.IsLetter(next) ? MarkRole.Open : MarkRole.Close;
            case '"':
                if (canOpen && !canClose) return MarkRole.Open;
                if (canClose && !canOpen) return MarkRole.Close;
                return MarkRole.Either;
            case '‘':
                if (prevWord && nextWord) return MarkRole.None;           // a misset apostrophe: don‘t
                if (canClose && !canOpen) return MarkRole.Close;          // a misset closing mark
                return IsElision(text, i + 1, hi) ? MarkRole.None : MarkRole.Open;
            case '’':
            case '\'':
                if (prevWord && nextWord) return MarkRole.None;           // Alec's, o'clock, don't
                if (canOpen && !canClose)
                    return c == '’' || IsElision(text, i + 1, hi) ? MarkRole.None : MarkRole.Open; // ’em, 'tis: an elision
                if (canClose && !canOpen)
                    // After a letter and before a space, the mark may be a trailing apostrophe
                    // (the Joneses' house, goin'); at the paragraph end or before punctuation it closes.
                    return prevWord && nextSpace && i + 1 < hi ? MarkRole.WeakClose : MarkRole.Close;
                return c == '’' ? MarkRole.Close : MarkRole.Either;
            default: return MarkRole.None;
        }
    }

    /// <summary>Marks that end a clause; a mark after one of them closes rather than opens.</summary>
    public static bool IsClosingPunctuation(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '…' or '”' or '’' or '»';

    // A single mark before a digit ('90s) or a dropped-letter word ('tis, 'em, 'n') opens no speech.
    private static bool IsElision(ReadOnlySpan<char> text, int from, int hi)
    {
        if (from >= hi) return false;
        if (char.IsDigit(text[from])) return true;
        int end = from;
        while (end < hi && char.IsLetter(text[end])) end++;
        return end > from && SpeechWords.Elisions.Contains(text[from..end]);
    }

    public static bool IsDash(char c) => c is '—' or '―' or '–';

    /// <summary>Length of the dash that opens speech at <paramref name="i"/> (an em or en dash, or two or more hyphens), or 0.</summary>
    public static int DashAt(ReadOnlySpan<char> text, int i, int hi)
    {
        if (i >= hi) return 0;
        if (IsDash(text[i])) return 1;
        if (text[i] == '-' && i + 1 < hi && text[i + 1] == '-')
        {
            int end = i + 2;
            while (end < hi && text[end] == '-') end++;
            return end - i;
        }
        return 0;
    }
}

/// <summary>
/// How one document marks speech, decided once from counts over the whole text: whether single
/// quotes are its dialogue mark (British style) and whether paragraphs opening with a dash are speech.
/// </summary>
public sealed record SpeechConvention(bool SingleQuotes, bool DashDialogue, bool FrenchGuillemets)
{
    // A dash convention needs several paragraphs, so that a stray dash-opened line changes nothing.
    private const int MinDashParagraphs = 3;

    public static SpeechConvention Of(ReadOnlySpan<char> text, ReadOnlySpan<Paragraph> paragraphs)
    {
        int doubleOpens = 0, singleOpens = 0, frenchOpens = 0, germanOpens = 0, dashParagraphs = 0, quoteParagraphs = 0;
        foreach (ref readonly var paragraph in paragraphs)
        {
            int lo = paragraph.Span.Start, hi = paragraph.Span.End;
            if (SpeechMarks.DashAt(text, lo, hi) > 0) dashParagraphs++;
            else if (hi > lo && SpeechMarks.FamilyOf(text[lo], true) != MarkFamily.None) quoteParagraphs++;
            // Opening candidates: a mark after a space or the paragraph start, followed by a letter.
            for (int i = lo; i < hi; i++)
            {
                int at = text[i..hi].IndexOfAny(QuotationFinder.Marks);
                if (at < 0) break;
                i += at;
                if (i + 1 >= hi || !char.IsLetter(text[i + 1]) || i > lo && !char.IsWhiteSpace(text[i - 1])) continue;
                char c = text[i];
                if (c == '«') frenchOpens++;
                else if (c == '»') germanOpens++;
                else if (SpeechMarks.RoleOf(text, i, lo, hi, true) != MarkRole.Open) continue;
                else if (SpeechMarks.FamilyOf(c, true) == MarkFamily.Double) doubleOpens++;
                else if (SpeechMarks.FamilyOf(c, true) == MarkFamily.Single) singleOpens++;
            }
        }
        return new SpeechConvention(
            SingleQuotes: singleOpens > doubleOpens,
            DashDialogue: dashParagraphs >= MinDashParagraphs && dashParagraphs > quoteParagraphs,
            FrenchGuillemets: frenchOpens >= germanOpens);
    }
}
