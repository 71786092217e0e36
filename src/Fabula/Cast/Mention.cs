using Fabula.Text;

namespace Fabula.Cast;

public enum MentionKind : byte { Name, Nominal, Pronoun }

/// <summary>
/// A mention of a person: a name ("Mrs. Medlock"), a nominal ("the gardener", "his mother") or a
/// pronoun. <c>Character</c> is the index of the character it refers to in the <see cref="CastList"/>,
/// or -1 when the evidence is too weak to say.
/// </summary>
public readonly record struct Mention(TextSpan Span, MentionKind Kind, int Character) : ISpanned;
