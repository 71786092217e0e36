using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// The first-person narrator of a story, when its narration (the text outside quotations) says "I":
/// the first-person singular words of the narration (I, me, my, myself, mine), whether they make the
/// narration first-person, and the character the text shows the narrator to be, if any.
/// <para>
/// Naming rests on how fiction shows who tells it: the others call the narrator by name in the lines
/// next to the narrator's own ("Pip, old chap," in the turn after "I said"), and in the lines the
/// narration says are said to the narrator ("I tell you, Edward," he would say to me). One name must
/// clearly lead (at least 3 calls and twice as many as the next name). Another name called nearly as
/// often (at least 2 calls and half the leader's) that, like the leader, the narration uses no more
/// than the others' lines do (a narrator is "I" in the narration, named in the others' words:
/// "Macumazahn" beside "Quatermain", "Edward" beside "Mr Overton") is the same narrator's, unless the
/// two names give different genders; the calls of all the narrator's names count together.
/// </para>
/// <para>
/// A book may hand its "I" over: a frame whose teller passes the story to another (letters, then a diary
/// read by their writer; a manuscript read aloud). The book's narrator is named by the calls of the whole
/// book; then each run of chapters in which that narrator is never called is a stretch of its own when one
/// other name clearly leads the calls there (see <see cref="Stretches"/>): that stretch's "I" is that
/// character. A book whose calls never lead elsewhere keeps one narrator for all its "I"s. A book told in the
/// third person may open with scenes told by an "I" (a collection's first stories): those have a narrator of
/// their own, with no name (see <see cref="FirstPersonScenes"/>). Linear: one pass over the tokens and two
/// over the name mentions.
/// </para>
/// </summary>
internal static class NarratorFinder
{
    /// <summary>
    /// The narration's first-person tokens, the characters that are the book's narrator (the first the main one), and the
    /// stretches another character tells, in text order.
    /// </summary>
    public readonly record struct Narration(List<int> FirstPerson, bool IsFirstPerson, List<int> Named, List<Stretch> Stretches);

    /// <summary>Tokens [<paramref name="FirstToken"/>, <paramref name="EndToken"/>) whose "I" is <paramref name="Teller"/>, not the book's narrator.</summary>
    public readonly record struct Stretch(int FirstToken, int EndToken, int Teller);

    /// <summary>
    /// A narration is first-person when it says "I" at least once for every four "he" or "she" subjects:
    /// a story told by a character says "I" of its teller more than of anyone else, while an author's
    /// aside ("I must tell the reader") in a third-person story is rarer by far.
    /// </summary>
    private const int ThirdPersonPerI = 4;

    // At least this many calls name the narrator, and twice as many as the next name; another name of the narrator needs this many.
    private const int MinCalls = 3, MinAliasCalls = 2;

    // A scene of a third-person story is told by an "I" of its own when it says "I" this often (and as often as above).
    private const int MinSceneSubjects = 20;

    public static Narration Find(TokenView view, WordTypes types, Story story, List<NameMention> names, int[] characterOf, List<Character> characters)
    {
        var firstPerson = new List<int>();
        int subjects = FirstPersonTokens(view, types, story, firstPerson);
        int thirdPerson = 0;
        foreach (int t in types.PronounTokens)
            if (view.QuotationOf[t] < 0 && types.Pronouns[types.TypeOf[t]] is { Case: PronounCase.Subject, Set: "he/him" or "she/her" }) thirdPerson++;
        bool isFirstPerson = subjects > 0 && subjects * ThirdPersonPerI >= thirdPerson;
        var named = new List<int>();
        var stretches = new List<Stretch>();
        if (isFirstPerson) Name(view, types, story, firstPerson, names, characterOf, characters, named, stretches);
        else if (subjects > 0 && story.Has<Scene>()) FirstPersonScenes(view, types, story.Layer<Scene>(), firstPerson, stretches);
        return new Narration(firstPerson, isFirstPerson, named, stretches);
    }

