namespace Fabula.World.Network;

/// <summary>
/// How much two characters have to do with each other: the scenes both are named in, the
/// conversations both take part in, and the quotations one addresses to the other. <c>A</c> &lt;
/// <c>B</c> are character indexes; <c>Weight</c> is the sum of the three counts.
/// </summary>
public readonly record struct Interaction(int A, int B, int Scenes, int Conversations, int Quotes)
{
    public int Weight => Scenes + Conversations + Quotes;
}

/// <summary>
/// The interaction network of a story: its edges, heaviest first, and for each scene the characters
/// named in it (in the order they first appear there).
/// </summary>
public sealed class InteractionNetwork(IReadOnlyList<Interaction> edges, IReadOnlyList<int[]> sceneCharacters, int[] scenesOf)
{
    public IReadOnlyList<Interaction> Edges => edges;

    /// <summary>For each scene (by index), the characters named in it.</summary>
    public IReadOnlyList<int[]> SceneCharacters => sceneCharacters;

    /// <summary>For each character, the number of scenes it is named in.</summary>
    public int[] ScenesOf => scenesOf;
}
