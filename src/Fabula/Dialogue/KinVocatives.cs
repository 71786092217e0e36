using System.Collections.Frozen;
using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// Calls of kinship inside a quotation, set off as a name is ("I cannot agree with you, papa;",
/// "Look behind you, aunt!"; Data/dialogue/kin-vocatives.txt). The one called is the speaker's
/// parent, aunt or uncle, or grandparent: a character titled with the word ("Aunt Polly"), else the
/// married head of the speaker's family (<see cref="Households"/>: "papa" of Emma Woodhouse is Mr.
/// Woodhouse), else, in the scene, the narrator's kin of that kind ("my mother"), else the one character of the word's
/// gender who shares the speaker's surname. So a
/// line calling "papa" is said to the father, and, when no tag says who speaks, by a present person
/// whose father the cast knows. Built once per story.
/// </summary>
internal sealed class KinVocatives
{
    private enum Kin : byte { Parent, Relative, Grandparent }

    private readonly record struct Word(string Set, Kin Kin, string Title);

    private static readonly FrozenDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Words = Load();

    private static readonly System.Buffers.SearchValues<char> Initials = InitialsOf(Words.Dictionary.Keys);

    private static readonly System.Buffers.SearchValues<char> AfterCall = System.Buffers.SearchValues.Create(",!?.;—–-\"“”'‘’»");

    private readonly StoryText _text;
    private readonly SpanLayer<Mention> _mentions;
    private readonly SpanLayer<Quotation> _quotes;
    private readonly CastList _cast;
    private readonly Households _households;

    // The characters of a pronoun set with a surname ("Linden", "he/him").
    private readonly Dictionary<(string Surname, string Set), List<int>> _bySurname = [];

    // The one character whose name opens with a kinship title ("Aunt Polly"), by the title in small letters; -1 where two do.
    private readonly Dictionary<string, int> _byTitle = new(StringComparer.Ordinal);

    // A first-person narrator's kin the cast knows only so ("my mother", "my uncle"), by the kind and pronoun set of the word
    // ("mamma": a parent, she/her); -1 where two are of one kind.
    private readonly Dictionary<(Kin, string), int> _narratorKin = [];

    public KinVocatives(StoryText text, SpanLayer<Mention> mentions, SpanLayer<Quotation> quotes, CastList cast, Households households)
    {
        (_text, _mentions, _quotes, _cast, _households) = (text, mentions, quotes, cast, households);
        for (int c = 0; c < cast.Count; c++)
        {
            var name = cast[c].Name;
            int space = name.IndexOf(' ');
            if (space < 0) continue;
            var title = name[..space].ToLowerInvariant();
            if (cast[c].Described && title is "my" or "our" && Words.Dictionary.TryGetValue(name[(space + 1)..], out var kinWord))
                _narratorKin[(kinWord.Kin, kinWord.Set)] = _narratorKin.ContainsKey((kinWord.Kin, kinWord.Set)) ? -1 : c;
            if (Words.Dictionary.TryGetValue(title, out var w) && w.Kin == Kin.Relative)
                _byTitle[title] = _byTitle.ContainsKey(title) ? -1 : c;
            if (cast[c].Pronouns is not { } set || IsChildTitle(title)) continue;
            var key = (name[(name.LastIndexOf(' ') + 1)..], set);
            if (!_bySurname.TryGetValue(key, out var family)) _bySurname[key] = family = [];
            family.Add(c);
        }
    }

    // "Miss Woodhouse", "Master Tom": a daughter or a son, no one's parent.
    private static bool IsChildTitle(string title) => title is "miss" or "master";

    /// <summary>
    /// The start of the first kinship word <paramref name="quotation"/> calls someone by, or -1. A
    /// line that is only the word ("Mother.") answers a question and calls no one.
    /// </summary>
    public int Find(TextSpan quotation)
    {
        var chars = _text.AsSpan();
        int lo = quotation.Start, end = quotation.End;
        // PERF: a called word is followed by a comma, a sentence end, a dash or the closing mark: the
        // vectorised search stops at those (far rarer than letters), and only the word before is read.
        for (int i = lo; i < end;)
        {
            int found = chars[i..end].IndexOfAny(AfterCall);
            if (found < 0) break;
            int stop = i + found;
            i = stop + 1;
            int wordEnd = stop;
            while (wordEnd > lo && chars[wordEnd - 1] == ' ') wordEnd--;
            int start = wordEnd;
            while (start > lo && char.IsLetter(chars[start - 1])) start--;
            int length = wordEnd - start;
            if (length < 2 || length > 11 || !Initials.Contains(chars[start]) || !Words.TryGetValue(chars[start..wordEnd], out _)) continue;
            // "ma'am" is no "ma"; "-" only as a dash ("--").
            if (chars[stop] is '\'' or '’' && stop + 1 < end && char.IsLetter(chars[stop + 1])) continue;
            if (start > lo && (chars[start - 1] is '\'' or '’' or '-') && start > lo + 1 && char.IsLetter(chars[start - 2])) continue; // "grand-pa", "o'ma"
            if (chars[stop] == '-' && (stop + 1 >= end || chars[stop + 1] != '-')) continue;
            // "Oh, mother", "O father", "dear papa" (not "my mother", "his father": no call).
            if (VocativeReader.IsSetOffBefore(chars, lo, start, myCalls: false, hyphenSetsOff: true) && !IsWholeLine(chars, quotation, start, wordEnd))
                return start;
        }
        return -1;
    }

