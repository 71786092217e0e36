using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// An age the text states for a character: <c>Age</c> in years (the low end for "in her early
/// twenties"), <c>Value</c> as the attribute gives it, and <c>Past</c> when the age belongs to an
/// earlier time ("when she was five") rather than the story's present.
/// </summary>
public readonly record struct AgeStatement(TextSpan Span, int Character, int Age, string Value, bool Past) : ISpanned;

/// <summary>
/// A death the text states: "Izzy died", "his death", "the late Mr. Bennet". <c>Certain</c> when the
/// narration says it of a character by name ("Izzy died", "Jace was killed"); "his death" may be
/// feared, and "the late Mr. Darcy" may be the father of the Mr. Darcy the cast knows.
/// </summary>
public readonly record struct Death(TextSpan Span, int Character, bool Certain = false) : ISpanned;

/// <summary>
/// A class system of the story's own: a small closed set of nouns the text predicates of its
/// characters ("beta", "alpha", "omega"), the characters (cast indexes) of each term, and the
/// passages that show them.
/// </summary>
public sealed record Taxonomy(IReadOnlyList<string> Terms, IReadOnlyDictionary<string, IReadOnlyList<int>> Members, IReadOnlyList<TextSpan> Evidence);

/// <summary>What the attribute stage learnt beyond the attribute layer: ages, deaths, taxonomies.</summary>
public sealed class CharacterFacts
{
    public List<AgeStatement> Ages { get; } = [];
    public List<Death> Deaths { get; } = [];
    public List<Taxonomy> Taxonomies { get; } = [];
}
