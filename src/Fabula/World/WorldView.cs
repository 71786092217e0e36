using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// The tokens of a story as the world stages read them: each token's sentence, whether it opens one,
/// and the character mention that starts or ends there. Built once per story, in one pass over the
/// token, sentence and mention layers (the token layer is read in place, not copied), and shared by
/// the world stages.
/// </summary>
internal sealed class WorldView
{
    private readonly SpanLayer<Token> _tokens;
    /// <summary>The token layer's own array (read in place, never written): asked on every token.</summary>
    private readonly Token[] _tokenArray;
    private readonly SpanLayer<Quotation>? _quotations;
    private readonly SpanLayer<Scene>? _scenes;
    private readonly StoryText _text;
    public readonly Mention[] Mentions;
    /// <summary>Per token: the index of a character mention (Character ≥ 0) ending at it, or -1; names win over nominals and pronouns.</summary>
    public readonly int[] MentionEnding;
    /// <summary>Per token: the index of a character mention starting at it, or -1.</summary>
    public readonly int[] MentionStarting;
    public readonly int[] SentenceOf;
    /// <summary>Per token: a word that opens its sentence, or follows an opening quote, dash or colon (where any word is capitalised).</summary>
    public readonly bool[] Initial;

    private WorldView(Story story)
    {
        _text = story.Text;
        _tokens = story.Layer<Token>();
        _tokenArray = _tokens.SharedArray;
        _quotations = story.Has<Quotation>() ? story.Layer<Quotation>() : null;
        _scenes = story.Has<Scene>() ? story.Layer<Scene>() : null;
        var tokens = _tokens.Items;
        int n = tokens.Length;
        MentionEnding = new int[n];
        MentionStarting = new int[n];
        Array.Fill(MentionEnding, -1);
        Array.Fill(MentionStarting, -1);
        Mentions = story.Has<Mention>() ? story.Layer<Mention>().Items.ToArray() : [];
        int t = 0;
        for (int m = 0; m < Mentions.Length; m++)
        {
            var mention = Mentions[m];
            if (mention.Character < 0) continue;
            while (t < n && tokens[t].Span.Start < mention.Span.Start) t++;
            if (t == n) break;
            if (tokens[t].Span.Start == mention.Span.Start && Better(m, MentionStarting[t])) MentionStarting[t] = m;
            int last = t;
            while (last + 1 < n && tokens[last + 1].Span.End <= mention.Span.End) last++;
            if (tokens[last].Span.End == mention.Span.End && Better(m, MentionEnding[last])) MentionEnding[last] = m;
        }
        if (story.Find<WordTypes>() is { } types && types.TypeOf.Length == n) (_types, Types) = (types, types.TypeOf);
        else
        {
            Types = new int[n];
            Array.Fill(Types, -1);
        }
        // The cast stage's token view marked the same sentences and openings: read its arrays, not a second pass.
        if (story.Find<TokenView>() is { } cast && cast.Count == n)
            (SentenceOf, Initial) = (cast.SentenceOf, cast.Initial);
        else
        {
            SentenceOf = new int[n];
            Initial = new bool[n];
            SentenceOpenings.Mark(_text, tokens, story.Layer<Sentence>().Items, SentenceOf, Initial);
        }
    }

    private readonly WordTypes? _types;

    /// <summary>
    /// The index of token i's lower-cased word among the story's distinct words (the cast stage's), or -1
    /// (not a word, or no cast stage ran). With <see cref="PerWord{T}"/>,
    /// a table is asked once per distinct word instead of once per token.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public int TypeOf(int i) => Types[i];

    /// <summary>Per token: <see cref="TypeOf"/> (all -1 when no cast stage ran). For the loops over every token, read through a local.</summary>
    public readonly int[] Types;

    /// <summary>Per distinct word (see <see cref="TypeOf"/>): what a table says of its lower-cased form, asked once.</summary>
    public T[] PerWord<T>(Func<string, T> valueOf)
    {
        var values = new T[_types?.Count ?? 0];
        for (int t = 0; t < values.Length; t++) values[t] = valueOf(_types!.WordOf(t));
        return values;
    }

    private bool[]? _nonAscii;

    /// <summary>
    /// Per distinct word: whether a case-insensitive table may hold it. True when one of
    /// <paramref name="entries"/> is the word (any case), and for every word with a character outside
    /// ASCII (there lowering and the tables' case-insensitive comparison can differ). So a token whose word
    /// is not marked is in no case in the table: a screen asked before the table's own lookup, which
    /// still decides for the marked ones. The entries are looked up among the story's words (a few
    /// hundred lookups), not each word in the table. Empty when no cast stage ran (then
    /// <see cref="TypeOf"/> is -1 and <see cref="May"/> always true).
    /// </summary>
    public bool[] Screen(IEnumerable<string> entries)
    {
        if (_types is null) return [];
        if (!Markable(entries))
        {
            var all = new bool[_types.Count];
            Array.Fill(all, true);
            return all;
        }
        var marked = _types.Marking(entries);
        var nonAscii = _nonAscii ??= NonAsciiWords(_types);
        for (int t = 0; t < marked.Length; t++) marked[t] |= nonAscii[t];
        return marked;
    }

