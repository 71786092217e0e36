namespace Fabula.Cast;

/// <summary>
/// Whether a name names a person, weighed over every use of it in the text. For: a title before it,
/// a speech verb beside it ("said Dickon", "Martha asked"), a vocative in dialogue ("Mary, look"),
/// a known first name. Against: a place preposition before it ("in India"), "the" before it, a
/// place word in it ("Misselthwaite Manor").
/// </summary>
internal sealed class PersonEvidence
{
    public int Uses;
    public int Titled;
    public int SpeechVerb;
    public int Vocative;
    public int PlacePreposition;
    public int Article;
    public bool PlaceWord;
    public bool FirstName;

    public bool IsPerson
    {
        get
        {
            if (PlaceWord && Titled == 0) return false;
            int forPerson = 3 * Titled + 2 * SpeechVerb + 2 * Vocative + (FirstName ? 2 : 0);
            int against = 2 * PlacePreposition + 2 * Article;
            return forPerson >= 2 && forPerson > against;
        }
    }

    public static bool IsPlacePreposition(ReadOnlySpan<char> word) => CastTables.Shared.PlacePrepositions.Contains(word);
}
