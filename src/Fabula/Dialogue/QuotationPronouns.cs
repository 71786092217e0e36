using System.Numerics;
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
            int end = span.End;
            // A word is a run of letters; it starts at the quotation's start or after a character that is no letter.
            // PERF: every pronoun of the two lists starts with i, m, y or t and has at most 8 letters. The quotation is
            // read 64 characters at a time (WordStarts): only the words that start with one of those letters are read.
            ulong carry = 0;
            for (int b = span.Start; b < end; b += Block)
            {
                ulong starts = WordStarts(chars, b, end, ref carry);
                while (starts != 0)
                {
                    int start = b + BitOperations.TrailingZeroCount(starts);
                    starts &= starts - 1;
                    int i = start + 1;
                    while (i < end && char.IsLetter(chars[i])) i++;
                    var word = chars[start..i];
                    if (word.Length > 8) continue;
                    if (DialogueWords.IsFirstPersonSingular(word))
                        added.Add(new Mention(TextSpan.FromBounds(start, i), MentionKind.Pronoun, attributions[k].Speaker));
                    else if (DialogueWords.IsSecondPerson(word))
                        added.Add(new Mention(TextSpan.FromBounds(start, i), MentionKind.Pronoun, attributions[k].Addressee));
                }
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

    private const int Block = CharBlock.Length;

    /// <summary>
    /// Bits of the characters <paramref name="b"/>..+64 (those before <paramref name="end"/>) that start a word with
    /// i, m, y or t (any case): after a character that is no letter. <paramref name="carry"/> is 1 when the character
    /// before the block is a letter (0 at the quotation's start, whatever comes before it), and is set for the next block.
    /// </summary>
    private static ulong WordStarts(ReadOnlySpan<char> chars, int b, int end, ref ulong carry)
    {
        CharBlock.Classify(chars, b, 'i', 'm', 'y', 't', anyCase: true, out ulong letters, out _, out ulong initials, out ulong other);
        // Beyond ASCII, a letter is what char.IsLetter says; none is an initial of the lists.
        while (other != 0)
        {
            int k = BitOperations.TrailingZeroCount(other);
            other &= other - 1;
            if (char.IsLetter(chars[b + k])) letters |= 1UL << k;
        }
        ulong starts = initials & ~((letters << 1) | carry);
        carry = letters >> (Block - 1);
        return end - b < Block ? starts & ((1UL << (end - b)) - 1) : starts;
    }
}
