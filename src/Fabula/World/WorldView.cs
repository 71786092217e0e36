using Fabula.Cast;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// The tokens of a story as the world stages read them: the cast stage's <see cref="TokenView"/>
/// (sentence, paragraph, quotation of each token) plus, for each token, the character mention that
/// starts or ends there. Built once per story, in one pass, and shared by the world stages.
/// </summary>
internal sealed class WorldView
{
    public readonly TokenView Tokens;
    public readonly Mention[] Mentions;
    /// <summary>Per token: the index of a character mention (Character ≥ 0) ending at it, or -1; names win over nominals and pronouns.</summary>
    public readonly int[] MentionEnding;
    /// <summary>Per token: the index of a character mention starting at it, or -1.</summary>
    public readonly int[] MentionStarting;
    /// <summary>Per token: the scene it lies in.</summary>
    public readonly int[] SceneOf;
    public readonly int SceneCount;

    private WorldView(Story story)
    {
        Tokens = new TokenView(story);
        var tokens = Tokens.Tokens;
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
        SceneOf = new int[n];
        var scenes = story.Has<Scene>() ? story.Layer<Scene>() : null;
        SceneCount = scenes?.Count ?? 0;
        int s = 0;
        for (int i = 0; i < n && scenes is not null; i++)
        {
            while (s < scenes.Count - 1 && scenes[s].Span.End <= tokens[i].Span.Start) s++;
            SceneOf[i] = s;
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

    public int Count => Tokens.Count;
    public ReadOnlySpan<char> this[int i] => Tokens[i];
    public TextSpan Span(int i) => Tokens.Tokens[i].Span;
    public bool IsWord(int i) => i >= 0 && i < Tokens.Count && Tokens.Tokens[i].Kind is TokenKind.Word or TokenKind.Number;

    public bool Is(int i, string word) => IsWord(i) && Tokens[i].Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsLower(int i)
    {
        if (!IsWord(i)) return false;
        var w = Tokens[i];
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
        if (Tokens[i] is "'s" or "’s" or "'" or "’")
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

    public bool IsBoundary(int i) => i >= Count || !IsWord(i) || Tokens.SentenceOf[i] != Tokens.SentenceOf[i - 1];
}
