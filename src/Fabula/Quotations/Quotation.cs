using Fabula.Text;

namespace Fabula.Quotations;

/// <summary>
/// A stretch of direct speech, marks included. <c>Paragraph</c> is the paragraph it opens in and
/// <c>LastParagraph</c> the one it closes in (they differ for speech running over paragraphs).
/// </summary>
public readonly record struct Quotation(TextSpan Span, int Paragraph, int LastParagraph) : ISpanned;