    /// <summary>
    /// Per distinct word: what <paramref name="valueOf"/> says of its lower-cased form, as
    /// <see cref="PerWord{T}"/>, for a table whose <paramref name="keys"/> (compared ignoring case) are
    /// all it knows: <paramref name="valueOf"/> is asked only of the words a key marks (found by looking the
    /// keys up among the story's words) and of the words outside ASCII; every other word is <paramref name="absent"/>.
    /// </summary>
    public T[] PerWord<T>(IEnumerable<string> keys, Func<string, T> valueOf, T absent)
    {
        if (_types is null) return [];
        if (!Markable(keys)) return PerWord(valueOf);
        var marked = _types.Marking(keys);
        var nonAscii = _nonAscii ??= NonAsciiWords(_types);
        var values = new T[marked.Length];
        for (int t = 0; t < values.Length; t++) values[t] = marked[t] || nonAscii[t] ? valueOf(_types.WordOf(t)) : absent;
        return values;
    }

    /// <summary>
    /// Whether keys compared ignoring case can be found among the lower-cased words: no key has a letter
    /// outside ASCII whose capital is in ASCII ("ı", "ſ"), which an ASCII word would match but not lower to.
    /// </summary>
    private static bool Markable(IEnumerable<string> keys)
    {
        foreach (string key in keys)
        {
            if (System.Text.Ascii.IsValid(key)) continue;
            foreach (char c in key)
                if (c >= 0x80 && char.ToUpperInvariant(c) < 0x80) return false;
        }
        return true;
    }

    /// <summary>
    /// Per distinct word: whether the table holds its lower-cased form — what
    /// <c>PerWord(w => table.Contains(w))</c> says, found by looking the table's entries up among the
    /// story's words (the words outside ASCII, where lowering and the table's comparison can differ, are
    /// asked of the table itself). The tables hold no letter whose capital is ASCII (such as "ı").
    /// </summary>
    public bool[] InTable(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> table) =>
        PerWord(table.Set, w => table.Contains(w), false);

    /// <summary>Per distinct word: whether it has a character outside ASCII.</summary>
    private static bool[] NonAsciiWords(WordTypes types)
    {
        var nonAscii = new bool[types.Count];
        for (int t = 0; t < nonAscii.Length; t++) nonAscii[t] = !System.Text.Ascii.IsValid(types.WordOf(t));
        return nonAscii;
    }

    /// <summary>Whether token i's word may be in the table <paramref name="screen"/> (from <see cref="Screen"/>) stands for: true unless its word is known and unmarked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool May(bool[] screen, int i) => (uint)i >= (uint)Types.Length || Types[i] is not (int t and >= 0) || screen[t];

    /// <summary>
    /// A screen (as <see cref="Screen"/>) decided on first use of each distinct word: whether
    /// <paramref name="mayHold"/> says the table may hold the lower-cased word (words outside ASCII
    /// always may). For large tables asked of few tokens, where looking up all their entries would cost more.
    /// </summary>
    public WordScreen LazyScreen(Func<string, bool> mayHold) => new(this, mayHold);

    /// <summary>See <see cref="LazyScreen"/>.</summary>
    internal sealed class WordScreen(WorldView view, Func<string, bool> mayHold)
    {
        private readonly sbyte[] _known = new sbyte[view._types?.Count ?? 0]; // 0 not asked yet, 1 may not, 2 may

        /// <summary>Whether token i's word may be in the table: true unless its word is known and not.</summary>
        public bool May(int i)
        {
            if ((uint)i >= (uint)view.Types.Length || view.Types[i] is not (int t and >= 0)) return true;
            int known = _known[t];
            if (known == 0)
            {
                string word = view._types!.WordOf(t);
                _known[t] = (sbyte)(known = !System.Text.Ascii.IsValid(word) || mayHold(word) ? 2 : 1);
            }
            return known == 2;
        }
    }

    private bool Better(int candidate, int current) =>
        current < 0 || Mentions[candidate].Kind < Mentions[current].Kind
        || Mentions[candidate].Kind == Mentions[current].Kind && Mentions[candidate].Span.Length > Mentions[current].Span.Length;

    /// <summary>The view of the story, built on first use by any world stage.</summary>
    public static WorldView Of(Story story)
    {
        if (story.Find<WorldView>() is { } view) return view;
        view = new WorldView(story);
        story.Set(view);
        return view;
    }

