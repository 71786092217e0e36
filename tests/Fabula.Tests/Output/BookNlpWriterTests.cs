using Fabula.Output;
using Fabula.Quotations;
using Fabula.Reading;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Tests.Output;

public sealed class BookNlpWriterTests
{
    /// <summary>A story with hand-made sentence, token and quotation layers, so the test does not wait on those stages.</summary>
    private static Story Tiny(string text, (int Start, int End)[] sentences, (int Start, int End)[] tokens, (int Start, int End)[] quotes)
    {
        var story = new Story(new ReadDocument(text, StorySource.Plain()));
        new ParagraphFinder().Run(story);
        var paragraphs = story.Layer<Paragraph>();
        var s = new List<Sentence>();
        foreach (var (start, end) in sentences) s.Add(new Sentence(TextSpan.FromBounds(start, end), paragraphs.IndexAt(start)));
        story.Add(s);
        var t = new List<Token>();
        foreach (var (start, end) in tokens) t.Add(new Token(TextSpan.FromBounds(start, end), TokenKind.Word));
        story.Add(t);
        var q = new List<Quotation>();
        foreach (var (start, end) in quotes) q.Add(new Quotation(TextSpan.FromBounds(start, end), paragraphs.IndexAt(start), paragraphs.IndexAt(end - 1)));
        story.Add(q);
        return story;
    }

    [Fact]
    public void Tokens_have_booknlps_columns_ids_and_code_point_offsets()
    {
        // "🦊" is two UTF-16 units and one code point: the offsets after it differ by one.
        const string Text = "Ada ran. 🦊 Yes.\n\nBo sat.";
        var story = Tiny(Text, [(0, 8), (12, 16), (18, 25)],
            [(0, 3), (4, 7), (7, 8), (9, 11), (12, 15), (15, 16), (18, 20), (21, 24), (24, 25)], []);
        string[] rows = BookNlpWriter.Tokens(story).TrimEnd('\n').Split('\n');
        Assert.Equal("paragraph_ID\tsentence_ID\ttoken_ID_within_sentence\ttoken_ID_within_document\tword\tlemma\tbyte_onset\tbyte_offset\tPOS_tag\tfine_POS_tag\tdependency_relation\tsyntactic_head_ID\tevent", rows[0]);
        Assert.Equal("0\t0\t0\t0\tAda\tNone\t0\t3\tNone\tNone\tNone\tNone\tO", rows[1]);
        Assert.Equal("0\t0\t2\t2\t.\tNone\t7\t8\tNone\tNone\tNone\tNone\tO", rows[3]);
        // The fox lies outside every sentence: it gets a sentence of its own.
        Assert.Equal("0\t1\t0\t3\t🦊\tNone\t9\t10\tNone\tNone\tNone\tNone\tO", rows[4]);
        Assert.Equal("0\t2\t0\t4\tYes\tNone\t11\t14\tNone\tNone\tNone\tNone\tO", rows[5]);
        Assert.Equal("1\t3\t0\t6\tBo\tNone\t17\t19\tNone\tNone\tNone\tNone\tO", rows[7]);
        Assert.Equal(10, rows.Length);
        foreach (string row in rows) Assert.Equal(13, row.Split('\t').Length);
    }

    [Fact]
    public void Quotes_are_inclusive_token_ranges_with_none_for_an_unknown_speaker()
    {
        const string Text = "“Run,” said Ada.";
        var story = Tiny(Text, [(0, 16)], [(0, 1), (1, 4), (4, 5), (5, 6), (7, 11), (12, 15), (15, 16)], [(0, 6)]);
        string quotes = BookNlpWriter.Quotes(story, story.Layer<Token>());
        Assert.Equal("quote_start\tquote_end\tmention_start\tmention_end\tmention_phrase\tchar_id\tquote\n" +
                     "0\t3\tNone\tNone\tNone\tNone\t“ Run , ”\n", quotes);
    }

    [Fact]
    public void Writes_the_four_files_with_booknlps_headers()
    {
        var files = BookNlpWriter.Write(Pipeline.Default.Run("“Run,” said Ada."), "ada");
        Assert.Equal(["ada.tokens", "ada.entities", "ada.quotes", "ada.book"], files.Select(f => f.FileName));
        Assert.StartsWith("COREF\tstart_token\tend_token\tprop\tcat\ttext\n", files[1].Content);
        Assert.StartsWith("{\"characters\": [", files[3].Content);
    }
}
