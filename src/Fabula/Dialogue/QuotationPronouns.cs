using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// The first- and second-person pronouns inside quotations, as Pronoun mentions: I/me/my/mine/myself
/// are the speaker, you/your/yours/yourself (and thou/thee/thy/thine) the addressee; -1 where that is
/// unknown. Merged into the cast stage's mentions, kept in the layer's order (start, then longest first).
/// </summary>
internal static class QuotationPronouns
{
    private static readonly System.Buffers.SearchValues<char> PronounInitials = System.Buffers.SearchValues.Create("iImMyYtT");

    public static List<Mention> AddTo(StoryText text, SpanLayer<Mention> mentions, SpanLayer<Quotation> quotes, List<Attribution> attributions)
    {
        var added = new List<Mention>();
        var chars = text.AsSpan();
        for (int k = 0; k < quotes.Count; k++)
        {
            var span = quotes[k].Span;
            int end = span.End;
            for (int i = span.Start; i < end;)
            {
                // PERF: every pronoun of the two lists starts with i, m, y or t and has at most 8 letters: the
                // next of those letters is found by a vectorised search, and only where it starts a word
                // (its first letter, or the quotation's) is the word read.
                int found = chars[i..end].IndexOfAny(PronounInitials);
                if (found < 0) break;
                int start = i + found;
                if (start > span.Start && char.IsLetter(chars[start - 1])) { i = start + 1; continue; }
                i = start;
                while (i < end && char.IsLetter(chars[i])) i++;
                var word = chars[start..i];
                if (word.Length > 8) continue;
                if (DialogueWords.IsFirstPersonSingular(word))
                    added.Add(new Mention(TextSpan.FromBounds(start, i), MentionKind.Pronoun, attributions[k].Speaker));
                else if (DialogueWords.IsSecondPerson(word))
                    added.Add(new Mention(TextSpan.FromBounds(start, i), MentionKind.Pronoun, attributions[k].Addressee));
            }
        }
        var merged = new List<Mention>(mentions.Count + added.Count);
        int a = 0;
        foreach (ref readonly var m in mentions.Items)
        {
            while (a < added.Count && Before(added[a], m)) merged.Add(added[a++]);
            merged.Add(m);
        }
        while (a < added.Count) merged.Add(added[a++]);
        return merged;
    }

    private static bool Before(in Mention x, in Mention y) =>
        x.Span.Start < y.Span.Start || x.Span.Start == y.Span.Start && x.Span.Length > y.Span.Length;
}
