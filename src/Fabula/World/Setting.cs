using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// A place of the story: a named one ("Pemberley", "Misselthwaite Manor") or a room or building
/// that recurs ("the library"); how often the text names it, the scenes set there, its first mention.
/// </summary>
public sealed record Place(string Name, string Kind, int Count, IReadOnlyList<int> Scenes, TextSpan First);

/// <summary>An organisation or company ("the East India Company", "the Bank of England").</summary>
public sealed record Organization(string Name, int Count, TextSpan First);

/// <summary>The places and organisations of a story, and where each scene is set (null when unknown).</summary>
public sealed class Setting(List<Place> places, List<Organization> organizations, string?[] scenePlaces)
{
    public List<Place> Places => places;
    public List<Organization> Organizations => organizations;
    public string?[] ScenePlaces => scenePlaces;
}
