using System.Collections.Frozen;
using Fabula.Cast;

namespace Fabula.Content;

/// <summary>
/// The cast stage's answer to "is this name a main character?": a name is main when it is one of the
/// aliases of a character the cast list ranks <see cref="Importance.Main"/>. ContentProfiler uses it
/// when the story has a cast list and no other <see cref="IMainCharacters"/> was set.
/// </summary>
public sealed class CastMainCharacters : IMainCharacters
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _names;

    public CastMainCharacters(CastList cast)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var character in cast.Characters)
            if (character.Importance == Importance.Main)
                foreach (var alias in character.Aliases) names.Add(alias.Text);
        _names = names.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsMainCharacter(ReadOnlySpan<char> name) => _names.Contains(name);
}
