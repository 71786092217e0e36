using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// Something the text states about a character: <c>Name</c> is the attribute (age, eyes, hair,
/// height, build, occupation, class, scent, origin, ...), <c>Value</c> its normalized value ("12",
/// "green", "beta"), and the span the words that state it. <c>Character</c> is an index in the
/// <see cref="Cast.CastList"/>.
/// </summary>
public readonly record struct CharacterAttribute(TextSpan Span, int Character, string Name, string Value) : ISpanned;
