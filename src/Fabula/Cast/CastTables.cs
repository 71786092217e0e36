using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>The word tables the cast stage reads (src/Fabula/Data/cast, dialogue), loaded once.</summary>
internal sealed class CastTables
{
    public static CastTables Shared => _shared.Value;
    private static readonly Lazy<CastTables> _shared = new(() => new CastTables());

    public readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> Titles;
    /// <summary>Titles written before a given name ("Lady Catherine") and before a surname ("Mr. Darcy"); "Miss" is both.</summary>
    public readonly FrozenSet<string> TakesGivenName, TakesSurname;
    /// <summary>Words never a name by their capitals: not-names.txt and the peoples of peoples.txt.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames;
    /// <summary>Peoples and languages ("Irish"): not names, unless the text makes one a nickname.</summary>
    public readonly FrozenSet<string> Peoples;
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceWords;
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacePrepositions;
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs;
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNouns;
    /// <summary>Nouns of no gender a person the text does not name may be known by ("stranger"); see <see cref="DescribedPeople"/>.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DescribedNouns;
    /// <summary>The kind of person a describing noun names ("boy", "child", "urchin": child), for nouns that share one; see <see cref="DescribedPeople"/>.</summary>
    public readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> DescribedKinds;
    /// <summary>Nouns that stand for someone not named even after "the" ("the stranger"); see <see cref="DescribedPeople"/>.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StrangerNouns;
    /// <summary>Words that stand for someone unnamed as a speech tag's subject ("said another", "somebody exclaimed"); see <see cref="NominalMentions"/>.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SomeoneWords;
    /// <summary>Modifiers that count people off as they come ("the first man who came in"); see <see cref="DescribedPeople"/>.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalModifiers;
    /// <summary>Words after which "a man" introduces no one ("like a man", "was an old man").</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NoIntroduction;
    /// <summary>Modifiers that set a description apart from someone already described ("the other woman").</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContrastModifiers;
    /// <summary>Nouns of a relation between two people ("mother", "friend"): world/relation-words.txt, first column.</summary>
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelationNouns;
    public readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectVerbs;
    public readonly FrozenDictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> FirstNames;
    public readonly FrozenDictionary<string, Pronoun>.AlternateLookup<ReadOnlySpan<char>> Pronouns;
    /// <summary>Lowercase nickname to the lowercase formal names it can stand for ("lizzy" -> "elizabeth").</summary>
    public readonly FrozenDictionary<string, string[]> FormalNames;

    /// <summary>The entries of these tables that mark a story's words, packed for <see cref="WordTypes"/> (built on first use).</summary>
    internal WordTypes.TableWord[] TableWords => _tableWords ??= WordTypes.Prepare(this);
    private WordTypes.TableWord[]? _tableWords;

    private CastTables()
    {
        var titles = new Dictionary<string, Gender>(StringComparer.OrdinalIgnoreCase);
        var takesGiven = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var takesSurname = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("cast/titles.txt"))
        {
            var f = line.Split('\t');
            titles[f[0]] = ParseGender(f[1]);
            if (f[2] is "given" or "either") takesGiven.Add(f[0]);
            if (f[2] is "surname" or "either") takesSurname.Add(f[0]);
        }
        TakesGivenName = takesGiven.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        TakesSurname = takesSurname.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Titles = titles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Peoples = WordList.Load("cast/peoples.txt", ignoreCase: true);
        NotNames = WordList.Load("cast/not-names.txt", ignoreCase: true).Union(Peoples).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        PlaceWords = WordList.Load("cast/place-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        PlacePrepositions = WordList.Load("cast/place-prepositions.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        SpeechVerbs = WordList.Load("dialogue/speech-verbs.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        PersonNouns = WordList.Load("cast/person-nouns.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        DescribedNouns = WordList.Load("cast/described-nouns.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        var kinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (noun, kind) in Pairs("cast/described-kinds.txt")) kinds[noun] = string.Intern(kind);
        DescribedKinds = kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        StrangerNouns = WordList.Load("cast/stranger-nouns.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        SomeoneWords = WordList.Load("cast/someone-words.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        NoIntroduction = WordList.Load("cast/no-introduction.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        OrdinalModifiers = WordList.Load("cast/ordinal-modifiers.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        ContrastModifiers = WordList.Load("cast/contrast-modifiers.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();
        var relations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("world/relation-words.txt")) relations.Add(line.Split('\t')[0]);
        RelationNouns = relations.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        SubjectVerbs = WordList.Load("cast/subject-verbs.txt").GetAlternateLookup<ReadOnlySpan<char>>();

        var names = new Dictionary<string, Gender>(StringComparer.Ordinal);
        foreach (var (name, g) in Pairs("cast/first-names.txt"))
            names[name] = g switch { "f" => Gender.Female, "m" => Gender.Male, _ => Gender.Unknown };
        FirstNames = names.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        var pronouns = new Dictionary<string, Pronoun>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("cast/pronouns.txt"))
        {
            var f = line.Split('\t');
            // PERF: the set's name interned, the same string as the literals ("he/him") the stages compare it with:
            // equal sets compare by reference.
            pronouns[f[0]] = new Pronoun(string.Intern(f[1]), Enum.Parse<PronounCase>(f[2].Replace("-", ""), ignoreCase: true));
        }
        Pronouns = pronouns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        var formal = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, nicks) in Pairs("cast/nicknames.txt"))
            foreach (var nick in nicks.Split(','))
                (formal.TryGetValue(nick, out var list) ? list : formal[nick] = []).Add(name);
        FormalNames = formal.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static IEnumerable<(string, string)> Pairs(string file)
    {
        foreach (var line in WordList.Lines(file))
        {
            int tab = line.IndexOf('\t');
            if (tab > 0) yield return (line[..tab].Trim(), line[(tab + 1)..].Trim());
        }
    }

    private static Gender ParseGender(string g) => g switch { "m" => Gender.Male, "f" => Gender.Female, _ => Gender.Unknown };

    /// <summary>The title a word is ("Mrs", "Mrs.", "MRS."), with the gender it implies.</summary>
    public bool IsTitle(ReadOnlySpan<char> word, out Gender gender)
    {
        if (word.Length > 1 && word[^1] == '.') word = word[..^1];
        return Titles.TryGetValue(word, out gender);
    }
}

public enum PronounCase : byte { Subject, Object, Possessive, PossessivePronoun, Reflexive }

/// <summary>A third-person pronoun: the set it belongs to ("she/her") and its case.</summary>
public readonly record struct Pronoun(string Set, PronounCase Case)
{
    public Gender Gender => Set switch { "he/him" => Gender.Male, "she/her" => Gender.Female, _ => Gender.Neutral };
}
