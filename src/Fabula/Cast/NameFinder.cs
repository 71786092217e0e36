using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>A proper name in the text: its tokens, its title if any, and the name without the title.</summary>
internal readonly record struct NameMention(int FirstToken, int LastToken, int NameStart, TextSpan Span, Gender TitleGender, bool Titled, string Form);

/// <summary>
/// Finds the proper names of people. A capitalised word is a name word when the whole text backs it:
/// it is capitalised in mid-sentence and (almost) never written in lower case there, or it is a
/// known first name never written in lower case; closed-class words never are. A run of name words,
/// with a title before it, is a name. Whether the name is a person's is weighed over all its uses
/// (titles, speech verbs, vocatives, first names; against: place prepositions, "the", place words).
/// </summary>
internal static class NameFinder
{
    /// <summary>
    /// Per distinct word: uses in lower case, capitalised mid-sentence, capitalised where every word is, where
    /// names stand, and capitalised where only a person stands: after a title or beside a speech verb
    /// ("Captain Good", "said Rose"), of which vocatives in speech ("Come, Rose, ...") are a part.
    /// </summary>
    private sealed class WordCounts(int types)
    {
        public readonly int[] Lower = new int[types], CapitalMid = new int[types], CapitalInitial = new int[types], NameLike = new int[types];
        public readonly int[] Addressed = new int[types], Vocative = new int[types], BeforeName = new int[types];
    }

    public static List<NameMention> Find(TokenView view, WordTypes types)
    {
        var tables = CastTables.Shared;
        var capitals = new List<int>();
        var counts = CountWords(view, types, capitals);
        CountBeforeNames(view, types, capitals, counts);
        var found = new List<NameMention>();
        var forms = new string?[types.Count];
        int n = view.Count;
        // "Buck Mulligan": pairs of a given name that is also a word and a name, seen mid-sentence; and the
        // sentence-initial pairs that may be the same (checked at the end, when all of the first are known).
        HashSet<(int, int)>? givenPairs = null;
        List<int>? initialPairs = null;
        int after = 0;
        // PERF: the capitalised words (listed while counting), not every token.
        foreach (int i in capitals)
        {
            if (i < after) continue;
            // "New York", "the Lord Chancellor": after a capitalised word that is no name, mid-sentence, a
            // capitalised word belongs to that other proper noun.
            if (i > 0 && view.IsWord(i - 1) && view.IsCapitalized(i - 1) && !view.Initial[i - 1]
                && view.SentenceOf[i - 1] == view.SentenceOf[i] && !types.Is(i - 1, WordFlags.Title))
                continue;
            int first = i, nameStart = i;
            bool titled = types.Is(i, WordFlags.Title)
                          && i + 1 < n && view.IsWord(i + 1) && view.IsCapitalized(i + 1) && !view.IsAllCaps(i + 1)
                          && !types.Is(i + 1, WordFlags.NotName);
            var titleGender = titled ? types.TitleGender[types.TypeOf[i]] : Gender.Unknown;
            if (titled) nameStart = i + 1;
            else if (!IsNameWord(view, i, types, counts, tables))
            {
                if (IsGivenNameOf(view, i, types, counts, tables)) (givenPairs ??= []).Add((types.TypeOf[i], types.TypeOf[i + 1]));
                else
                {
                    if (view.Initial[i] && i + 1 < n && view.IsWord(i + 1) && view.IsCapitalized(i + 1) && view.SentenceOf[i + 1] == view.SentenceOf[i]
                        && !types.Is(i, WordFlags.NotName))
                        (initialPairs ??= []).Add(i);
                    continue;
                }
            }
            int last = nameStart;
            // Further name words, initials ("J."), and particles between name words ("van", "de").
            while (last + 1 < n)
            {
                int next = last + 1;
                if (view.IsWord(next) && view.IsCapitalized(next) && view.SentenceOf[next] == view.SentenceOf[i]
                    && (titled && next == nameStart || IsNameWord(view, next, types, counts, tables) || IsInitial(view, next)))
                { last = next; continue; }
                // "Charles II": a regnal number makes another person of the name.
                if (IsRegnalNumber(view[next]) && view.SentenceOf[next] == view.SentenceOf[i]) { last = next; break; }
                if (next + 1 < n && IsParticle(view[next]) && view.IsCapitalized(next + 1) && IsNameWord(view, next + 1, types, counts, tables))
                { last = next + 1; continue; }
                break;
            }
            if (titled && last < nameStart) continue;
            var span = TextSpan.FromBounds(view.Tokens[first].Span.Start, view.Tokens[last].Span.End);
            var nameSpan = TextSpan.FromBounds(view.Tokens[nameStart].Span.Start, view.Tokens[last].Span.End);
            found.Add(new NameMention(first, last, nameStart, span, titled ? titleGender : Gender.Unknown, titled, FormOf(view, types, forms, nameStart, last)));
            after = last + 1;
        }
        if (givenPairs is not null && initialPairs is not null) AddInitialGivenNames(view, types, found, givenPairs, initialPairs, forms);
        return found;
    }

