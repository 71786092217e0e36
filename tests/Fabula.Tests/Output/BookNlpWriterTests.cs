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
        Assert.StartsWith("{\"characters\":[", files[3].Content);
    }

    private const string Exchange =
        "Ada walked into the kitchen. She looked at her brother.\n\n" +
        "“Where is the lantern?” Ada asked.\n\n" +
        "“Gone,” said Tom. He shrugged.\n\n" +
        "Ada frowned at him. Tom was lying, and she knew it.";

    [Fact]
    public void Entities_are_the_cast_mentions_with_their_character_and_kind()
    {
        var story = Pipeline.Default.Run(Exchange);
        var cast = story.Get<Fabula.Cast.CastList>();
        int ada = cast.Characters.Single(c => c.Name == "Ada").Index;
        int tom = cast.Characters.Single(c => c.Name == "Tom").Index;
        string[] rows = BookNlpWriter.Entities(story, story.Layer<Token>()).TrimEnd('\n').Split('\n');

        Assert.Contains(rows, r => r.StartsWith($"{ada}\t") && r.EndsWith("\tPROP\tPER\tAda"));
        Assert.Contains(rows, r => r.StartsWith($"{ada}\t") && r.EndsWith("\tPRON\tPER\tShe"));
        Assert.Contains(rows, r => r.StartsWith($"{tom}\t") && r.EndsWith("\tPRON\tPER\tHe"));
        foreach (string row in rows.Skip(1)) Assert.Equal(6, row.Split('\t').Length);
    }

    [Fact]
    public void Quotes_name_the_speaker_and_the_mention_in_the_speech_tag()
    {
        var story = Pipeline.Default.Run(Exchange);
        var cast = story.Get<Fabula.Cast.CastList>();
        int ada = cast.Characters.Single(c => c.Name == "Ada").Index;
        int tom = cast.Characters.Single(c => c.Name == "Tom").Index;
        var tokens = story.Layer<Token>();
        string[] rows = BookNlpWriter.Quotes(story, tokens).TrimEnd('\n').Split('\n');

        Assert.Equal(3, rows.Length);
        string[] first = rows[1].Split('\t'), second = rows[2].Split('\t');
        Assert.Equal(("Ada", ada.ToString()), (first[4], first[5]));
        Assert.Equal(("Tom", tom.ToString()), (second[4], second[5]));
        // The mention's token range is the tag's name, after the quotation.
        Assert.Equal("Tom", story.Text.Copy(tokens[int.Parse(second[2])].Span));
        Assert.True(int.Parse(second[2]) > int.Parse(second[1]));
    }

    [Fact]
    public void Book_gives_each_character_its_forms_and_pronoun_shares()
    {
        var story = Pipeline.Default.Run(Exchange);
        using var book = System.Text.Json.JsonDocument.Parse(BookNlpWriter.Book(story));
        var tom = book.RootElement.GetProperty("characters").EnumerateArray()
            .Single(c => c.GetProperty("mentions").GetProperty("proper").EnumerateArray().Any(m => m.GetProperty("n").GetString() == "Tom"));

        Assert.Equal(2, tom.GetProperty("mentions").GetProperty("proper")[0].GetProperty("c").GetInt32());
        Assert.Equal("he/him/his", tom.GetProperty("g").GetProperty("argmax").GetString());
        Assert.Equal(0, tom.GetProperty("agent").GetArrayLength());
    }
}
