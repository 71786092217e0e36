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
            while (t < tokens.Length && tokens[t].Span.End <= span.End) t++;
            Split(text, tokens[from..t], p, sentences);
        }
        story.Add(sentences);
    }

    /// <summary>Adds the sentences of one paragraph's tokens.</summary>
    public static void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int paragraph, List<Sentence> sentences)
    {
        int first = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (!IsTerminal(text, tokens[t])) continue;
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

    private static bool IsTerminal(ReadOnlySpan<char> text, in Token token)
    {
        var s = text.Slice(token.Span.Start, token.Span.Length);
        if (token.Kind == TokenKind.Punctuation) return s[0] is '.' or '!' or '?' or '…';
        if (token.Kind != TokenKind.Word || s.Length < 2 || s[^1] != '.') return false;
        return Tokenizer.MayEndSentence(s);
    }

    // A closing quote or bracket hangs on the mark before it: no space between them.
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

    private static bool ContinuesAfterExclamation(ReadOnlySpan<char> text, in Token token) =>
        token.Kind == TokenKind.Punctuation && text[token.Span.Start] is ',' or ';' or ':';

    // After terminal marks, these tokens carry the same sentence on.
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