    /// <summary>
    /// In a story whose narration is not first-person as a whole, the opening scenes whose own narration is (see
    /// <see cref="ThirdPersonPerI"/>), each with at least <see cref="MinSceneSubjects"/> "I"s: a collection's first stories
    /// or a prologue told by an "I" before the narration turns to "he" and "she". Their teller is a narrator with no name
    /// (-1). A first-person scene later in the book (a letter, a tale told inside it) is its writer's, whom this cannot name.
    /// </summary>
    private static void FirstPersonScenes(TokenView view, WordTypes types, SpanLayer<Scene> scenes, List<int> firstPerson, List<Stretch> stretches)
    {
        int count = scenes.Count;
        var subjects = new int[count];
        var thirdPerson = new int[count];
        int k = 0;
        foreach (int t in firstPerson)
            if (view.Tokens[t].Span.Length == 1 && InScene(scenes, view.Tokens[t].Span.Start, ref k)) subjects[k]++;
        k = 0;
        foreach (int t in types.PronounTokens)
            if (view.QuotationOf[t] < 0 && types.Pronouns[types.TypeOf[t]] is { Case: PronounCase.Subject, Set: "he/him" or "she/her" }
                && InScene(scenes, view.Tokens[t].Span.Start, ref k)) thirdPerson[k]++;
        int last = -1;
        while (last + 1 < count && subjects[last + 1] >= MinSceneSubjects && subjects[last + 1] * ThirdPersonPerI >= thirdPerson[last + 1]) last++;
        if (last >= 0) stretches.Add(new Stretch(0, FirstTokenAt(view, scenes[last].Span.End), -1));
    }

    // Moves `scene` on to the last scene starting at or before a text offset (offsets come in text order); whether it holds the offset.
    private static bool InScene(SpanLayer<Scene> scenes, int offset, ref int scene)
    {
        while (scene + 1 < scenes.Count && scenes[scene + 1].Span.Start <= offset) scene++;
        return scenes.Count > 0 && scenes[scene].Span.Start <= offset && offset < scenes[scene].Span.End;
    }

    /// <summary>The first-person singular words outside quotations, in text order; returns how many are "I".</summary>
    private static int FirstPersonTokens(TokenView view, WordTypes types, Story story, List<int> found)
    {
        var marked = types.Marking(["i", "me", "my", "myself", "mine"]);
        var headings = story.Has<Chapter>() ? story.Layer<Chapter>() : null;
        int chapter = 0, subjects = 0;
        var tokens = view.Tokens;
        var typeOf = types.TypeOf;
        for (int i = 0; i < typeOf.Length; i++)
        {
            int t = typeOf[i];
            if (t < 0 || !marked[t] || view.QuotationOf[i] >= 0) continue;
            var word = view[i];
            if (word.Length == 1)
            {
                // "I" is a capital; "CHAPTER I" and a numeral alone on its line are numbers.
                if (word[0] != 'I') continue;
                if (headings is not null)
                {
                    while (chapter + 1 < headings.Count && headings[chapter + 1].Span.Start <= tokens[i].Span.Start) chapter++;
                    if (headings.Count > 0 && headings[chapter].Heading.Contains(tokens[i].Span)) continue;
                }
                if (IsNumeral(view, i)) continue;
                subjects++;
            }
            found.Add(i);
        }
        return subjects;
    }

    // "Part I", "BOOK I.", a line "I": after a capitalised word of its line or alone on it, and with no word after it on the line.
    private static bool IsNumeral(TokenView view, int i)
    {
        var text = view.Text;
        int end = view.Tokens[i].Span.End;
        while (end < text.Length && text[end] is ' ' or '.' or '\t') end++;
        if (end < text.Length && text[end] != '\n') return false;
        int start = view.Tokens[i].Span.Start;
        while (start > 0 && text[start - 1] is ' ' or '\t') start--;
        if (start == 0 || text[start - 1] == '\n') return true;
        return i > 0 && view.IsWord(i - 1) && view.IsCapitalized(i - 1) && view.Tokens[i - 1].Span.End >= start - 1
               && !view[i - 1].SequenceEqual("I");
    }

