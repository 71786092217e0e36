using Fabula.Cast;

namespace Fabula.Dialogue;

/// <summary>
/// The characters named or heard most recently (a few, most recent last), for choosing whom a
/// pronoun tag means: "she said" in a scene of Clary and Magnus is Clary, whatever the last name was;
/// and "he said" right after "said Holmes" in a scene of two men is the other man.
/// </summary>
internal sealed class RecentPeople
{
    private const int Capacity = 8;

    /// <summary>How far back (in characters of text) a person still counts as present.</summary>
    private const int Reach = 3000;

    private readonly List<(int Character, int At)> _people = new(Capacity + 1);

    public void Saw(int character, int at)
    {
        for (int i = 0; i < _people.Count; i++)
            if (_people[i].Character == character) { _people.RemoveAt(i); break; }
        _people.Add((character, at));
        if (_people.Count > Capacity) _people.RemoveAt(0);
    }

    /// <summary>
    /// The speaker a pronoun tag means: the cast stage's choice when its pronouns fit and it is not
    /// the one who spoke the turn before; else the most recent present person whose pronouns fit.
    /// </summary>
    public int Choose(CastList cast, ReadOnlySpan<char> pronoun, int resolved, int previousSpeaker, int at)
    {
        if (!DialogueWords.SetOf.TryGetValue(pronoun, out var set)) return resolved;
        bool fits = resolved >= 0 && cast[resolved].Pronouns == set;
        if (fits && resolved != previousSpeaker) return resolved;
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _people[i];
            if (seen < at - Reach) break;
            if (c != previousSpeaker && c != resolved && cast[c].Pronouns == set) return c;
        }
        return resolved;
    }
}
