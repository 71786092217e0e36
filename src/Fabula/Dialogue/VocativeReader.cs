using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// Finds the person a quotation calls by name: a name set off by punctuation or the quotation's
/// marks ("Magnus, look at me", "Come here, Alec!", "My dear Mr. Bennet,"). The one called is
/// spoken to, so it is the addressee and not the speaker. A person the text only describes ("the parson",
/// <see cref="Character.Described"/>) is called by the description's noun: "And where do we live, now, parson?"
/// </summary>
internal sealed class VocativeReader(StoryText text, SpanLayer<Mention> mentions, CastList? cast = null)
{
    // How far before its first mention and after its last one a described person may still be called by its noun.
    private const int CalledBefore = 500, CalledAfter = 3000;

    private readonly Dictionary<string, List<(int Character, int From, int To)>>.AlternateLookup<ReadOnlySpan<char>> _described =
        DescribedNouns(cast).GetAlternateLookup<ReadOnlySpan<char>>();

    // Each described person's noun ("the old parson" -> "parson"; "the man with the basket" -> "man") and where it may be called so.
    private static Dictionary<string, List<(int, int, int)>> DescribedNouns(CastList? cast)
    {
        var found = new Dictionary<string, List<(int, int, int)>>(StringComparer.OrdinalIgnoreCase);
        if (cast is null) return found;
        for (int c = 0; c < cast.Count; c++)
        {
            if (!cast[c].Described) continue;
            var words = cast[c].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int end = 1;
            while (end < words.Length && !char.IsUpper(words[end][0]) && words[end] is not ("with" or "of" or "in" or "from" or "who" or "that" or "at" or "on")) end++;
            if (words.Length < 2 || words[0] != "the" || end < 2) continue;
            if (!found.TryGetValue(words[end - 1], out var people)) found[words[end - 1]] = people = [];
            people.Add((c, cast[c].FirstMention.Start - CalledBefore, cast[c].LastMention.End + CalledAfter));
        }
        return found;
    }

    /// <summary>
    /// The family name a quotation calls someone by, when it calls them by it alone ("Have a troche, Kronborg"), not by a
    /// given name or with a title ("Mr. Bennet," his wife may say); else null. Nobody calls one of their own family so.
    /// </summary>
    public string? CalledFamily(TextSpan quotation)
    {
        int m = CalledName(quotation, -1);
        if (m < 0 || cast is null) return null;
        var word = text[mentions[m].Span];
        // "Mr. Bennet," a wife may say; a surname alone is what no one of the family is called by.
        if (word.Contains(' ')) return null;
        // The word must be the last of a name of two words or more ("Peter Kronborg", "Mr. Kronborg"), not a given name said alone ("Alec").
        string name = cast[mentions[m].Character].Name;
        int last = name.LastIndexOf(' ');
        return last > 0 && word.SequenceEqual(name.AsSpan(last + 1)) ? word.ToString() : null;
    }

    /// <summary>The character first called by name inside <paramref name="quotation"/> other than <paramref name="speaker"/>, or -1.</summary>
    public int Find(TextSpan quotation, int speaker)
    {
        int m = CalledName(quotation, speaker);
        if (m >= 0) return mentions[m].Character;
        return _described.Dictionary.Count == 0 ? -1 : FindDescribed(text.AsSpan(), quotation, speaker);
    }

    // The first name mention inside the quotation, of someone other than the speaker, set off as a vocative; -1 for none.
    private int CalledName(TextSpan quotation, int speaker)
    {
        var chars = text.AsSpan();
        for (int m = mentions.FirstStartingAtOrAfter(quotation.Start); m < mentions.Count && mentions[m].Span.Start < quotation.End; m++)
        {
            var mention = mentions[m];
            if (mention.Kind != MentionKind.Name || mention.Character < 0 || mention.Character == speaker) continue;
            if (mention.Span.End > quotation.End) break;
            if ((IsSetOffBefore(chars, quotation.Start, mention.Span.Start) || TurnsTo(chars, quotation, mention.Span)) && IsSetOffAfter(chars, mention.Span.End, quotation.End)
                && !IsAnswer(chars, quotation, mention.Span))
                return m;
        }
        return -1;
    }

    // The described people the last quotation read calls by their noun, in order. PERF: a quotation's words are read
    // once, however many times the speaker stage asks about it.
    private int _readStart = -1;
    private readonly List<int> _calledByNoun = [];

    // Where some described person may be called (their ranges, merged, in text order).
    private List<(int From, int To)>? _ranges;