    /// <summary>The characters the narrator is, by the calls of the others (see the class summary); the main one first.</summary>
    private static void Name(TokenView view, WordTypes types, Story story, List<int> firstPerson, List<NameMention> names, int[] characterOf, List<Character> characters,
                             List<int> named, List<Stretch> stretches)
    {
        int paragraphs = view.Count == 0 ? 0 : view.ParagraphOf[view.Count - 1] + 1;
        // Per paragraph with speech: 1 when the narration has the narrator speak in it ("I said", "said I"),
        // 2 when it has someone speak to the narrator ("he said to me", "she asked me").
        var speech = new bool[paragraphs];
        foreach (ref readonly var q in story.Layer<Quotation>().Items)
            for (int p = q.Paragraph; p <= q.LastParagraph && p < paragraphs; p++) speech[p] = true;
        var role = new byte[paragraphs];
        foreach (int i in firstPerson)
        {
            int p = view.ParagraphOf[i];
            if (!speech[p]) continue;
            bool subject = view.Tokens[i].Span.Length == 1;
            bool isObject = !subject && view[i].Equals("me", StringComparison.OrdinalIgnoreCase);
            if (!subject && !isObject) continue;
            int from = subject ? i - 2 : i - 4, to = subject ? i + 3 : i - 1;
            for (int j = Math.Max(0, from); j <= Math.Min(view.Count - 1, to); j++)
                if (j != i && view.SentenceOf[j] == view.SentenceOf[i] && view.QuotationOf[j] < 0 && types.Is(j, WordFlags.SpeechVerb))
                {
                    role[p] |= (byte)(subject ? 1 : 2);
                    break;
                }
        }
        // The calls: a name inside a quotation set off as a vocative, in a paragraph said to the narrator or next to one the narrator speaks in.
        int characterCount = characters.Count;
        var calls = new int[characterCount];
        var outside = new int[characterCount];
        var inside = new int[characterCount];
        var called = new List<int>(); // the mentions that are calls, in text order
        for (int m = 0; m < names.Count; m++)
        {
            int c = characterOf[m];
            if (c < 0) continue;
            int first = names[m].FirstToken;
            if (view.QuotationOf[first] < 0) { outside[c]++; continue; }
            inside[c]++;
            int p = view.ParagraphOf[first];
            if ((role[p] & 1) != 0) continue; // the narrator's own line
            bool toNarrator = (role[p] & 2) != 0 || p > 0 && (role[p - 1] & 1) != 0 || p + 1 < paragraphs && (role[p + 1] & 1) != 0;
            if (toNarrator && IsVocative(view, names[m])) { calls[c]++; called.Add(m); }
        }
        Choose(calls, outside, inside, characters, named);
        if (named.Count > 0 && story.Has<Chapter>() && story.Layer<Chapter>().Count > 1)
            Stretches(view, story.Layer<Chapter>(), names, characterOf, called, calls, named, stretches);
    }

