using System.Collections.Immutable;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>The evidence an attribution rests on.</summary>
public enum AttributionMethod : byte
{
    /// <summary>Nothing supports a guess; the speaker is unknown.</summary>
    None,
    /// <summary>A speech tag with a name: "said Alec", "Alec asked".</summary>
    Explicit,
    /// <summary>A speech tag with a pronoun: "he whispered".</summary>
    Pronoun,
    /// <summary>A speech tag with a description: "said his wife", "the old man asked"; the present character it fits.</summary>
    Nominal,
    /// <summary>The character acting in the same paragraph: <c>Magnus giggled. "..."</c></summary>
    Beat,
    /// <summary>The other party of a vocative: "Magnus, look at me" is not said by Magnus.</summary>
    Vocative,
    /// <summary>Alternation in a two-party exchange of untagged lines.</summary>
    TurnTaking,
    /// <summary>Speech continued in the same paragraph or the next one keeps its speaker.</summary>
    Continuation,
    /// <summary>A first-person narrator's own tag: "I said".</summary>
    Narrator,
}

/// <summary>
/// Who says one quotation and to whom. Its span is the quotation's span; <c>Quotation</c> is the
/// quotation's index in its layer. <c>Speaker</c> and <c>Addressee</c> are character indexes in the
/// <see cref="Cast.CastList"/>, or -1 when unknown. <c>Confidence</c> is in [0, 1].
/// </summary>
public readonly record struct Attribution(
    TextSpan Span, int Quotation, int Speaker, int Addressee, float Confidence, AttributionMethod Method) : ISpanned;

/// <summary>A run of quotations among the same people, with no long stretch of narration between them.</summary>
public readonly record struct Conversation(TextSpan Span, ImmutableArray<int> Participants) : ISpanned;
