using System.Buffers;
using System.Runtime.CompilerServices;
using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Groups each paragraph's tokens into sentences; a sentence never crosses a paragraph. A
/// sentence ends after terminal marks (. ! ? ?! … and abbreviations that may end one, like
/// "etc."), together with the closing quotes and brackets attached to them — unless the next
/// token continues the sentence: a lower-case word (<c>"Run!" she said.</c>, "so… then"), a comma
/// or a dash. Titles ("Mr.") and initials ("J. R. Smith") keep their period in the token and end
/// nothing. Line breaks are whitespace between tokens, so wrapped lines are just spaces.
/// </summary>
public sealed class SentenceFinder : IStage
{
    public void Run(Story story)
    {
        var tokens = story.Layer<Token>().Items;
        var paragraphs = story.Layer<Paragraph>().Items;
        var sentences = new List<Sentence>(tokens.Length / 12 + 1);
        var text = story.Text.AsSpan();
        int t = 0;
        for (int p = 0; p < paragraphs.Length; p++)
        {
            var span = paragraphs[p].Span;
            while (t < tokens.Length && tokens[t].Span.Start < span.Start) t++;
            int from = t;
            t = FirstEndingAfter(tokens, from, span.End);
            Split(text, tokens[from..t], p, sentences);
        }
        story.Add(sentences);
    }

    // The index of the first token from `from` on that ends after `end` (or the count). PERF: tokens do not
    // overlap, so their ends rise with their starts: a doubling search, then a binary one, finds it in a
    // few steps instead of a step per token.
    private static int FirstEndingAfter(ReadOnlySpan<Token> tokens, int from, int end)
    {
        int lo = from, hi = from, step = 1;
        while (hi < tokens.Length && tokens[hi].Span.End <= end)
        {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        hi = Math.Min(hi, tokens.Length);
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.End <= end) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Adds the sentences of one paragraph's tokens.</summary>
    public static void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int paragraph, List<Sentence> sentences)
    {
        int first = 0;
        for (int t = NextTerminal(text, tokens, 0); t < tokens.Length; t = NextTerminal(text, tokens, t + 1))
        {
            int k = t + 1;
            bool quoted = false;
            while (k < tokens.Length && (IsTerminal(text, tokens[k]) && tokens[k].Kind == TokenKind.Punctuation
                                         || IsClosing(text, tokens[k])))
            {
                quoted |= tokens[k].Kind == TokenKind.Quote;
                k++;
            }
            // A bare "!" or "?" ends the sentence even before a lower-case word ("laws-a-me! he's
            // my own", "Well!—an honest"); inside a quotation the narration goes on ("Run!" she said).
            char mark = text[tokens[k - 1].Span.End - 1];
            bool exclaims = !quoted && mark is '!' or '?';
            if (k < tokens.Length && (exclaims ? !ContinuesAfterExclamation(text, tokens[k]) : !Continues(text, tokens[k])))
            {
                sentences.Add(new Sentence(TextSpan.FromBounds(tokens[first].Span.Start, tokens[k - 1].Span.End), paragraph));
                first = k;
            }
            t = k - 1;
        }
        if (first < tokens.Length)
            sentences.Add(new Sentence(TextSpan.FromBounds(tokens[first].Span.Start, tokens[^1].Span.End), paragraph));
    }

    // A terminal token has one of these marks: a mark that ends sentences, or a word's period.
    private static readonly SearchValues<char> TerminalMarks = SearchValues.Create(".!?…");

    // The index of the first terminal token from t on (or the count). PERF: rather than asking every token,
    // it searches the text for the marks a terminal token must have (a vectorised search) and asks only the
    // token around each, found by a doubling search: a few tokens a sentence. Tokens are sorted and do not
    // overlap, so the first such token in the text is the first in the list.
    private static int NextTerminal(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int t)
    {
        if (t >= tokens.Length) return tokens.Length;
        int end = tokens[^1].Span.End;
        int at = tokens[t].Span.Start;
        while (at < end)
        {
            int found = text[at..end].IndexOfAny(TerminalMarks);
            if (found < 0) break;
            at += found;
            // The first token that ends after the mark: the one around it, if any (those before end before it).
            t = FirstEndingAfter(tokens, t, at);
            if (t == tokens.Length) break;
            var span = tokens[t].Span;
            if (span.Start > at) { at = span.Start; continue; }   // a mark between tokens
            if (IsTerminal(text, tokens[t])) return t;
            at = span.End;   // any other mark in this token asks the same question
        }
        return tokens.Length;
    }

    // PERF: asked of every token, so compiled into the loop; the text is read only for a mark or a word
    // that ends in a period.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTerminal(ReadOnlySpan<char> text, in Token token)
    {
        if (token.Kind == TokenKind.Punctuation) return text[token.Span.Start] is '.' or '!' or '?' or '…';
        if (token.Kind != TokenKind.Word || token.Span.Length < 2 || text[token.Span.End - 1] != '.') return false;
        return Tokenizer.MayEndSentence(text.Slice(token.Span.Start, token.Span.Length));
    }

    // A closing quote or bracket hangs on the mark before it: no space between them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]  // PERF: asked after each terminal mark
    private static bool IsClosing(ReadOnlySpan<char> text, in Token token)
    {
        char c = text[token.Span.Start];
        bool attached = token.Span.Start > 0 && !char.IsWhiteSpace(text[token.Span.Start - 1]);
        return token.Kind switch
        {
            TokenKind.Quote => c is '”' or '»' or '›' || attached && c is '"' or '\'' or '’',
            TokenKind.Punctuation => c is ')' or ']' or '}',
            _ => false,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]  // PERF: asked after each terminal mark
    private static bool ContinuesAfterExclamation(ReadOnlySpan<char> text, in Token token) =>
        token.Kind == TokenKind.Punctuation && text[token.Span.Start] is ',' or ';' or ':';

    // After terminal marks, these tokens carry the same sentence on.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]  // PERF: asked after each terminal mark
    private static bool Continues(ReadOnlySpan<char> text, in Token token)
    {
        char c = text[token.Span.Start];
        return token.Kind switch
        {
            TokenKind.Word => char.IsLower(c),
            TokenKind.Dash => true,
            TokenKind.Punctuation => c is ',' or ';' or ':',
            _ => false,
        };
    }
}
