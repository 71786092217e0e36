using Fabula.Text;

namespace Fabula.Cast;

public enum Gender : byte { Unknown, Male, Female, Neutral }

public enum Importance : byte { Minor, Secondary, Main }

/// <summary>One way the text names a character, and how often it does.</summary>
public sealed record Alias(string Text, int Count);

/// <summary>A person of the story: every name it goes by, the pronouns the text uses for it, its mentions.</summary>
public sealed class Character(int index)
{
    /// <summary>Position in the cast list; mentions refer to characters by it.</summary>
    public int Index { get; private set; } = index;
    internal void Renumber(int newIndex) => Index = newIndex;
    public string Id => "c" + Index;

    /// <summary>The fullest common form of the name ("Mary Lennox", "Mrs. Medlock").</summary>
    public string Name { get; internal set; } = "";
    public List<Alias> Aliases { get; } = [];

    /// <summary>The pronoun set the text uses ("she/her"), or null when unknown.</summary>
    public string? Pronouns { get; internal set; }
    public Dictionary<string, int> PronounCounts { get; } = [];
    public int NameMentions { get; internal set; }
    public int MentionCount { get; internal set; }
    public TextSpan FirstMention { get; internal set; }
    public TextSpan LastMention { get; internal set; }
    public Importance Importance { get; internal set; }
    /// <summary>Someone the text never names, only describes ("the man"): <see cref="Name"/> is the description.</summary>
    public bool Described { get; internal set; }

    /// <summary>
    /// The first-person narrator of the story (see <see cref="NarratorFinder"/>): a named character the
    /// text shows the narrator to be, or one with no name ("the narrator") whose mentions are the "I"s
    /// of the narration; also the teller of a stretch the book's narrator hands over (<see cref="CastList.Stretches"/>).
    /// </summary>
    public bool Narrator { get; internal set; }

    /// <summary>Gender implied before the pronouns are counted: a title ("Mrs.") or a first name, a weak default.</summary>
    internal Gender Prior { get; set; }
    /// <summary>The prior comes from a title ("Mrs. Pontellier"): the text's he or she does not override it, as it may a first name's.</summary>
    internal bool TitledPrior { get; set; }
    internal Gender Referential { get; set; }
    /// <summary>A family named in the plural ("the Lightwoods"): they/them, never merged with its members.</summary>
    internal bool Family { get; set; }

    public override string ToString() => Name;
}

/// <summary>
/// A stretch of the text (whole chapters) whose first-person narration another character tells than the book's narrator:
/// a frame's teller before the story is handed over, a diary inside letters.
/// </summary>
public readonly record struct NarratorStretch(TextSpan Span, Character Teller);

/// <summary>The characters of a story, most mentioned first.</summary>
public sealed class CastList(IReadOnlyList<Character> characters, Character? narrator = null, IReadOnlyList<NarratorStretch>? stretches = null)
{
    public IReadOnlyList<Character> Characters => characters;
    public int Count => characters.Count;
    public Character this[int index] => characters[index];

    /// <summary>
    /// The index of the book's first-person narrator, or -1 when the narration is not first-person (though stretches of it may
    /// be). Without <paramref name="stretches"/> given, the first character marked narrator.
    /// </summary>
    public int Narrator { get; } = stretches is null ? NarratorOf(characters) : narrator?.Index ?? -1;

    /// <summary>The stretches, in text order, whose "I" is another character than <see cref="Narrator"/>.</summary>
    public IReadOnlyList<NarratorStretch> Stretches { get; } = stretches ?? [];

    /// <summary>The index of the first-person narrator at a text offset: the teller of the stretch there, else <see cref="Narrator"/>.</summary>
    public int NarratorAt(int offset)
    {
        foreach (var stretch in Stretches)
            if (stretch.Span.Start <= offset && offset < stretch.Span.End) return stretch.Teller.Index;
        return Narrator;
    }

    private static int NarratorOf(IReadOnlyList<Character> characters)
    {
        for (int c = 0; c < characters.Count; c++)
            if (characters[c].Narrator) return c;
        return -1;
    }
}
