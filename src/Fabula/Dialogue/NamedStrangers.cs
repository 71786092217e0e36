using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// Described speakers the lines name. Someone the cast knows only by a description ("the little girl", "the man with the
/// basket") is a named character when a line of theirs says who they are ("'I am Mary Lennox,' said the little girl"), or
/// when the next turn, another's, answers them by a name the narration has not yet shown anyone by, calling it where a line
/// calls the one it speaks to (opening the line or ending a sentence: "'Good night t'ee,' said the man with the basket. /
/// 'Good night, Sir John,' said the parson."; not in answer to a question, "Who is it?" / "Pip, ma'am.", nor echoing a name the
/// line said): their lines, and the lines said to them, are that character's. A line no one says that names its speaker so
/// is theirs. Only a definite description ("the man") is named by an answer; "my mother" is known to the teller by no name.
/// </summary>
internal static class NamedStrangers
{
    public static void Apply(StoryText text, SpanLayer<Mention> mentions, SpanLayer<Quotation> quotes, CastList cast,
                             int[] speaker, int[] addressee, int[] vocative, int[] partner, bool[] calledAway, AttributionMethod[] method, float[] confidence)
    {
        int n = quotes.Count;
        Dictionary<int, int>? namedAs = null;
        for (int k = 0; k < n; k++)
        {
            int said = speaker[k];
            if (said >= 0 && !cast[said].Described) continue;
            int self = SelfNamed(text, mentions, quotes[k].Span);
            if (self >= 0)
            {
                if (said < 0) { speaker[k] = self; method[k] = AttributionMethod.Explicit; confidence[k] = SelfNamedConfidence; }
                else Name(said, self);
                continue;
            }
            // The next turn, another's, calls the described speaker by a name the narration has not yet shown anyone by.
            if (said < 0 || k + 1 >= n || quotes[k + 1].Paragraph != quotes[k].LastParagraph + 1) continue;
            int answer = k + 1, by = speaker[answer], called = vocative[answer];
            if (by >= 0 && by != said && called >= 0 && called != by && calledAway[answer] && !cast[called].Described
                && cast[said].Name.StartsWith("the ", StringComparison.Ordinal) && CallsAtEdge(text, mentions, quotes[answer].Span, called)
                && !Asks(text, quotes[k].Span) && !Names(mentions, quotes[k].Span, called))
                Name(said, called);
        }
        if (namedAs is null) return;
        for (int k = 0; k < n; k++)
        {
            speaker[k] = Renamed(speaker[k]);
            addressee[k] = Renamed(addressee[k]);
            vocative[k] = Renamed(vocative[k]);
            partner[k] = Renamed(partner[k]);
        }

        void Name(int described, int named)
        {
            namedAs ??= [];
            namedAs.TryAdd(described, named);
        }

        int Renamed(int c) => c >= 0 && namedAs.TryGetValue(c, out int named) ? named : c;
    }

    /// <summary>Confidence of a line whose speaker is the one it says they are.</summary>
    private const float SelfNamedConfidence = 0.8f;

    /// <summary>
    /// The character a line says its speaker is ("I am Mary Lennox", "I'm Dick", "I be Jack Durbeyfield", "my name is Ellis"):
    /// a name of the cast just after the words; -1 if none.
    /// </summary>
    internal static int SelfNamed(StoryText text, SpanLayer<Mention> mentions, TextSpan line)
    {
        for (int m = mentions.FirstStartingAtOrAfter(line.Start); m < mentions.Count && mentions[m].Span.Start < line.End; m++)
        {
            var mention = mentions[m];
            if (mention.Kind != MentionKind.Name || mention.Character < 0) continue;
            int at = mention.Span.Start;
            // "I'm Mrs. Walden's son": a name owned is not the speaker's.
            if (mention.Span.End < line.End && text[mention.Span.End] is '\'' or '’') continue;
            var verb = WordBefore(text, at, line.Start, out int verbStart);
            if (verb is "I'm" or "I’m") return mention.Character;
            if (verb is "am" or "be")
            {
                if (WordBefore(text, verbStart, line.Start, out _) is "I") return mention.Character;
            }
            else if (verb is "is" or "was")
            {
                var noun = WordBefore(text, verbStart, line.Start, out int nounStart);
                if (noun is "name" && WordBefore(text, nounStart, line.Start, out _) is "my" or "My") return mention.Character;
            }
        }
        return -1;
    }

    /// <summary>
    /// Whether a line calls <paramref name="character"/> by a name that opens it or ends one of its sentences ("Good night, Sir John,",
    /// "No, thank you, Harris."), as one calls the person spoken to; not a name amid a sentence ("my sister's son, Tom, jest cut his arm").
    /// </summary>
    private static bool CallsAtEdge(StoryText text, SpanLayer<Mention> mentions, TextSpan line, int character)
    {
        for (int m = mentions.FirstStartingAtOrAfter(line.Start); m < mentions.Count && mentions[m].Span.Start < line.End; m++)
        {
            var mention = mentions[m];
            if (mention.Kind != MentionKind.Name || mention.Character != character) continue;
            int before = mention.Span.Start;
            while (before > line.Start && !char.IsLetterOrDigit(text[before - 1]) && text[before - 1] is not (',' or ';' or '-' or '—')) before--;
            bool opens = before == line.Start || text[before - 1] is '.' or '!' or '?';
            int after = mention.Span.End;
            if (opens && after < line.End && text[after] is ',' or '!' or '?') return true;
            if (after < line.End && text[after] is ',' or ';') after++;
            if (after < line.End && text[after] is '.' or '!' or '?') return true;
            while (after < line.End && !char.IsLetterOrDigit(text[after])) after++;
            if (after == line.End) return true;
        }
        return false;
    }

    // "Who is it?" / "Pip, ma'am.": a question's answer may give a name without calling anyone by it.
    private static bool Asks(StoryText text, TextSpan line)
    {
        int end = line.End;
        while (end > line.Start && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] is not ('?' or '.' or '!' or ',')) end--;
        return end > line.Start && text[end - 1] == '?';
    }

    // "From Seattle I go on to Alaska." / "Alaska?": a name the line before said is echoed, not called.
    private static bool Names(SpanLayer<Mention> mentions, TextSpan line, int character)
    {
        for (int m = mentions.FirstStartingAtOrAfter(line.Start); m < mentions.Count && mentions[m].Span.Start < line.End; m++)
            if (mentions[m].Kind == MentionKind.Name && mentions[m].Character == character) return true;
        return false;
    }

    // The word just before a position (letters and apostrophes), over spaces only, not before the line's start.
    private static ReadOnlySpan<char> WordBefore(StoryText text, int at, int lineStart, out int start)
    {
        int end = at;
        while (end > lineStart && text[end - 1] is ' ' or '\n' or '\r') end--;
        start = end;
        while (start > lineStart && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '’')) start--;
        return text[TextSpan.FromBounds(start, end)];
    }
}