    /// <summary>
    /// The stretches another character tells: a run of chapters in which no name of the book's narrator is called is told by
    /// the name that leads the calls there, when that name is called at least <see cref="MinCalls"/> times in the run, in more
    /// than one of its chapters (one scene's retold speech is no hand-over), and twice as often as any other name there; when
    /// the narration of the run uses it no more than the lines do (the run's "I" is named only in the others' words); and when
    /// it is called in the book narrator's chapters no more than half as often as in the run (another name of the narrator's,
    /// by which one friend calls them, is called beside the narrator's main name all through the book).
    /// </summary>
    private static void Stretches(TokenView view, SpanLayer<Chapter> chapters, List<NameMention> names, int[] characterOf, List<int> called, int[] calls,
                                  List<int> named, List<Stretch> stretches)
    {
        // Each call's chapter, and the chapters where a name of the book's narrator is called.
        int count = chapters.Count;
        var chapterOfCall = new int[called.Count];
        var narrators = new bool[count];
        for (int i = 0, k = 0; i < called.Count; i++)
        {
            int at = view.Tokens[names[called[i]].FirstToken].Span.Start;
            while (k + 1 < count && chapters[k + 1].Span.Start <= at) k++;
            chapterOfCall[i] = k;
            if (named.Contains(characterOf[called[i]])) narrators[k] = true;
        }
        // The runs of chapters without such a call, and the name leading each run's calls.
        var runOf = new int[count];
        var runs = new List<(int First, int Last, int Leader, int Calls, int Rival, int Chapters)>();
        for (int k = 0; k < count; k++)
        {
            if (narrators[k]) { runOf[k] = -1; continue; }
            if (k == 0 || narrators[k - 1]) runs.Add((k, k, -1, 0, 0, 0));
            runOf[k] = runs.Count - 1;
            runs[^1] = runs[^1] with { Last = k };
        }
        if (runs.Count == 0) return;
        var inRun = new Dictionary<int, int>();
        for (int r = 0, i = 0; r < runs.Count; r++)
        {
            inRun.Clear();
            while (i < called.Count && chapterOfCall[i] < runs[r].First) i++;
            int from = i;
            for (; i < called.Count && chapterOfCall[i] <= runs[r].Last; i++)
                inRun[characterOf[called[i]]] = inRun.GetValueOrDefault(characterOf[called[i]]) + 1;
            int leader = -1, most = 0, rival = 0;
            foreach (var (c, n) in inRun)
                if (n > most) { rival = most; (leader, most) = (c, n); }
                else rival = Math.Max(rival, n);
            int chaptersCalled = 0, lastChapter = -1;
            for (int j = from; j < i; j++)
                if (characterOf[called[j]] == leader && chapterOfCall[j] != lastChapter) { chaptersCalled++; lastChapter = chapterOfCall[j]; }
            runs[r] = runs[r] with { Leader = leader, Calls = most, Rival = rival, Chapters = chaptersCalled };
        }
        // The leader's name mentions in its run: in the narration and in the lines.
        var outside = new int[runs.Count];
        var inside = new int[runs.Count];
        for (int m = 0, k = 0; m < names.Count; m++)
        {
            int at = view.Tokens[names[m].FirstToken].Span.Start;
            while (k + 1 < count && chapters[k + 1].Span.Start <= at) k++;
            int r = runOf[k];
            if (r < 0 || characterOf[m] != runs[r].Leader) continue;
            if (view.QuotationOf[names[m].FirstToken] < 0) outside[r]++;
            else inside[r]++;
        }
        var inRuns = new Dictionary<int, int>();
        foreach (var run in runs) if (run.Leader >= 0) inRuns[run.Leader] = inRuns.GetValueOrDefault(run.Leader) + run.Calls;
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            if (run.Leader < 0 || run.Calls < MinCalls || run.Calls < 2 * run.Rival || run.Chapters < 2 || outside[r] > inside[r]) continue;
            int elsewhere = calls[run.Leader] - inRuns[run.Leader];
            if (2 * elsewhere > run.Calls) continue;
            int first = run.First == 0 ? 0 : FirstTokenAt(view, chapters[run.First].Span.Start);
            int end = run.Last + 1 < count ? FirstTokenAt(view, chapters[run.Last + 1].Span.Start) : view.Count;
            stretches.Add(new Stretch(first, end, run.Leader));
        }
    }

    // The first token starting at or after a text offset.
    private static int FirstTokenAt(TokenView view, int offset)
    {
        int lo = 0, hi = view.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (view.Tokens[mid].Span.Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The leading name, with the others called nearly as often (at least <see cref="MinAliasCalls"/> calls and half the
    /// leader's) that are other names of the same person: the narration uses neither more than the others' lines do (a
    /// narrator is "I" in the narration, named in the others' words), and their names do not give them different genders.
    /// Named when the group's calls are at least <see cref="MinCalls"/> and twice those of the best name outside it.
    /// </summary>
    private static void Choose(int[] calls, int[] outside, int[] inside, List<Character> characters, List<int> named)
    {
        int best = -1;
        for (int c = 0; c < calls.Length; c++)
            if (calls[c] > 0 && (best < 0 || calls[c] > calls[best])) best = c;
        if (best < 0) return;
        named.Add(best);
        int total = calls[best], rival = 0;
        for (int c = 0; c < calls.Length; c++)
        {
            if (c == best || calls[c] == 0) continue;
            if (calls[c] >= MinAliasCalls && calls[c] * 2 >= calls[best] && Quoted(best) && Quoted(c) && !OtherGender(characters[best], characters[c]))
            {
                named.Add(c);
                total += calls[c];
            }
            else rival = Math.Max(rival, calls[c]);
        }
        if (total < MinCalls || total < 2 * rival) named.Clear();

        bool Quoted(int c) => outside[c] <= inside[c];
    }

    private static bool OtherGender(Character a, Character b) =>
        a.Prior is Gender.Male && b.Prior is Gender.Female || a.Prior is Gender.Female && b.Prior is Gender.Male;

    // A name set off inside a quotation: after a comma or at the line's opening, and before a comma, "!" or "?" ("Pip, old chap", "Well, Pip, I").
    private static bool IsVocative(TokenView view, NameMention name)
    {
        int first = name.FirstToken, before = first - 1, after = name.LastToken + 1;
        return (view.Is(after, ',') || view.Is(after, '!') || view.Is(after, '?'))
               && (view.Is(before, ',') || before >= 0 && view.QuotationOf[before] < 0 || before >= 0 && view.Tokens[before].Kind == TokenKind.Quote || view.Initial[first]);
    }
}
