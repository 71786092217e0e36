using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// Finds the person a quotation calls by name: a name set off by punctuation or the quotation's
/// marks ("Magnus, look at me", "Come here, Alec!", "My dear Mr. Bennet,"). The one called is
/// spoken to, so it is the addressee and not the speaker.
/// </summary>
internal sealed class VocativeReader(StoryText text, SpanLayer<Mention> mentions)
{
    /// <summary>The character first called by name inside <paramref name="quotation"/> other than <paramref name="speaker"/>, or -1.</summary>
    public int Find(TextSpan quotation, int speaker)
    {
        var chars = text.AsSpan();
        for (int m = mentions.FirstStartingAtOrAfter(quotation.Start); m < mentions.Count && mentions[m].Span.Start < quotation.End; m++)
        {
            var mention = mentions[m];
            if (mention.Kind != MentionKind.Name || mention.Character < 0 || mention.Character == speaker) continue;
            if (mention.Span.End > quotation.End) break;
            if (IsSetOffBefore(chars, quotation.Start, mention.Span.Start) && IsSetOffAfter(chars, mention.Span.End, quotation.End)
                && !IsAnswer(chars, quotation, mention.Span))
                return mention.Character;
        }
        return -1;
    }

    // Before the name: the opening mark, a comma, a sentence end, a dash, or "dear", "oh", "O" and (when
    // <paramref name="myCalls"/>) "my". A hyphen sets off a kinship word ("--papa") but joins a name to a word.
    internal static bool IsSetOffBefore(ReadOnlySpan<char> chars, int lo, int at, bool myCalls = true, bool hyphenSetsOff = false)
    {
        int i = at;
        while (i > lo && char.IsWhiteSpace(chars[i - 1])) i--;
        if (i == lo) return true;
        char c = chars[i - 1];
        if (c is ',' or '!' or '?' or '.' or ';' or '—' or '–' || IsMark(c) || hyphenSetsOff && c == '-') return true;
        int end = i;
        while (i > lo && char.IsLetter(chars[i - 1])) i--;
        var word = chars[i..end];
        return word.Equals("dear", StringComparison.OrdinalIgnoreCase) || word.Equals("oh", StringComparison.OrdinalIgnoreCase)
               || word is "O" || myCalls && word.Equals("my", StringComparison.OrdinalIgnoreCase) && i > lo && !char.IsLetter(chars[i - 1]);
    }

    // After the name: a comma, a sentence end, a dash or the closing mark.
    private static bool IsSetOffAfter(ReadOnlySpan<char> chars, int at, int hi)
    {
        int i = at;
        while (i < hi && char.IsWhiteSpace(chars[i])) i++;
        if (i >= hi) return true;
        char c = chars[i];
        return c is ',' or '!' or '?' or '.' or ';' or '—' or '–' || IsMark(c);
    }

    // "What is his name?" / "Bingley.": a line that is nothing but a name and a full stop gives the name, it calls no one.
    private static bool IsAnswer(ReadOnlySpan<char> chars, TextSpan quotation, TextSpan name)
    {
        for (int i = quotation.Start; i < name.Start; i++)
            if (char.IsLetterOrDigit(chars[i])) return false;
        int stop = -1;
        for (int i = name.End; i < quotation.End; i++)
        {
            if (char.IsLetterOrDigit(chars[i])) return false;
            if (chars[i] == '.' && stop < 0) stop = i;
            if (chars[i] is '!' or '?' or ',') return false;
        }
        return stop >= 0;
    }

    internal static bool IsMark(char c) => c is '"' or '“' or '”' or '\'' or '‘' or '’' or '«' or '»';
}
