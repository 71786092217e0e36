using Fabula.Text;

namespace Fabula.Evaluation;

/// <summary>
/// Maps the tokens of a tokenized excerpt (LitBank: one sentence a line, tokens split by spaces)
/// to spans of the story text, matching character by character and ignoring white space. Quote
/// marks match any quote mark (LitBank writes `` and '' for some), a run of dashes any run of
/// dashes (-- for —). A token that does not match where expected is looked for a little further
/// on, and accepted there only if the tokens after it match too; otherwise it stays unaligned
/// (an empty span), so one odd token costs one token, never the rest of the excerpt.
/// </summary>
public sealed class ExcerptAlignment
{
    // How far ahead (in characters) a lost token is looked for; the first token may sit after a preface.
    private const int ResyncWindow = 400;
    private const int FirstTokenWindow = 20_000;
    // A resynchronised position is trusted only if this many following tokens match from it.
    private const int ConfirmTokens = 2;

    private readonly TextSpan[][] _tokens;

    private ExcerptAlignment(TextSpan[][] tokens, int aligned, int total)
    {
        _tokens = tokens;
        AlignedTokens = aligned;
        TotalTokens = total;
        int start = -1, end = -1;
        foreach (var sentence in tokens)
            foreach (var span in sentence)
            {
                if (span.IsEmpty) continue;
                if (start < 0) start = span.Start;
                end = Math.Max(end, span.End);
            }
        Excerpt = start < 0 ? default : TextSpan.FromBounds(start, end);
    }

    public int AlignedTokens { get; }
    public int TotalTokens { get; }
    /// <summary>Share of the excerpt's tokens found in the text (1 when all were).</summary>
    public double Coverage => TotalTokens == 0 ? 1 : (double)AlignedTokens / TotalTokens;
    /// <summary>The stretch of the story text the excerpt covers: first aligned token to last.</summary>
    public TextSpan Excerpt { get; }
    public int SentenceCount => _tokens.Length;
    public int TokenCount(int sentence) => _tokens[sentence].Length;

    /// <summary>The text span of one token (0-based sentence and token), or null if it was not aligned.</summary>
    public TextSpan? Token(int sentence, int token)
    {
        if ((uint)sentence >= (uint)_tokens.Length || (uint)token >= (uint)_tokens[sentence].Length) return null;
        var span = _tokens[sentence][token];
        return span.IsEmpty ? null : span;
    }

    /// <summary>
    /// The text span of tokens from (startSentence, startToken) to (endSentence, endToken), both
    /// inclusive as in LitBank's files: from the first aligned token in the range to the last; null
    /// if none is aligned.
    /// </summary>
    public TextSpan? Range(int startSentence, int startToken, int endSentence, int endToken)
    {
        int start = -1, end = -1;
        for (int s = Math.Max(0, startSentence); s <= endSentence && s < _tokens.Length; s++)
        {
            int from = s == startSentence ? startToken : 0;
            int to = s == endSentence ? endToken : _tokens[s].Length - 1;
            for (int t = Math.Max(0, from); t <= to && t < _tokens[s].Length; t++)
            {
                var span = _tokens[s][t];
                if (span.IsEmpty) continue;
                if (start < 0) start = span.Start;
                end = span.End;
            }
        }
        return start < 0 ? null : TextSpan.FromBounds(start, end);
    }

    public TextSpan? Range(TokenRange tokens) => Range(tokens.StartSentence, tokens.StartToken, tokens.EndSentence, tokens.EndToken);

    /// <summary>Aligns sentences of tokens to <paramref name="text"/>, from its start.</summary>
    public static ExcerptAlignment Align(ReadOnlySpan<char> text, IReadOnlyList<string[]> sentences)
    {
        var all = new List<(int Sentence, int Token, string Text)>();
        var spans = new TextSpan[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++)
        {
            spans[s] = new TextSpan[sentences[s].Length];
            for (int t = 0; t < sentences[s].Length; t++) all.Add((s, t, sentences[s][t]));
        }
        int pos = 0, aligned = 0;
        for (int k = 0; k < all.Count; k++)
        {
            var (s, t, token) = all[k];
            if (!TryMatch(text, pos, token, out var span))
            {
                int window = aligned == 0 ? FirstTokenWindow : ResyncWindow;
                if (!Resync(text, pos, window, all, k, out span)) continue;
            }
            spans[s][t] = span;
            pos = span.End;
            aligned++;
        }
        return new ExcerptAlignment(spans, aligned, all.Count);
    }

    // Looks for token k a little further on, where the tokens after it match as well.
    private static bool Resync(ReadOnlySpan<char> text, int pos, int window, List<(int, int, string Text)> all, int k, out TextSpan span)
    {
        int limit = Math.Min(text.Length, pos + window);
        for (int at = pos + 1; at < limit; at++)
        {
            if (char.IsWhiteSpace(text[at]) || !TryMatch(text, at, all[k].Text, out span)) continue;
            int next = span.End;
            bool confirmed = true;
            for (int j = 1; j <= ConfirmTokens && k + j < all.Count; j++)
            {
                if (!TryMatch(text, next, all[k + j].Text, out var following)) { confirmed = false; break; }
                next = following.End;
            }
            if (confirmed) return true;
        }
        span = default;
        return false;
    }

    /// <summary>Matches one token at <paramref name="pos"/> (white space before and inside it skipped).</summary>
    internal static bool TryMatch(ReadOnlySpan<char> text, int pos, string token, out TextSpan span)
    {
        span = default;
        int i = pos, j = 0, start = -1;
        while (j < token.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) return false;
            char a = token[j], b = text[i];
            if (start < 0) start = i;
            if (IsQuote(a) && IsQuote(b))
            {
                // `` and '' stand for one double mark; a curly or straight pair in the text matches pairwise.
                j++; i++;
                if (j < token.Length && IsQuote(token[j]) && token[j] == a && !(i < text.Length && IsQuote(text[i]))) j++;
                continue;
            }
            if (IsDash(a) && IsDash(b))
            {
                while (j < token.Length && IsDash(token[j])) j++;
                while (i < text.Length && IsDash(text[i])) i++;
                continue;
            }
            if (a != b && char.ToLowerInvariant(a) != char.ToLowerInvariant(b)) return false;
            i++; j++;
        }
        if (start < 0) return false;
        span = TextSpan.FromBounds(start, i);
        return true;
    }

    private static bool IsQuote(char c) => c is '"' or '\'' or '`' or '´' or '“' or '”' or '‘' or '’' or '„' or '‚' or '«' or '»';
    private static bool IsDash(char c) => c is '-' or '—' or '–' or '―';
}
