using Fabula.Cast;

namespace Fabula.Dialogue;

/// <summary>
/// The married heads of each family the cast names: "Mr. Bennet" and "Mrs. Bennet" by surname, so
/// that "said his wife" after Mr. Bennet's line, or "cried her mother" after Elizabeth Bennet's, is
/// Mrs. Bennet. A surname with two characters of the same title holds neither. Built once per story.
/// </summary>
internal sealed class Households
{
    private readonly Dictionary<string, int> _husbands = new(StringComparer.Ordinal), _wives = new(StringComparer.Ordinal);

    public Households(CastList cast)
    {
        var ambiguous = new HashSet<(string, bool)>();
        for (int c = 0; c < cast.Count; c++)
        {
            Add(cast[c].Name, c, ambiguous);
            foreach (var alias in cast[c].Aliases) Add(alias.Text, c, ambiguous);
        }
        foreach (var (surname, wife) in ambiguous) (wife ? _wives : _husbands).Remove(surname);
    }

    private void Add(string name, int character, HashSet<(string, bool)> ambiguous)
    {
        int space = name.IndexOf(' ');
        if (space < 0) return;
        var title = name.AsSpan(0, space).TrimEnd('.');
        bool wife = title is "Mrs";
        if (!wife && title is not "Mr") return;
        string surname = name[(name.LastIndexOf(' ') + 1)..];
        var heads = wife ? _wives : _husbands;
        if (heads.TryGetValue(surname, out int other) && other != character) ambiguous.Add((surname, wife));
        else heads[surname] = character;
    }

    /// <summary>
    /// The character a kinship noun of <paramref name="relative"/> names when it is a married head of
    /// the relative's family: "wife"/"mother" of a Bennet (or a man's "lady") is Mrs. Bennet, "husband"/"father" Mr. Bennet; else -1.
    /// </summary>
    public int Head(CastList cast, int relative, ReadOnlySpan<char> noun)
    {
        if (relative < 0) return -1;
        bool wife = noun.Equals("wife", StringComparison.OrdinalIgnoreCase) || noun.Equals("mother", StringComparison.OrdinalIgnoreCase)
                    || noun.Equals("mamma", StringComparison.OrdinalIgnoreCase) || noun.Equals("mama", StringComparison.OrdinalIgnoreCase)
                    // "said his lady": a man's lady is his wife.
                    || noun.Equals("lady", StringComparison.OrdinalIgnoreCase) && cast[relative].Pronouns == "he/him";
        bool husband = noun.Equals("husband", StringComparison.OrdinalIgnoreCase) || noun.Equals("father", StringComparison.OrdinalIgnoreCase)
                       || noun.Equals("papa", StringComparison.OrdinalIgnoreCase);
        if (!wife && !husband) return -1;
        string name = cast[relative].Name;
        int space = name.LastIndexOf(' ');
        if (space < 0) return -1;
        var heads = wife ? _wives : _husbands;
        return heads.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name.AsSpan(space + 1), out int head) && head != relative ? head : -1;
    }
}
