using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Quotations;

/// <summary>
/// The narration beside a quotation, where a speaker is usually named ("said Alec"): the text of
/// its paragraph before it and after it, up to the neighbouring quotations. Spans are trimmed of
/// white space and may be empty (then they sit at the quotation's edge).
/// </summary>
public static class QuotationContext
{
    /// <summary>The narration before quotation <paramref name="index"/> in its first paragraph: from the paragraph start, or the end of the previous quotation in it.</summary>
    public static TextSpan NarrationBefore(Story story, int index)
    {
        var quotations = story.Layer<Quotation>();
        var quotation = quotations[index];
        int start = story.Layer<Paragraph>()[quotation.Paragraph].Span.Start;
        if (index > 0 && quotations[index - 1].LastParagraph == quotation.Paragraph)
            start = Math.Max(start, quotations[index - 1].Span.End);
        return Trim(story.Text, start, quotation.Span.Start);
    }

    /// <summary>The narration after quotation <paramref name="index"/> in its last paragraph: up to the next quotation in it, or the paragraph end.</summary>
    public static TextSpan NarrationAfter(Story story, int index)
    {
        var quotations = story.Layer<Quotation>();
        var quotation = quotations[index];
        int end = story.Layer<Paragraph>()[quotation.LastParagraph].Span.End;
        if (index + 1 < quotations.Count && quotations[index + 1].Paragraph == quotation.LastParagraph)
            end = Math.Min(end, quotations[index + 1].Span.Start);
        return Trim(story.Text, quotation.Span.End, end);
    }

    private static TextSpan Trim(StoryText text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
