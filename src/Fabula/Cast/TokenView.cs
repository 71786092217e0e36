using System.Runtime.CompilerServices;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Cast;

/// <summary>
/// The tokens of a story with what the cast stage asks of each: its sentence and paragraph, whether
/// it stands inside a quotation, and whether it opens a sentence (where any word is capitalised).
/// Built once, in one pass over the token, sentence and quotation layers.
/// </summary>
internal sealed class TokenView
{
    public readonly StoryText Text;
    /// <summary>The token layer's own array (not a copy): read-only.</summary>
    public readonly Token[] Tokens;
    public readonly int[] SentenceOf;
    public readonly int[] ParagraphOf;
    /// <summary>Index of the quotation a token lies in, or -1.</summary>
    public readonly int[] QuotationOf;
    public readonly bool[] Initial;
    public readonly int SentenceCount;

    public TokenView(Story story)
    {
        Text = story.Text;
        Tokens = story.Layer<Token>().SharedArray; // PERF: read in place, never written
        var sentences = story.Layer<Sentence>();
        var quotes = story.Layer<Quotation>();
        SentenceCount = sentences.Count;
        int n = Tokens.Length;
        SentenceOf = new int[n];
        ParagraphOf = new int[n];
        QuotationOf = new int[n];
        Initial = new bool[n];
        SentenceOpenings.Mark(Text, Tokens, sentences.Items, SentenceOf, Initial);
        // PERF: the layers and arrays in locals (spans); each sentence's paragraph and each quotation's index
        // filled into its run of tokens at once, not token by token.
        var tokens = Tokens.AsSpan(0, n);
        var sentenceItems = sentences.Items;
        var quoteItems = quotes.Items;
        var sentenceOf = SentenceOf.AsSpan(0, n);
        var paragraphOf = ParagraphOf.AsSpan(0, n);
        var quotationOf = QuotationOf.AsSpan(0, n);
        for (int i = 0; i < n;)
        {
            int s = sentenceOf[i], end = i + 1;
            while (end < n && sentenceOf[end] == s) end++;
            paragraphOf[i..end].Fill(sentenceItems.Length > 0 ? sentenceItems[s].Paragraph : 0);
            i = end;
        }
        // A token lies in the first quotation (in layer order) that covers its start.
        quotationOf.Fill(-1);
        int t = 0;
        for (int q = 0; q < quoteItems.Length; q++)
        {
            var span = quoteItems[q].Span;
            while (t < n && tokens[t].Span.Start < span.Start) t++;
            while (t < n && tokens[t].Span.Start < span.End) quotationOf[t++] = q;
        }
    }

    public int Count => Tokens.Length;
    public ReadOnlySpan<char> this[int i] => Text[Tokens[i].Span];
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool IsWord(int i) => Tokens[i].Kind == TokenKind.Word;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // PERF: asked of every token, inside loops too long for the default inlining
    public bool IsCapitalized(int i)
    {
        var w = this[i];
        return w.Length > 0 && char.IsUpper(w[0]);
    }

    /// <summary>All capitals and longer than one letter: a heading or shouting, not evidence of a name.</summary>
    public bool IsAllCaps(int i) => Capitals.IsAllCaps(this[i]);

    public bool Is(int i, char c) => i >= 0 && i < Tokens.Length && Tokens[i].Span.Length == 1 && Text[Tokens[i].Span.Start] == c;
}
