using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.World.Relations;

/// <summary>Which end of a relation a word's person stands at: A, B, or either (symmetric).</summary>
public enum RelationEnd : byte { Either, A, B }

/// <summary>A noun of relation ("sister", "fiancée", "master"): its type, which end its person is, its stage and number.</summary>
public readonly record struct RelationNoun(RelationType Type, RelationEnd Holder, PartnerStage Stage, bool Plural, Cast.Gender Gender);

public enum VerbEffect : byte { Starts, Ends, Passes }

public enum VerbObject : byte { Direct, To, Either }

/// <summary>A verb of relation ("married", "adopted", "freed"): its type, which end its subject is, its stage and effect.</summary>
public readonly record struct RelationVerb(RelationType Type, RelationEnd Subject, PartnerStage Stage, VerbEffect Effect, VerbObject Object);

/// <summary>A form of address that names the addressee's relation to the speaker ("Mama", "Papa").</summary>
public readonly record struct AddressWord(RelationType Type, RelationEnd Addressee);

/// <summary>The word tables of the relation stage (src/Fabula/Data/world), loaded once.</summary>
internal sealed class RelationWords
{
    public static RelationWords Shared => _shared.Value;
    private static readonly Lazy<RelationWords> _shared = new(() => new RelationWords());

    public readonly FrozenDictionary<string, RelationNoun>.AlternateLookup<ReadOnlySpan<char>> Nouns;
    public readonly FrozenDictionary<string, RelationVerb>.AlternateLookup<ReadOnlySpan<char>> Verbs;
    public readonly FrozenDictionary<string, AddressWord>.AlternateLookup<ReadOnlySpan<char>> Address;
    /// <summary>Every noun, verb and form of address of the tables.</summary>
    public readonly string[] Keys;
    /// <summary>The length of the longest noun or verb: longer words need no lookup.</summary>
    public readonly int LongestWord;

    private RelationWords()
    {
        // Nouns and verbs of relation are read only in lower case ("sister", not "Sister Agnes"): an
        // ordinal lookup of the word as written.
        var nouns = new Dictionary<string, RelationNoun>(StringComparer.Ordinal);
        foreach (var f in Rows("world/relation-words.txt", 6))
            nouns[f[0]] = new RelationNoun(Relation.Parse(f[1]), End(f[2]), Relation.ParseStage(f[3]), f[4] == "many",
                f[5] switch { "m" => Cast.Gender.Male, "f" => Cast.Gender.Female, _ => Cast.Gender.Unknown });
        Nouns = nouns.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        var verbs = new Dictionary<string, RelationVerb>(StringComparer.Ordinal);
        foreach (var f in Rows("world/relation-verbs.txt", 6))
            verbs[f[0]] = new RelationVerb(Relation.Parse(f[1]), End(f[2]), Relation.ParseStage(f[3]),
                f[4] switch { "ends" => VerbEffect.Ends, "passes" => VerbEffect.Passes, _ => VerbEffect.Starts },
                f[5] switch { "to" => VerbObject.To, "either" => VerbObject.Either, _ => VerbObject.Direct });
        Verbs = verbs.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in nouns.Keys) LongestWord = Math.Max(LongestWord, word.Length);
        foreach (var word in verbs.Keys) LongestWord = Math.Max(LongestWord, word.Length);

        var address = new Dictionary<string, AddressWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Rows("world/address-words.txt", 3))
            address[f[0]] = new AddressWord(Relation.Parse(f[1]), End(f[2]));
        Address = address.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Keys = [.. nouns.Keys, .. verbs.Keys, .. address.Keys];
    }

    private static RelationEnd End(string s) => s switch { "a" => RelationEnd.A, "b" => RelationEnd.B, _ => RelationEnd.Either };

    private static IEnumerable<string[]> Rows(string file, int columns)
    {
        foreach (var line in WordList.Lines(file))
        {
            var f = line.Split('\t', StringSplitOptions.TrimEntries);
            if (f.Length != columns) throw new InvalidOperationException($"Data/{file}: '{line}' has {f.Length} columns, not {columns}.");
            yield return f;
        }
    }
}
