using System.Text;
using System.Text.Json;
using Fabula.Cast;
using Fabula.Dialogue;
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
            (name + ".entities", Entities(story, tokens)),
            (name + ".quotes", Quotes(story, tokens)),
            (name + ".book", Book(story)),
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

    /// <summary>
    /// One row per character mention (names, descriptions, pronouns; those the cast stage resolved):
    /// COREF (the character's index in the cast list), start_token, end_token, prop (PROP, NOM, PRON),
    /// cat (PER), text.
    /// </summary>
    internal static string Entities(Story story, SpanLayer<Token> tokens)
    {
        var tsv = new StringBuilder("COREF\tstart_token\tend_token\tprop\tcat\ttext\n");
        if (!story.Has<Mention>()) return tsv.ToString();
        foreach (ref readonly var mention in story.Layer<Mention>().Items)
        {
            if (mention.Character < 0) continue;
            var (from, to) = tokens.Within(mention.Span);
            if (from >= to) continue;
            tsv.Append(mention.Character).Append('\t').Append(from).Append('\t').Append(to - 1).Append('\t')
               .Append(mention.Kind switch { MentionKind.Name => "PROP", MentionKind.Nominal => "NOM", _ => "PRON" }).Append("\tPER\t");
            AppendTokens(tsv, story.Text, tokens, from, to);
            tsv.Append('\n');
        }
        return tsv.ToString();
    }

    /// <summary>
    /// One row per quotation: quote_start, quote_end, mention_start, mention_end, mention_phrase, char_id, quote.
    /// The mention is the speaker's mention nearest the quotation in its paragraph, outside it (the speech
    /// tag or the beat); char_id the speaker's COREF. Unknown speakers, and speakers never mentioned
    /// beside the quotation, give None for what is unknown.
    /// </summary>
    internal static string Quotes(Story story, SpanLayer<Token> tokens)
    {
        var text = story.Text;
        var attributions = story.Has<Attribution>() ? story.Layer<Attribution>() : null;
        var mentions = story.Has<Mention>() ? story.Layer<Mention>() : null;
        var paragraphs = story.Layer<Paragraph>();
        var tsv = new StringBuilder("quote_start\tquote_end\tmention_start\tmention_end\tmention_phrase\tchar_id\tquote\n");
        var quotes = story.Layer<Quotation>();
        int a = 0;
        for (int q = 0; q < quotes.Count; q++)
        {
            var quote = quotes[q];
            var (from, to) = tokens.Within(quote.Span);
            if (from >= to) continue; // BookNLP's quotes are token ranges; one with no token has none
            while (attributions is not null && a < attributions.Count && attributions[a].Quotation < q) a++;
            int speaker = attributions is not null && a < attributions.Count && attributions[a].Quotation == q ? attributions[a].Speaker : -1;
            tsv.Append(from).Append('\t').Append(to - 1).Append('\t');
            int tag = speaker >= 0 && mentions is not null ? NearestMention(mentions, quote, speaker, paragraphs) : -1;
            var (mentionFrom, mentionTo) = tag >= 0 ? tokens.Within(mentions![tag].Span) : (0, 0);
            if (mentionFrom < mentionTo)
            {
                tsv.Append(mentionFrom).Append('\t').Append(mentionTo - 1).Append('\t');
                AppendTokens(tsv, text, tokens, mentionFrom, mentionTo);
                tsv.Append('\t');
            }
            else tsv.Append("None\tNone\tNone\t");
            if (speaker >= 0) tsv.Append(speaker); else tsv.Append("None");
            tsv.Append('\t');
            AppendTokens(tsv, text, tokens, from, to);
            tsv.Append('\n');
        }
        return tsv.ToString();
    }

    /// <summary>The speaker's mention outside the quotation and inside its paragraphs nearest to it, or -1.</summary>
    private static int NearestMention(SpanLayer<Mention> mentions, Quotation quote, int speaker, SpanLayer<Paragraph> paragraphs)
    {
        var area = TextSpan.FromBounds(paragraphs[quote.Paragraph].Span.Start, paragraphs[quote.LastParagraph].Span.End);
        int best = -1, bestDistance = int.MaxValue;
        int first = mentions.FirstStartingAtOrAfter(quote.Span.End);
        for (int m = first; m < mentions.Count && mentions[m].Span.Start < area.End; m++)
            if (mentions[m].Character == speaker) { best = m; bestDistance = mentions[m].Span.Start - quote.Span.End; break; }
        for (int m = mentions.FirstStartingAtOrAfter(quote.Span.Start) - 1; m >= 0 && mentions[m].Span.Start >= area.Start; m--)
        {
            if (mentions[m].Character != speaker || mentions[m].Span.End > quote.Span.Start) continue;
            if (quote.Span.Start - mentions[m].Span.End < bestDistance) best = m;
            break;
        }
        return best;
    }

    /// <summary>
    /// BookNLP's character summary: per character its id (COREF), mention count, the forms it is named by
    /// (proper, common, pronoun, each {"c": count, "n": text}), and "g", its referential gender as BookNLP
    /// gives it (the share of each pronoun set among the pronouns resolved to it). agent, patient, mod and
    /// poss need a parser and are empty.
    /// </summary>
    internal static string Book(Story story)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("characters");
            if (story.Find<CastList>() is { } cast)
            {
                var forms = FormsByKind(story, cast.Count);
                foreach (var c in cast.Characters)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", c.Index);
                    json.WriteNumber("count", c.MentionCount);
                    json.WriteStartObject("mentions");
                    foreach (var (kind, label) in new[] { (MentionKind.Name, "proper"), (MentionKind.Nominal, "common"), (MentionKind.Pronoun, "pronoun") })
                    {
                        json.WriteStartArray(label);
                        foreach (var (form, count) in forms[c.Index][(int)kind].OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal))
                        {
                            json.WriteStartObject();
                            json.WriteNumber("c", count);
                            json.WriteString("n", form);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                    WriteGender(json, c);
                    foreach (string empty in new[] { "agent", "patient", "mod", "poss" })
                    {
                        json.WriteStartArray(empty);
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Per character and mention kind, each text form (lower-cased for pronouns and descriptions) with its count.</summary>
    private static Dictionary<string, int>[][] FormsByKind(Story story, int characters)
    {
        var forms = new Dictionary<string, int>[characters][];
        for (int c = 0; c < characters; c++) forms[c] = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        if (!story.Has<Mention>()) return forms;
        foreach (ref readonly var m in story.Layer<Mention>().Items)
        {
            if (m.Character < 0 || m.Character >= characters) continue;
            string form = story.Text.Copy(m.Span);
            if (m.Kind != MentionKind.Name) form = form.ToLowerInvariant();
            var counts = forms[m.Character][(int)m.Kind];
            counts[form] = counts.GetValueOrDefault(form) + 1;
        }
        return forms;
    }

    /// <summary>BookNLP's names for the pronoun sets it infers.</summary>
    private static string BookNlpPronouns(string set) => set switch
    {
        "he/him" => "he/him/his",
        "she/her" => "she/her",
        "they/them" => "they/them/their",
        "xe/xem" => "xe/xem/xyr",
        "ze/zir" => "ze/zem/zir",
        _ => set,
    };

    private static void WriteGender(Utf8JsonWriter json, Character c)
    {
        int total = 0;
        foreach (int n in c.PronounCounts.Values) total += n;
        if (total == 0 || c.Pronouns is null)
        {
            json.WriteNull("g");
            return;
        }
        json.WriteStartObject("g");
        json.WriteStartObject("inference");
        foreach (var (set, n) in c.PronounCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            json.WriteNumber(BookNlpPronouns(set), Math.Round((double)n / total, 3));
        json.WriteEndObject();
        json.WriteString("argmax", BookNlpPronouns(c.Pronouns));
        json.WriteNumber("max", Math.Round((double)c.PronounCounts.GetValueOrDefault(c.Pronouns) / total, 3));
        json.WriteNumber("total", total);
        json.WriteEndObject();
    }

    private static void AppendTokens(StringBuilder tsv, StoryText text, SpanLayer<Token> tokens, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (t > from) tsv.Append(' ');
            AppendWord(tsv, text[tokens[t].Span]);
        }
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
