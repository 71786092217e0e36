using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.World;

/// <summary>A unit of time: its ISO 8601 designator (S, MIN, H, D, W, M, Y) and how many of it one word is.</summary>
internal readonly record struct TimeUnit(string Designator, int Count);

/// <summary>A word that names a time: its kind (time, season, weekday, month, relative) and normalized value.</summary>
internal readonly record struct TimeWord(string Kind, string Value);

/// <summary>The word tables of the world stages (src/Fabula/Data/world, and cast's place tables), loaded once.</summary>
internal sealed class WorldTables
{
    public static WorldTables Shared => _shared.Value;
    private static readonly Lazy<WorldTables> _shared = new(() => new WorldTables());

    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Copulas, Occupations, Colours, Shades, PersonNouns,
        PlaceWords, PlacePrepositions, OrganizationWords, Rooms, NotPlaces, NotNames, VagueNumbers,
        GenericPersonNouns, NotNouns, DegreeWords, Boundaries, PastMarkers, Negations, Titles, Conditions, Everyone;
    public readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Appearance, TitleRoles, Deaths, TimeAnchors, Triggers;
    public readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Numbers, Ordinals;
    public readonly FrozenDictionary<string, TimeUnit>.AlternateLookup<ReadOnlySpan<char>> TimeUnits;
    public readonly FrozenDictionary<string, TimeWord>.AlternateLookup<ReadOnlySpan<char>> TimeWords;
    /// <summary>Every word a temporal expression can start with (numbers, "a", "few", units, time words, "o'clock"): one lookup a token.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeStarts;

    private WorldTables()
    {
        Copulas = Set("world/copulas.txt");
        Occupations = Set("world/occupations.txt");
        Colours = Set("world/colours.txt");
        Shades = Set("world/shades.txt");
        PersonNouns = Set("cast/person-nouns.txt");
        PlaceWords = Set("cast/place-words.txt");
        PlacePrepositions = Set("world/place-prepositions.txt");
        OrganizationWords = Set("world/organization-words.txt");
        Rooms = Set("world/rooms.txt");
        NotPlaces = Set("world/not-places.txt");
        NotNames = WordList.Load("cast/not-names.txt", ignoreCase: true).Union(WordList.Load("cast/peoples.txt", ignoreCase: true))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        VagueNumbers = Set("world/vague-numbers.txt");
        GenericPersonNouns = Set("world/generic-person-nouns.txt");
        NotNouns = Set("world/not-nouns.txt");
        DegreeWords = Set("world/degree-words.txt");
        Boundaries = Set("world/boundaries.txt");
        PastMarkers = Set("world/past-markers.txt");
        Negations = Set("world/negations.txt");
        Conditions = Set("world/conditions.txt");
        Everyone = Set("world/everyone-words.txt");
        var titles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("cast/titles.txt"))
        {
            string title = line.Split('\t')[0];
            titles.Add(title);
            titles.Add(title + ".");
        }
        Titles = titles.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Appearance = Pairs("world/appearance.txt");
        TitleRoles = Pairs("world/title-roles.txt");
        Deaths = Pairs("world/deaths.txt");
        TimeAnchors = Pairs("world/time-anchors.txt");
        var triggers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("world/attribute-triggers.txt")) triggers[line.Split('\t')[0]] = line.Split('\t')[1];
        foreach (var line in WordList.Lines("world/copulas.txt")) triggers[line] = "copula";
        foreach (var line in WordList.Lines("world/deaths.txt")) triggers[line.Split('\t')[0]] = "death-" + line.Split('\t')[1];
        Triggers = triggers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        // structure/number-words.txt holds cardinals and ordinals alike ("twelve 12", "twelfth 12").
        var numbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("structure/number-words.txt"))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int value = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            if (value <= 0) continue;
            bool ordinal = f[0].EndsWith("th", StringComparison.Ordinal) || f[0] is "first" or "second" or "third";
            (ordinal ? ordinals : numbers)[f[0]] = value;
        }
        Numbers = numbers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Ordinals = ordinals.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var units = new Dictionary<string, TimeUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("world/time-units.txt"))
        {
            var f = line.Split('\t');
            units[f[0]] = new TimeUnit(f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
        }
        TimeUnits = units.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var words = new Dictionary<string, TimeWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("world/time-words.txt"))
        {
            var f = line.Split('\t');
            words[f[0]] = new TimeWord(f[1], f[2]);
        }
        TimeWords = words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "an", "o'clock", "o’clock" };
        starts.UnionWith(numbers.Keys);
        starts.UnionWith(units.Keys);
        starts.UnionWith(words.Keys);
        starts.UnionWith(WordList.Lines("world/vague-numbers.txt"));
        TimeStarts = starts.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string name) =>
        WordList.Load(name, ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Pairs(string name)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines(name))
        {
            var f = line.Split('\t');
            pairs[f[0]] = f[1];
        }
        return pairs.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The value of a number written in digits ("12") or words ("twelve", "twenty-one", "twenty one"
    /// over two tokens is read by the caller), or -1.
    /// </summary>
    public int NumberValue(ReadOnlySpan<char> word)
    {
        if (word.Length is > 0 and <= 4 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n)) return n;
        if (Numbers.TryGetValue(word, out n)) return n;
        int hyphen = word.IndexOf('-');
        if (hyphen > 0 && Numbers.TryGetValue(word[..hyphen], out int tens) && tens % 10 == 0 && tens >= 20
            && Numbers.TryGetValue(word[(hyphen + 1)..], out int units) && units < 10)
            return tens + units;
        return -1;
    }

    /// <summary>The value of an ordinal ("twelfth", "12th", "twenty-first"), or -1.</summary>
    public int OrdinalValue(ReadOnlySpan<char> word)
    {
        if (Ordinals.TryGetValue(word, out int n)) return n;
        if (word.Length is >= 3 and <= 5 && (word.EndsWith("th") || word.EndsWith("st") || word.EndsWith("nd") || word.EndsWith("rd"))
            && int.TryParse(word[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n)) return n;
        int hyphen = word.IndexOf('-');
        if (hyphen > 0 && Numbers.TryGetValue(word[..hyphen], out int tens) && tens % 10 == 0 && tens >= 20
            && Ordinals.TryGetValue(word[(hyphen + 1)..], out int units) && units < 10)
            return tens + units;
        return -1;
    }

    /// <summary>Is the word a colour or a shade said of eyes and hair ("green", "grey-green", "fair")?</summary>
    public bool IsShade(ReadOnlySpan<char> word)
    {
        if (Colours.Contains(word) || Shades.Contains(word)) return true;
        int hyphen = word.IndexOf('-');
        if (hyphen <= 0) return false;
        var first = word[..hyphen];
        var rest = word[(hyphen + 1)..];
        return (Colours.Contains(first) || Shades.Contains(first)) && (Colours.Contains(rest) || Shades.Contains(rest));
    }
}
