using System.Text;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>
/// The story in BookNLP's output files (booknlp/booknlp, booknlp/english/english_booknlp.py):
/// NAME.tokens, NAME.entities, NAME.quotes and NAME.book, tab-separated with BookNLP's headers,
/// token ids counted over the whole document, quote and entity ends inclusive, and Python's
/// "None" where BookNLP writes None. docs/booknlp.md gives the column mapping and what differs.
/// </summary>
public static class BookNlpWriter
{
    public static readonly string[] Extensions = [".tokens", ".entities", ".quotes", ".book"];

    /// <summary>The four files, by file name, for a book called <paramref name="name"/>.</summary>
    public static IReadOnlyList<(string FileName, string Content)> Write(Story story, string name)
    {
        var tokens = story.Layer<Token>();
        return
        [
            (name + ".tokens", Tokens(story)),
            (name + ".entities", "COREF\tstart_token\tend_token\tprop\tcat\ttext\n"),
            (name + ".quotes", Quotes(story, tokens)),
            (name + ".book", "{\"characters\": []}"),
        ];
    }

    /// <summary>
    /// One row per token: paragraph_ID, sentence_ID, token_ID_within_sentence,
    /// token_ID_within_document, word, lemma, byte_onset, byte_offset, POS_tag, fine_POS_tag,
    /// dependency_relation, syntactic_head_ID, event.
    /// </summary>
    internal static string Tokens(Story story)
    {
        var text = story.Text;
        var tokens = story.Layer<Token>();
        var sentences = story.Layer<Sentence>();
        var paragraphs = story.Layer<Paragraph>();
        var tsv = new StringBuilder(tokens.Count * 48 + 256);
        tsv.Append("paragraph_ID\tsentence_ID\ttoken_ID_within_sentence\ttoken_ID_within_document\tword\tlemma\t")
           .Append("byte_onset\tbyte_offset\tPOS_tag\tfine_POS_tag\tdependency_relation\tsyntactic_head_ID\tevent\n");
        var codePoints = new CodePointCounter(text);
        int p = 0, s = 0, sentenceId = -1, inSentence = 0;
        long lastKey = long.MinValue;
        for (int i = 0; i < tokens.Count; i++)
        {
            var span = tokens[i].Span;
            while (p + 1 < paragraphs.Count && paragraphs[p + 1].Span.Start <= span.Start) p++;
            while (s < sentences.Count && sentences[s].Span.End <= span.Start) s++;
            // BookNLP puts every token in a sentence; tokens our sentence layer leaves out
            // (headings, stray marks) form a sentence of their own per paragraph.
            long key = s < sentences.Count && sentences[s].Span.Contains(span.Start) ? s : -1L - p;
            if (key != lastKey) { sentenceId++; inSentence = 0; lastKey = key; }
            tsv.Append(p).Append('\t').Append(sentenceId).Append('\t').Append(inSentence++).Append('\t').Append(i).Append('\t');
            AppendWord(tsv, text[span]);
            tsv.Append("\tNone\t").Append(codePoints.At(span.Start)).Append('\t').Append(codePoints.At(span.End))
               .Append("\tNone\tNone\tNone\tNone\tO\n");
        }
        return tsv.ToString();
    }

    /// <summary>One row per quotation: quote_start, quote_end, mention_start, mention_end, mention_phrase, char_id, quote.</summary>
    internal static string Quotes(Story story, SpanLayer<Token> tokens)
    {
        var text = story.Text;
        var tsv = new StringBuilder("quote_start\tquote_end\tmention_start\tmention_end\tmention_phrase\tchar_id\tquote\n");
        foreach (ref readonly var quote in story.Layer<Quotation>().Items)
        {
            var (from, to) = tokens.Within(quote.Span);
            if (from >= to) continue; // BookNLP's quotes are token ranges; one with no token has none
            tsv.Append(from).Append('\t').Append(to - 1).Append("\tNone\tNone\tNone\tNone\t");
            for (int t = from; t < to; t++)
            {
                if (t > from) tsv.Append(' ');
                AppendWord(tsv, text[tokens[t].Span]);
            }
            tsv.Append('\n');
        }
        return tsv.ToString();
    }

    /// <summary>BookNLP's filter_ws: a token's spaces, line breaks and tabs become S, N and T, so no cell breaks a row.</summary>
    private static void AppendWord(StringBuilder tsv, ReadOnlySpan<char> word)
    {
        foreach (char c in word)
            tsv.Append(c switch { ' ' => 'S', '\n' or '\r' => 'N', '\t' => 'T', _ => c });
    }

    /// <summary>
    /// BookNLP's byte_onset/byte_offset are offsets into the Python string it read, which counts
    /// code points; our offsets count UTF-16 units. They differ after a character outside the BMP.
    /// Offsets are asked for in increasing order, so one forward walk converts them all.
    /// </summary>
    private sealed class CodePointCounter(StoryText text)
    {
        private int _offset, _pairs;

        public int At(int offset)
        {
            if (offset < _offset) { _offset = 0; _pairs = 0; }
            for (; _offset < offset; _offset++)
                if (char.IsLowSurrogate(text[_offset]) && _offset > 0 && char.IsHighSurrogate(text[_offset - 1])) _pairs++;
            return offset - _pairs;
        }
    }
}
