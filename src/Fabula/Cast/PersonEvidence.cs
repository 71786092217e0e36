namespace Fabula.Cast;

/// <summary>
/// Whether a name names a person, weighed over every use of it in the text. For: a title before it,
/// a speech verb beside it ("said Dickon", "Martha asked"), a vocative in dialogue ("Mary, look"),
/// a verb after it as its subject ("Powell packed") or ", who", a word for a person before it ("my friend
/// Blakeney"), the name given as one ("whose name was Blakeney"),
/// a known first name. Against: a place preposition before it ("in India"), "the" before it, a
/// place word in it ("Misselthwaite Manor").
/// </summary>
internal sealed class PersonEvidence
{
    public int Uses;
    public int Titled;
    /// <summary>Uses with a title that also begins the names of places ("St. Paul" beside "in St. Paul").</summary>
    public int PlaceTitled;
    public int SpeechVerb;
    public int Vocative;
    public int PlacePreposition;
    /// <summary>Followed by a verb as its subject ("Powell packed"), or by ", who".</summary>
    public int Subject, Who;
    public int Article;
    /// <summary>After a word for a person ("my friend Blakeney"), or given as a name ("whose name was Blakeney").</summary>
    public int Apposed, Named;
    public bool PlaceWord;
    public bool FirstName;
    /// <summary>The plural of a person's name after "the" ("the Ambersons").</summary>
    public bool Family;
    /// <summary>A full name that begins with a person's name and that nothing places ("Magnus Bane walked in" beside "said Magnus").</summary>
    public bool ExtendsPerson;

    /// <summary>Every use under a title that also begins places' names, and a place preposition before one ("in St. Paul").</summary>
    public bool IsPlaceTitled => PlacePreposition > 0 && PlaceTitled == Titled && Titled > 0;

    public bool IsPerson
    {
        get
        {
            if (PlaceWord && Titled == 0) return false;
            // "in St. Paul": a saint's title is no evidence of a person once a place preposition puts the name in a place.
            int titled = PlacePreposition > 0 ? Titled - PlaceTitled : Titled;
            int forPerson = 3 * titled + 2 * SpeechVerb + 2 * Vocative + (FirstName ? 2 : 0) + Subject + 2 * Who + 2 * Apposed + 2 * Named;
            int against = 2 * PlacePreposition + 2 * Article;
            return forPerson >= 2 && forPerson > against;
        }
    }

}