    private bool Covered(int at)
    {
        if (_ranges is null)
        {
            var all = new List<(int From, int To)>();
            foreach (var people in _described.Dictionary.Values)
                foreach (var (_, from, to) in people) all.Add((from, to));
            all.Sort();
            _ranges = [];
            foreach (var r in all)
                if (_ranges.Count > 0 && r.From <= _ranges[^1].To) _ranges[^1] = (_ranges[^1].From, Math.Max(_ranges[^1].To, r.To));
                else _ranges.Add(r);
        }
        int lo = 0, hi = _ranges.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_ranges[mid].To < at) lo = mid + 1;
            else if (_ranges[mid].From > at) hi = mid - 1;
            else return true;
        }
        return false;
    }

    // A described person present around the quotation whom it calls by the description's noun, set off as a name is.
    private int FindDescribed(ReadOnlySpan<char> chars, TextSpan quotation, int speaker)
    {
        if (quotation.Start != _readStart)
        {
            _readStart = quotation.Start;
            _calledByNoun.Clear();
            if (!Covered(quotation.Start)) return -1; // PERF: no described person about: no words to read
            for (int i = quotation.Start; i < quotation.End; i++)
            {
                if (!char.IsLetter(chars[i])) continue;
                int end = i;
                while (end < quotation.End && char.IsLetter(chars[end])) end++;
                // PERF: the punctuation after the word first, then the table: most words of a line are followed by another.
                if (IsSetOffAfter(chars, end, quotation.End) && _described.TryGetValue(chars[i..end], out var people))
                    foreach (var (character, from, to) in people)
                        if (quotation.Start >= from && quotation.Start <= to && IsSetOffBefore(chars, quotation.Start, i, myCalls: false))
                            _calledByNoun.Add(character);
                i = end;
            }
        }
        foreach (int character in _calledByNoun)
            if (character != speaker) return character;
        return -1;
    }

    // Before the name: the opening mark, a comma, a sentence end, a dash, or "dear", "oh", "O" and (when
    // <paramref name="myCalls"/>) "my" where "my" is itself set off so. A hyphen sets off a kinship word ("--papa") but joins a name to a word.
    internal static bool IsSetOffBefore(ReadOnlySpan<char> chars, int lo, int at, bool myCalls = true, bool hyphenSetsOff = false)
    {
        int i = at;
        while (i > lo && char.IsWhiteSpace(chars[i - 1])) i--;
        if (i == lo) return true;
        char c = chars[i - 1];
        if (c is ',' or '!' or '?' or '.' or ';' or '—' or '–' || IsMark(c) || hyphenSetsOff && c == '-') return true;
        int end = i;
        while (i > lo && char.IsLetter(chars[i - 1])) i--;
        var word = chars[i..end];
        return word.Equals("dear", StringComparison.OrdinalIgnoreCase) || word.Equals("oh", StringComparison.OrdinalIgnoreCase)
               || word is "O" || myCalls && word.Equals("my", StringComparison.OrdinalIgnoreCase) && i > lo && !char.IsLetter(chars[i - 1])
               && IsSetOffBefore(chars, lo, i, myCalls: false); // "Oh, my Lord Warwick," calls him; "sent by my Lord Warwick," does not
    }

    // "--and Fergus, what have you been doing?": a joining word set off before the name, a comma after it, and "you" in the
    // rest of the sentence turn the line to the one named.
    private static bool TurnsTo(ReadOnlySpan<char> chars, TextSpan quotation, TextSpan name)
    {
        int i = name.Start;
        while (i > quotation.Start && chars[i - 1] == ' ') i--;
        int end = i;
        while (i > quotation.Start && char.IsLetter(chars[i - 1])) i--;
        var word = chars[i..end];
        if (!(word is "and" or "And" or "but" or "But" or "now" or "Now") || end == name.Start || !IsSetOffBefore(chars, quotation.Start, i, myCalls: false)) return false;
        int j = name.End;
        if (j >= quotation.End || chars[j] != ',') return false;
        for (j++; j < quotation.End && chars[j] is not ('.' or '!' or '?' or ';'); j++)
            if ((chars[j] is 'y' or 'Y') && j + 3 <= quotation.End && chars.Slice(j, 3).Equals("you", StringComparison.OrdinalIgnoreCase)
                && !char.IsLetter(chars[j - 1]) && (j + 3 == quotation.End || !char.IsLetter(chars[j + 3]) || chars[j + 3] is 'r'))
                return true;
        return false;
    }

    // After the name: a comma, a sentence end, a dash or the closing mark.
    private static bool IsSetOffAfter(ReadOnlySpan<char> chars, int at, int hi)
    {
        int i = at;
        while (i < hi && char.IsWhiteSpace(chars[i])) i++;
        if (i >= hi) return true;
        char c = chars[i];
        return c is ',' or '!' or '?' or '.' or ';' or '—' or '–' || IsMark(c);
    }

    // "What is his name?" / "Bingley.": a line that is nothing but a name and a full stop gives the name, it calls no one.
    private static bool IsAnswer(ReadOnlySpan<char> chars, TextSpan quotation, TextSpan name)
    {
        for (int i = quotation.Start; i < name.Start; i++)
            if (char.IsLetterOrDigit(chars[i])) return false;
        int stop = -1;
        for (int i = name.End; i < quotation.End; i++)
        {
            if (char.IsLetterOrDigit(chars[i])) return false;
            if (chars[i] == '.' && stop < 0) stop = i;
            if (chars[i] is '!' or '?' or ',') return false;
        }
        return stop >= 0;
    }

    internal static bool IsMark(char c) => c is '"' or '“' or '”' or '\'' or '‘' or '’' or '«' or '»';
}