    public int Count => _tokens.Count;
    public ReadOnlySpan<char> this[int i] => _text[_tokenArray[i].Span];
    public TextSpan Span(int i) => _tokenArray[i].Span;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool IsWord(int i) => (uint)i < (uint)_tokenArray.Length && _tokenArray[i].Kind is TokenKind.Word or TokenKind.Number;

    /// <summary>Is token i the one-character mark c?</summary>
    public bool IsMark(int i, char c) => (uint)i < (uint)_tokenArray.Length && _tokenArray[i].Span.Length == 1 && _text[_tokenArray[i].Span.Start] == c;

    /// <summary>
    /// The first token at or after i that is a word whose type <paramref name="marked"/> marks, or a word the
    /// cast stage did not type (a number, a very long word); <see cref="Count"/> if none. PERF: the loops over
    /// every token pass the unmarked words and the marks here, in a loop of their own (a few instructions a token).
    /// </summary>
    public int NextMarked(bool[] marked, int i)
    {
        var types = Types;
        var tokens = _tokenArray;
        for (; (uint)i < (uint)types.Length && (uint)i < (uint)tokens.Length; i++)
        {
            int t = types[i];
            if (t >= 0 ? marked[t] : tokens[i].Kind is TokenKind.Word or TokenKind.Number) return i;
        }
        return types.Length;
    }

    /// <summary>The first token that starts at or after an offset (<see cref="Count"/> if none).</summary>
    public int FirstStartingAtOrAfter(int offset) => _tokens.FirstStartingAtOrAfter(offset);

    /// <summary>The tokens (the layer's own array, read in place), for the loops over every token.</summary>
    public ReadOnlySpan<Token> Tokens => _tokenArray;

    /// <summary>The token that starts at an offset, or -1.</summary>
    public int TokenAt(int offset)
    {
        int i = _tokens.FirstStartingAtOrAfter(offset);
        return i < Count && _tokens[i].Span.Start == offset ? i : -1;
    }

    /// <summary>Is token i inside a quotation (said, not told)?</summary>
    public bool InQuotation(int i) => _quotations is not null && _quotations.IndexAt(_tokens[i].Span.Start) >= 0;

    public int SceneCount => _scenes?.Count ?? 0;

    /// <summary>The scene token i lies in (a binary search: asked of a few tokens, not built for all).</summary>
    public int SceneAt(int i)
    {
        if (_scenes is null || _scenes.Count == 0) return 0;
        int start = _tokenArray[i].Span.Start;
        // The first scene that ends after the token starts; the last scene when none does.
        int low = 0, high = _scenes.Count - 1;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_scenes[mid].Span.End <= start) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>All capitals and longer than one letter: a heading or shouting.</summary>
    public bool IsAllCaps(int i) => Capitals.IsAllCaps(this[i]);

    // PERF: the length first, so that most tokens are told apart without a comparison.
    public bool Is(int i, string word) =>
        (uint)i < (uint)_tokenArray.Length && _tokenArray[i].Span.Length == word.Length && IsWord(i)
        && this[i].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsLower(int i)
    {
        if (!IsWord(i)) return false;
        var w = this[i];
        return w.Length > 0 && char.IsLower(w[0]);
    }

    /// <summary>The character of the mention ending at token i, or -1.</summary>
    public int CharacterEndingAt(int i) => i >= 0 && i < Count && MentionEnding[i] >= 0 ? Mentions[MentionEnding[i]].Character : -1;

    /// <summary>
    /// The owner of a possessive at token i: a possessive pronoun ("her eyes") or a name with 's
    /// ("Izzy's eyes"). Returns the character and the token where the owner starts, or -1.
    /// </summary>
    public (int Character, int Start) OwnerAt(int i)
    {
        if (i < 0 || i >= Count) return (-1, -1);
        if (this[i] is "'s" or "’s" or "'" or "’")
        {
            int m = i > 0 ? MentionEnding[i - 1] : -1;
            return m >= 0 ? (Mentions[m].Character, StartToken(i - 1, m)) : (-1, -1);
        }
        int p = MentionEnding[i];
        return p >= 0 && Mentions[p].Kind == MentionKind.Pronoun ? (Mentions[p].Character, i) : (-1, -1);
    }

    /// <summary>The first token of mention m, which ends at token last.</summary>
    public int StartToken(int last, int m)
    {
        int start = last;
        while (start > 0 && Span(start - 1).Start >= Mentions[m].Span.Start) start--;
        return start;
    }

    public bool IsBoundary(int i) => i >= Count || !IsWord(i) || SentenceOf[i] != SentenceOf[i - 1];
}
