using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// For each token, the sentence it lies in and whether it is a word that opens one: the first word of
/// a sentence, or the first after a quotation mark, a dash or a colon ("He said: Yes"). A capital there
/// says nothing about a name. Shared by the cast and world stages' token views.
/// </summary>
public static class SentenceOpenings
{
    public static void Mark(StoryText text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, int[] sentenceOf, bool[] initial)
    {
        int s = 0, lastSentence = -1;
        bool afterOpening = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            int start = tokens[i].Span.Start;
            while (s < sentences.Length - 1 && sentences[s].Span.End <= start) s++;
            sentenceOf[i] = s;
            bool newSentence = s != lastSentence;
            lastSentence = s;
            var kind = tokens[i].Kind;
            if (kind is TokenKind.Word or TokenKind.Number)
            {
                initial[i] = newSentence || afterOpening;
                afterOpening = false;
            }
            else
                afterOpening = newSentence || afterOpening || kind is TokenKind.Quote or TokenKind.Dash
                               || kind == TokenKind.Punctuation && text[start] == ':';
        }
    }
}