    // At the start of a sentence a pair written as a given name and a name mid-sentence ("plump Buck Mulligan")
    // is that name too ("Buck Mulligan peeped"), though "Buck" alone is not: it takes over the mention of
    // the name after it ("Mulligan ...").
    private static void AddInitialGivenNames(TokenView view, WordTypes types, List<NameMention> found, HashSet<(int, int)> givenPairs, List<int> initialPairs,
                                             string?[] forms)
    {
        int added = 0;
        foreach (int i in initialPairs)
        {
            if (!givenPairs.Contains((types.TypeOf[i], types.TypeOf[i + 1]))) continue;
            int at = IndexStartingAt(found, i + 1);
            int last = at >= 0 ? found[at].LastToken : i + 1;
            var mention = new NameMention(i, last, i, TextSpan.FromBounds(view.Tokens[i].Span.Start, view.Tokens[last].Span.End),
                Gender.Unknown, false, FormOf(view, types, forms, i, last));
            if (at >= 0) found[at] = mention;
            else { found.Add(mention); added++; }
        }
        if (added > 0) found.Sort(static (a, b) => a.FirstToken.CompareTo(b.FirstToken));
    }

    // The index of the mention whose first token is <paramref name="token"/>, or -1 (the list is sorted by first token).
    private static int IndexStartingAt(List<NameMention> found, int token)
    {
        int lo = 0, hi = found.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int first = found[mid].FirstToken;
            if (first == token) return mid;
            if (first < token) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>
    /// The name's words as written, one space between. PERF: a one-word form is kept per word type and
    /// reused while the text writes it the same way: one string per name, not one per mention (and the
    /// later passes' dictionaries of forms compare equal strings by reference).
    /// </summary>
    private static string FormOf(TokenView view, WordTypes types, string?[] forms, int from, int to)
    {
        if (from == to)
        {
            var word = view[from];
            int t = types.TypeOf[from];
            if (t < 0) return word.ToString();
            if (forms[t] is { } known && word.SequenceEqual(known)) return known;
            return forms[t] = word.ToString();
        }
        int length = to - from;
        for (int t = from; t <= to; t++) length += view.Tokens[t].Span.Length;
        Span<char> buffer = length <= 256 ? stackalloc char[256] : new char[length];
        int at = 0;
        for (int t = from; t <= to; t++)
        {
            if (t > from) buffer[at++] = ' ';
            var word = view[t];
            word.CopyTo(buffer[at..]);
            at += word.Length;
        }
        return new string(buffer[..length]);
    }

    // "Buck Mulligan", "Will Turner": a known first name that is also a common word ("a young buck"), capitalised
    // before a name word of the same sentence, begins that name.
    private static bool IsGivenNameOf(TokenView view, int i, WordTypes types, WordCounts counts, CastTables tables)
    {
        int next = i + 1;
        // PERF: the array questions first, the first-name table's lookup last but one.
        return next < view.Count && !view.Initial[i] && !types.Is(i, WordFlags.NotName)
               && view.IsWord(next) && view.IsCapitalized(next) && view.SentenceOf[next] == view.SentenceOf[i]
               && !view.IsAllCaps(i) && tables.FirstNames.ContainsKey(view[i])
               && IsNameWord(view, next, types, counts, tables);
    }

    private static bool IsRegnalNumber(ReadOnlySpan<char> w)
    {
        if (w.Length < 2 || w.Length > 5) return false;
        foreach (char c in w)
            if (c is not ('I' or 'V' or 'X')) return false;
        return true;
    }

    private static bool IsInitial(TokenView view, int i)
    {
        var w = view[i];
        return w.Length == 2 && char.IsUpper(w[0]) && w[1] == '.';
    }

    private static bool IsParticle(ReadOnlySpan<char> w) =>
        w is "de" or "van" or "von" or "du" or "der" or "da" or "di" or "le" or "la" or "del" or "ten" or "ter";

    private static bool IsNameWord(TokenView view, int i, WordTypes types, WordCounts counts, CastTables tables)
    {
        var word = view[i];
        if (word.Length < 2 || view.IsAllCaps(i) || !char.IsLetter(word[0])) return false;
        // "Del-phin-iums": a word spelt out in syllables, not a double name ("Jean-Paul").
        int hyphen = word.IndexOf('-');
        if (hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1])) return false;
        int t = types.TypeOf[i];
        if (t < 0 || (types.Flags[t] & WordFlags.Title) != 0) return false;
        // "Irish murmured": a people's word is a nickname only where the text makes it one, as a common word's.
        if ((types.Flags[t] & WordFlags.NotName) != 0)
            return (types.Flags[t] & WordFlags.People) != 0 && IsWordName(types, t, counts) && StandsAsWordName(view, types, i);
        var c = (Lower: counts.Lower[t], CapitalMid: counts.CapitalMid[t], CapitalInitial: counts.CapitalInitial[t], NameLike: counts.NameLike[t]);
        int capitals = c.CapitalMid + c.CapitalInitial;
        // A word the text also writes in lower case mid-sentence is a common word ("Garden", "Will"), unless the
        // text gives its capitalised form a person's places ("said Rose", "Captain Good", "Shut up, Good!"): then
        // it is a name mid-sentence, and at a sentence start where a name's verb follows ("Rose was", not
        // "Rose from her chair", "Good morning").
        if (c.CapitalMid > 0)
            return c.Lower * 10 <= c.CapitalMid
                   || (IsWordName(types, t, counts) || IsNickname(types, t, counts, tables, word)) && StandsAsWordName(view, types, i);
        // Seen only where every word is capitalised: a name only if it is never written lower case and is
        // a known first name or stands where names stand (a possessive, a vocative, beside a speech verb).
        return c.Lower == 0 && capitals > 0 && (c.NameLike > 0 || tables.FirstNames.ContainsKey(word));
    }

    // "Rose", "Good": a common word whose capitalised form the text twice puts where only a person stands, once at
    // least beside a speech verb or after a title (a vocative alone may be an exclamation: "Oh, Heavens!"), in
    // one of ten of its capitalised uses mid-sentence at least. Words for people ("Mother", "Doctor") are
    // described people, not names.
    private static bool IsWordName(WordTypes types, int t, WordCounts counts) =>
        counts.Addressed[t] >= 2 && counts.Addressed[t] > counts.Vocative[t] && counts.Addressed[t] * 10 >= counts.CapitalMid[t]
        && (types.Flags[t] & WordFlags.PersonNoun) == 0 && (types.Flags[t] & (WordFlags.NotName | WordFlags.People)) != WordFlags.NotName;

    // "Snake Anson", "said Snake", "That you, Snake?": a word for a kind of person ("you snake") is a nickname
    // where its capitalised form twice stands mid-sentence right before a name word, and twice where only a
    // person stands. Titles and kin words ("Uncle", "Mother") stay described people.
    private static bool IsNickname(WordTypes types, int t, WordCounts counts, CastTables tables, ReadOnlySpan<char> word) =>
        counts.BeforeName[t] >= 2 && counts.Addressed[t] >= 2 && counts.Addressed[t] * 10 >= counts.CapitalMid[t]
        && (types.Flags[t] & WordFlags.PersonNoun) != 0 && (types.Flags[t] & (WordFlags.NotName | WordFlags.Title)) == 0
        && !tables.RelationNouns.Contains(word);

    // Where a word-name names: mid-sentence, unless a determiner makes it the word ("an Irish cook", "the Good
    // Shepherd"); at a sentence start, before a name's verb only.
    private static bool StandsAsWordName(TokenView view, WordTypes types, int i) =>
        view.Initial[i] ? StandsLikeASubject(view, types, i) : !types.Is(i - 1, WordFlags.Determiner);

    // "Rose was", "Rose said", "Good, who ...": a name's verb (or its possessive) after a sentence's first word.
    private static bool StandsLikeASubject(TokenView view, WordTypes types, int i)
    {
        int next = i + 1;
        if (next >= view.Count) return false;
        if (view.IsWord(next))
            return view[next] is "'s" or "’s" || types.Is(next, WordFlags.SpeechVerb) || types.Is(next, WordFlags.SubjectVerb)
                   || view[next] is { Length: > 3 } w && char.IsLower(w[0]) && w.EndsWith("ed");
        return view.Is(next, ',') && next + 1 < view.Count && view[next + 1] is "who";
    }

    // "said Rose", "Rose said", "Captain Good", "Come, Rose, ...": where a capitalised word stands for a person.
    private static bool IsAddressed(TokenView view, WordTypes types, int i)
    {
        int next = i + 1, before = i - 1;
        bool sameSentenceBefore = before >= 0 && view.SentenceOf[before] == view.SentenceOf[i];
        if (sameSentenceBefore && (types.Is(before, WordFlags.SpeechVerb) || types.Is(before, WordFlags.Title))) return true;
        if (next < view.Count && types.Is(next, WordFlags.SpeechVerb)) return true;
        return IsVocative(view, i);
    }

    // ", Rose," ", Good!": between commas (or a comma and an end mark) inside speech.
    private static bool IsVocative(TokenView view, int i) =>
        view.QuotationOf[i] >= 0 && view.Is(i - 1, ',') && (view.Is(i + 1, ',') || view.Is(i + 1, '!') || view.Is(i + 1, '?'));

    // "Magnus's", "Magnus said", "said Magnus": places where a capitalised word is a name.
    private static bool StandsLikeAName(TokenView view, WordTypes types, int i)
    {
        int next = i + 1;
        if (next < view.Count && view.IsWord(next) && (view[next] is "'s" or "’s" || types.Is(next, WordFlags.SpeechVerb))) return true;
        // Not a vocative position: interjections stand there too ("Humph, ...").
        return i > 0 && types.Is(i - 1, WordFlags.SpeechVerb);
    }

    // "was Snake Anson": a capitalised word mid-sentence right before a word the text only ever capitalises.
    private static void CountBeforeNames(TokenView view, WordTypes types, List<int> capitals, WordCounts counts)
    {
        foreach (int i in capitals)
        {
            int next = i + 1, t = types.TypeOf[i];
            if (t < 0 || view.Initial[i] || next >= view.Count || view.SentenceOf[next] != view.SentenceOf[i]
                || !view.IsWord(next) || !view.IsCapitalized(next) || view.IsAllCaps(next)) continue;
            int u = types.TypeOf[next];
            if (u >= 0 && u != t && counts.Lower[u] == 0 && counts.CapitalMid[u] > 0
                && (types.Flags[u] & (WordFlags.NotName | WordFlags.Title)) == 0)
                counts.BeforeName[t]++;
        }
    }

    /// <summary>Counts each word's uses, and lists the capitalised words (a name's first word is one).</summary>
    private static WordCounts CountWords(TokenView view, WordTypes types, List<int> capitals)
    {
        var counts = new WordCounts(types.Count);
        var tokens = view.Tokens;
        var typeOf = types.TypeOf;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word || token.Span.Length == 0) continue;
            char first = view.Text[token.Span.Start];
            int t = typeOf[i];
            if (char.IsUpper(first))
            {
                capitals.Add(i);
                if (t < 0 || view.IsAllCaps(i)) continue;
                if (view.Initial[i]) counts.CapitalInitial[t]++;
                else counts.CapitalMid[t]++;
                if (StandsLikeAName(view, types, i)) counts.NameLike[t]++;
                if (IsAddressed(view, types, i))
                {
                    counts.Addressed[t]++;
                    if (IsVocative(view, i)) counts.Vocative[t]++;
                }
            }
            else if (t >= 0 && char.IsLetter(first)) counts.Lower[t]++;
        }
        return counts;
    }
}
