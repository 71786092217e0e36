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
    public static List<Mention> AddTo(StoryText text, SpanLayer<Mention> mentions, SpanLayer<Quotation> quotes, List<Attribution> attributions)
    {
        var added = new List<Mention>();
        var chars = text.AsSpan();
        for (int k = 0; k < quotes.Count; k++)
        {
            var span = quotes[k].Span;
            for (int i = span.Start; i < span.End;)
            {
                if (!char.IsLetter(chars[i])) { i++; continue; }
                int start = i;
                while (i < span.End && char.IsLetter(chars[i])) i++;
                var word = chars[start..i];
                if (start > span.Start && char.IsLetter(chars[start - 1])) continue;
                // PERF: every pronoun of the two lists starts with i, m, y or t and has at most 8 letters.
                if (word.Length > 8 || (char)(word[0] | 0x20) is not ('i' or 'm' or 'y' or 't')) continue;
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
