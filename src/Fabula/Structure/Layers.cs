using Fabula.Text;

namespace Fabula.Structure;

/// <summary>A paragraph: a block of text. <c>GapBefore</c> counts the blank lines before it (wider gaps can mark scenes).</summary>
public readonly record struct Paragraph(TextSpan Span, int GapBefore) : ISpanned;

/// <summary>A chapter: from its heading (if any) to the next chapter. <c>Heading</c> is empty when the chapter has none.</summary>
public readonly record struct Chapter(TextSpan Span, int Index, string? Title, TextSpan Heading) : ISpanned;

/// <summary>A scene: a stretch of a chapter between scene breaks. <c>Chapter</c> is the chapter index.</summary>
public readonly record struct Scene(TextSpan Span, int Index, int Chapter) : ISpanned;

/// <summary>A sentence; <c>Paragraph</c> is the index of the paragraph it lies in.</summary>
public readonly record struct Sentence(TextSpan Span, int Paragraph) : ISpanned;

public enum TokenKind : byte { Word, Number, Punctuation, Quote, Dash, Symbol }

/// <summary>A token: a word (with its contraction or possessive split off), a number, a mark.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind) : ISpanned;