    /// <summary>
    /// The character the kinship word at <paramref name="at"/> calls when <paramref name="speaker"/>
    /// says it (-1: unknown speaker; then only a titled character: "aunt" is Aunt Polly, or the first-person narrator's kin the
    /// cast knows only so: "mamma" is "my mother" when she is in the scene), or -1. A
    /// relative found by family name must be in the scene (among the <paramref name="present"/> people,
    /// or named soon after): "pop" said by a boy whose mother has married again is not his father who died long ago.
    /// </summary>
    public int Called(int at, int speaker, ReadOnlySpan<int> present)
    {
        var chars = _text.AsSpan();
        int end = at;
        while (end < chars.Length && char.IsLetter(chars[end])) end++;
        if (!Words.TryGetValue(chars[at..end], out var word)) return -1;
        int called = word.Kin == Kin.Relative && _byTitle.TryGetValue(word.Title, out int titled) ? titled : -1;
        if (called >= 0) return called == speaker ? -1 : called;
        if (speaker >= 0 && word.Kin == Kin.Parent)
            called = _households.Head(_cast, speaker, word.Set == "he/him" ? "father" : "mother");
        if (called >= 0) return called == speaker || !IsPresent(called, present, at) ? -1 : called;
        // "But isn't it strange, mamma?" in a story told by one of the family: the narrator's mother, when she is in the scene.
        if (_narratorKin.TryGetValue((word.Kin, word.Set), out int kin) && kin >= 0 && kin != speaker && IsPresent(kin, present, at)) return kin;
        if (speaker < 0) return -1;
        var name = _cast[speaker].Name;
        int space = name.LastIndexOf(' ');
        if (space < 0 || !_bySurname.TryGetValue((name[(space + 1)..], word.Set), out var family)) return -1;
        // The one of the family in the scene: "uncle" said by Florence Linden is John Linden, not a Linden of
        // another chapter; of two, the one named last before the line, else the one named first after it.
        int nearest = int.MaxValue;
        foreach (int c in family)
        {
            if (c == speaker) continue;
            int distance = present.IndexOf(c);
            if (distance < 0 && NamedAfter(c, at) is var after and >= 0) distance = present.Length + after;
            if (distance >= 0 && distance < nearest) (called, nearest) = (c, distance);
        }
        return called;
    }

    /// <summary>
    /// The latest of the first few <paramref name="present"/> people whose father (mother) the parent word at
    /// <paramref name="at"/> names as the married head of their family, that head being in the scene; else -1.
    /// Only a parent: an uncle or aunt found by surname alone is too weak a guess at who speaks.
    /// </summary>
    public int ChildCalling(int at, ReadOnlySpan<int> present)
    {
        var chars = _text.AsSpan();
        int end = at;
        while (end < chars.Length && char.IsLetter(chars[end])) end++;
        if (!Words.TryGetValue(chars[at..end], out var word) || word.Kin != Kin.Parent) return -1;
        for (int i = 0; i < present.Length && i < 4; i++)
            if (_households.Head(_cast, present[i], word.Set == "he/him" ? "father" : "mother") is var head and >= 0
                && head != present[i] && IsPresent(head, present, at))
                return present[i];
        return -1;
    }

    // In the scene: among the people present before the line, or named in the narration soon after it.
    private bool IsPresent(int character, ReadOnlySpan<int> present, int at) => present.Contains(character) || NamedSoonAfter(character, at);

    // How far after a line (in characters) a relative the narration names is still one of the scene ("John Linden paused sadly").
    private const int SoonAfter = 1500;

    private bool NamedSoonAfter(int character, int at) => NamedAfter(character, at) >= 0;

    // How far after a line the narration names a character (within SoonAfter), or -1.
    private int NamedAfter(int character, int at)
    {
        for (int m = _mentions.FirstStartingAtOrAfter(at); m < _mentions.Count && _mentions[m].Span.Start < at + SoonAfter; m++)
            if (_mentions[m].Kind == MentionKind.Name && _mentions[m].Character == character
                && _quotes.IndexAt(_mentions[m].Span.Start) < 0) // a name said in a line is no one present
                return _mentions[m].Span.Start - at;
        return -1;
    }

    private static bool IsWholeLine(ReadOnlySpan<char> chars, TextSpan quotation, int start, int end)
    {
        for (int i = quotation.Start; i < start; i++)
            if (char.IsLetterOrDigit(chars[i])) return false;
        for (int i = end; i < quotation.End; i++)
            if (char.IsLetterOrDigit(chars[i]) || chars[i] is '!' or '?' or ',') return false;
        return true;
    }

    private static System.Buffers.SearchValues<char> InitialsOf(IEnumerable<string> words)
    {
        var initials = new HashSet<char>();
        foreach (var w in words) { initials.Add(char.ToLowerInvariant(w[0])); initials.Add(char.ToUpperInvariant(w[0])); }
        return System.Buffers.SearchValues.Create([.. initials]);
    }

    private static FrozenDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Load()
    {
        var words = new Dictionary<string, Word>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in WordList.Lines("dialogue/kin-vocatives.txt"))
        {
            var f = line.Split('\t');
            if (f.Length < 3) continue;
            var kin = f[2] switch { "parent" => Kin.Parent, "grandparent" => Kin.Grandparent, _ => Kin.Relative };
            words[f[0]] = new Word(f[1] == "m" ? "he/him" : "she/her", kin, f[0].ToLowerInvariant());
        }
        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
