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

    /// <summary>How far back a sentence's subject is still the topic a pronoun tag refers to.</summary>
    private const int SubjectReach = 600;

    private readonly List<(int Character, int At)> _people = new(Capacity + 1);

    /// <summary>The first-person narrator where the line is (the cast's), or -1: the narration calls the narrator "I", so a tag's "he" or "she" is someone else.</summary>
    public int Teller { get; set; } = -1;

    // The people named at the start of a sentence (its subject, as a rule), most recent last.
    private readonly List<(int Character, int At)> _subjects = new(Capacity + 1);

    // For each character, where the cast last mentioned them (any mention, the cast's pronouns too) in the narration, the
    // narration mention before that, and in the lines; -1 for never. Grown on first use.
    private int[] _narrated = [], _narratedBefore = [], _heard = [];

    /// <summary>The cast mentions <paramref name="character"/> at <paramref name="at"/>, in the lines (<paramref name="inLines"/>) or the narration.</summary>
    public void Mentioned(int character, int at, bool inLines)
    {
        if (character >= _narrated.Length)
        {
            int size = Math.Max(character + 1, 2 * _narrated.Length);
            Grow(ref _narrated, size);
            Grow(ref _narratedBefore, size);
            Grow(ref _heard, size);
        }
        if (inLines) _heard[character] = at;
        else (_narratedBefore[character], _narrated[character]) = (_narrated[character], at);
    }

    private static void Grow(ref int[] a, int size)
    {
        int old = a.Length;
        Array.Resize(ref a, size);
        Array.Fill(a, -1, old, size - old);
    }

    /// <summary>
    /// Whether the narration has named <paramref name="character"/> lately and the cast's last mention of them before the
    /// pronoun at <paramref name="tag"/> is not in the lines: someone the narration shows, not someone talked about.
    /// </summary>
    public bool Shows(int character, int tag, int at) => IsPresent(character, at) && !LastHeard(character, tag);

    // Whether the cast's latest mention of a character before a tag (not the tag's own pronoun at <paramref name="tag"/>) is
    // in the lines: its choice of them for the tag's pronoun rests on someone talked about, not someone the narration shows.
    private bool LastHeard(int character, int tag)
    {
        if (character < 0 || character >= _narrated.Length) return false;
        int narrated = _narrated[character] == tag ? _narratedBefore[character] : _narrated[character];
        return _heard[character] > narrated;
    }

    // Everyone the narration has named (or a tag has made speak) so far.
    private bool[] _seen = [];

    /// <summary>Whether the narration has ever named <paramref name="character"/> so far, or a tag made them speak: someone in the story's scenes, not only talked of.</summary>
    public bool EverSeen(int character) => character >= 0 && character < _seen.Length && _seen[character];

    // Where each character last spoke (a line attributed to them), by character.
    private readonly Dictionary<int, int> _spoke = [];

    /// <summary>A line at <paramref name="at"/> is said by <paramref name="character"/>, who is present.</summary>
    public void Spoke(int character, int at)
    {
        _spoke[character] = at;
        Saw(character, at);
    }

    public void Saw(int character, int at, bool subject = false)
    {
        if (character >= _seen.Length) Array.Resize(ref _seen, Math.Max(character + 1, 2 * _seen.Length));
        _seen[character] = true;
        Move(_people, character, at);
        if (subject) Move(_subjects, character, at);
    }

    private static void Move(List<(int Character, int At)> people, int character, int at)
    {
        for (int i = 0; i < people.Count; i++)
            if (people[i].Character == character) { people.RemoveAt(i); break; }
        people.Add((character, at));
        if (people.Count > Capacity) people.RemoveAt(0);
    }

    /// <summary>
    /// The speaker a pronoun tag means (any person for an empty pronoun), of those whose pronouns fit and whom neither the
    /// line itself calls by name (<paramref name="called"/>) nor the tag addresses (<paramref name="addressee"/>: "said he
    /// to Temple"): the last speaker when the tag continues their speech (<paramref name="continued"/>: "he added");
    /// else the subject of a sentence since the line before in the same turn; else that line's speaker (<paramref name="turnSpeaker"/>, said
    /// at <paramref name="turnStart"/>: "'Are you American?' asked Randolph. And then, on Winterbourne's nod, '...,' he declared");
    /// else the subject of a sentence of this very paragraph; else the one the previous line called by name
    /// (<paramref name="calledBefore"/>); else the subject of a sentence of the narration just before; else the cast
    /// stage's choice when the narration has named them lately, they did not speak the turn before, the cast's last
    /// mention of them before the <paramref name="tag"/> is not in the lines (one talked about is not the one talking), and
    /// no other fitting person has spoken since the narration last named them; else the most
    /// recent present person; else the cast stage's choice, even the last speaker (unless the tag <paramref name="replies"/>:
    /// "he replied" after one man's line is the other man, however long unnamed).
    /// </summary>
    public int Choose(CastList cast, ReadOnlySpan<char> pronoun, int resolved, int previousSpeaker, int calledBefore, int called, int at,
        int paragraphStart = int.MaxValue, int addressee = -1, int continued = -1, bool replies = false, int tag = -1, string? calledFamily = null,
        int turnSpeaker = -1, int turnStart = int.MaxValue)
    {
        string? set = null;
        if (!pronoun.IsEmpty && !DialogueWords.SetOf.TryGetValue(pronoun, out set)) return resolved;
        bool May(int c) => c >= 0 && c != called && c != addressee && (set is null || cast[c].Pronouns == set && c != Teller)
                           && (calledFamily is null || !OfFamily(cast[c].Name, calledFamily));
        bool Fits(int c) => May(c) && c != previousSpeaker;
        // "he added", "she went on": whoever spoke last goes on speaking, whatever narration came between.
        if (May(continued)) return continued;
        // Later in a turn, one named as a subject since its line before speaks; else that line's speaker goes on ("'Are you
        // American?' asked Randolph. And then, on Winterbourne's nod, 'American men are the best,' he declared").
        for (int i = _subjects.Count - 1; i >= 0 && _subjects[i].At >= turnStart; i--)
            if (May(_subjects[i].Character)) return _subjects[i].Character;
        if (May(turnSpeaker)) return turnSpeaker;
        // The subject of this very paragraph speaks, even again ("Lord Henry laughed. 'And what is that?' he asked."),
        // whoever the line before called by name.
        for (int i = _subjects.Count - 1; i >= 0 && _subjects[i].At >= paragraphStart; i--)
            if (May(_subjects[i].Character)) return _subjects[i].Character;
        // The one the previous line called by name answers ("Can you hear it, Miss Quill?" / "Every night," she said).
        if (Fits(calledBefore)) return calledBefore;
        // The subject of the narration nearby is whom a tag's pronoun is about ("Buck Mulligan
        // peeped under the mirror. —Back to barracks! he said."), before a nearer name in another role.
        for (int i = _subjects.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _subjects[i];
            if (seen < at - SubjectReach) break;
            if (Fits(c)) return c;
        }
        bool heard = LastHeard(resolved, tag);
        // The cast's choice the line itself rules out: the one it calls, the tag's addressee, one of the family it calls by name.
        bool barred = resolved >= 0 && (resolved == called || resolved == addressee || calledFamily is not null && OfFamily(cast[resolved].Name, calledFamily));
        // "She said" in an exchange goes on with the woman who spoke last, when the cast's choice has not been seen since.
        if (Fits(resolved))
            for (int i = _people.Count - 1; i >= 0; i--)
            {
                var (c, seen) = _people[i];
                if (seen < at - Reach || c == resolved) break;
                if (Fits(c)) { if (_spoke.GetValueOrDefault(c, -1) == seen) return c; break; }
            }
        if (Fits(resolved) && IsPresent(resolved, at) && !heard) return resolved;
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _people[i];
            if (seen < at - Reach) break;
            // Someone long unnamed is a weaker guess than the cast's own choice, even if that one spoke last;
            // but not than a choice the narration never named lately, or last heard of in the lines (a name said only in the lines: "Bingley").
            if (Fits(c) && (seen >= at - SubjectReach || resolved < 0 || barred || !IsPresent(resolved, at) || heard || replies && resolved == previousSpeaker)) return c;
        }
        return barred ? -1 : resolved;
    }

    // "Have a troche, Kronborg," he said: no Kronborg calls another one so.
    private static bool OfFamily(string name, string family) =>
        name.EndsWith(family, StringComparison.Ordinal) && (name.Length == family.Length || name[name.Length - family.Length - 1] == ' ');

    // Whether the narration has named a person lately (a name said only in the lines is no one present).
    private bool IsPresent(int character, int at)
    {
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            if (_people[i].At < at - Reach) break;
            if (_people[i].Character == character) return true;
        }
        return false;
    }

    /// <summary>The most recent present person with the pronoun set <paramref name="set"/> ("she/her"), or -1.</summary>
    public int Latest(CastList cast, string set, int at)
    {
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _people[i];
            if (seen < at - Reach) break;
            if (cast[c].Pronouns == set && c != Teller) return c;
        }
        return -1;
    }

    /// <summary>
    /// The most recent present person other than <paramref name="previousSpeaker"/> and <paramref name="called"/>
    /// whose name begins with the title <paramref name="noun"/> names ("doctor": "Dr. Archie", "captain":
    /// "Capt. Good"), or -1; the titles of everyone (Mr., Mrs., Miss, Master) name no one.
    /// </summary>
    public int LatestTitled(CastList cast, ReadOnlySpan<char> noun, int previousSpeaker, int called, int at)
    {
        if (!Cast.CastTables.Shared.IsTitle(noun, out _) || IsCommonTitle(noun)) return -1;
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _people[i];
            if (seen < at - Reach) break;
            if (c == previousSpeaker || c == called) continue;
            if (Titled(cast[c].Name, noun)) return c;
            // "Dr. Archie" may be a name the cast keeps as an alias of "Howard Archie".
            foreach (var alias in cast[c].Aliases)
                if (Titled(alias.Text, noun)) return c;
        }
        return -1;
    }

    private static bool Titled(string name, ReadOnlySpan<char> noun)
    {
        int space = name.IndexOf(' ');
        return space > 0 && SameTitle(name.AsSpan(0, space).TrimEnd('.'), noun);
    }

    /// <summary>
    /// "The doctor shut the door": a description that is "the" and a title (not Mr. or Mrs.) names the present
    /// person so titled, who counts as named there (a subject when <paramref name="subject"/>), as a name would.
    /// </summary>
    public void SawTitled(CastList cast, ReadOnlySpan<char> description, int at, bool subject)
    {
        if (description.Length < 5 || !description[..4].Equals("the ", StringComparison.OrdinalIgnoreCase)) return;
        var noun = description[4..];
        if (noun.Contains(' ') || noun.Contains('\n')) return;
        int c = LatestTitled(cast, noun, -1, -1, at);
        if (c >= 0) Saw(c, at, subject);
    }

    private static bool IsCommonTitle(ReadOnlySpan<char> w) =>
        w.Equals("mr", StringComparison.OrdinalIgnoreCase) || w.Equals("mrs", StringComparison.OrdinalIgnoreCase)
        || w.Equals("miss", StringComparison.OrdinalIgnoreCase) || w.Equals("ms", StringComparison.OrdinalIgnoreCase)
        || w.Equals("master", StringComparison.OrdinalIgnoreCase) || w.Equals("mistress", StringComparison.OrdinalIgnoreCase)
        || w.Equals("mister", StringComparison.OrdinalIgnoreCase) || w.Equals("missus", StringComparison.OrdinalIgnoreCase);

    // "Dr" and "doctor", "Capt" and "captain": one title, abbreviated or not.
    private static bool SameTitle(ReadOnlySpan<char> title, ReadOnlySpan<char> noun) =>
        title.Equals(noun, StringComparison.OrdinalIgnoreCase) || Full(title).Equals(Full(noun), StringComparison.OrdinalIgnoreCase);

    private static ReadOnlySpan<char> Full(ReadOnlySpan<char> t) =>
        t.Equals("dr", StringComparison.OrdinalIgnoreCase) ? "doctor"
        : t.Equals("capt", StringComparison.OrdinalIgnoreCase) ? "captain"
        : t.Equals("col", StringComparison.OrdinalIgnoreCase) ? "colonel"
        : t.Equals("gen", StringComparison.OrdinalIgnoreCase) ? "general"
        : t.Equals("prof", StringComparison.OrdinalIgnoreCase) ? "professor"
        : t.Equals("rev", StringComparison.OrdinalIgnoreCase) || t.Equals("revd", StringComparison.OrdinalIgnoreCase) ? "reverend"
        : t.Equals("lt", StringComparison.OrdinalIgnoreCase) ? "lieutenant"
        : t.Equals("sgt", StringComparison.OrdinalIgnoreCase) ? "sergeant"
        : t.Equals("maj", StringComparison.OrdinalIgnoreCase) ? "major"
        : t.Equals("cpl", StringComparison.OrdinalIgnoreCase) ? "corporal"
        : t.Equals("adm", StringComparison.OrdinalIgnoreCase) ? "admiral"
        : t;

    /// <summary>The people still present at <paramref name="at"/>, the latest first.</summary>
    public int[] PresentPeople(int at)
    {
        int count = 0;
        while (count < _people.Count && _people[^(count + 1)].At >= at - Reach) count++;
        var present = new int[count];
        for (int i = 0; i < count; i++) present[i] = _people[^(i + 1)].Character;
        return present;
    }

    /// <summary>The most recent present person other than <paramref name="speaker"/>, or -1.</summary>
    public int Other(int speaker, int at)
    {
        for (int i = _people.Count - 1; i >= 0; i--)
        {
            var (c, seen) = _people[i];
            if (seen < at - Reach) break;
            if (c != speaker) return c;
        }
        return -1;
    }
}
