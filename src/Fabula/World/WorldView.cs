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
    private int[]? _sceneOf;
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
        if (story.Find<WordTypes>() is { } types && types.TypeOf.Length == n) _types = types;
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
    public int TypeOf(int i) => _types is null ? -1 : _types.TypeOf[i];

    /// <summary>Per distinct word (see <see cref="TypeOf"/>): what a table says of its lower-cased form, asked once.</summary>
    public T[] PerWord<T>(Func<string, T> valueOf)
    {
        var values = new T[_types?.Count ?? 0];
        for (int t = 0; t < values.Length; t++) values[t] = valueOf(_types!.WordOf(t));
        return values;
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

    /// <summary>The token that starts at an offset, or -1.</summary>
    public int TokenAt(int offset)
    {
        int i = _tokens.FirstStartingAtOrAfter(offset);
        return i < Count && _tokens[i].Span.Start == offset ? i : -1;
    }

    /// <summary>Is token i inside a quotation (said, not told)?</summary>
    public bool InQuotation(int i) => _quotations is not null && _quotations.IndexAt(_tokens[i].Span.Start) >= 0;

    /// <summary>Per token: the scene it lies in (built on first use).</summary>
    public int[] SceneOf => _sceneOf ??= BuildSceneOf();
    public int SceneCount => _scenes?.Count ?? 0;

    private int[] BuildSceneOf()
    {
        var sceneOf = new int[Count];
        if (_scenes is null) return sceneOf;
        int s = 0;
        for (int i = 0; i < sceneOf.Length; i++)
        {
            while (s < _scenes.Count - 1 && _scenes[s].Span.End <= _tokens[i].Span.Start) s++;
            sceneOf[i] = s;
        }
        return sceneOf;
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
