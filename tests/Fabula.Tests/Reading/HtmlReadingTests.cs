using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class HtmlReadingTests
{
    private static ReadDocument Read(string html) => StoryReader.Read(Encoding.UTF8.GetBytes(html), "html", "story.html");

    [Theory]
    [InlineData("<p>Mara   ran\n  to the <em>lamp</em>.</p><p>Wren slept.</p>", "Mara ran to the lamp.\n\nWren slept.")]
    [InlineData("<div>One<br>two<br/>three</div>", "One\ntwo\nthree")]
    [InlineData("<p>Tom &amp; Jerry &mdash; &ldquo;hi&rdquo; &#233;</p>", "Tom & Jerry — “hi” é")]
    [InlineData("<p>Before</p><script>var x = '<p>no</p>';</script><style>p{}</style><p>After</p>", "Before\n\nAfter")]
    [InlineData("<p>One.</p><hr><p>Two.</p>", "One.\n\n* * *\n\nTwo.")]
    [InlineData("<p>Para one.<br><br>Para two.</p>", "Para one.\n\nPara two.")]
    [InlineData("<p>&nbsp;</p><p>Text</p><p> </p>", "Text")]
    [InlineData("<pre>line one\n  indented</pre>", "line one\n  indented")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo")]
    [InlineData("<p>unclosed <b>bold <i>both</p><p>next", "unclosed bold both\n\nnext")]
    public void Blocks_become_paragraphs(string html, string expected) => Assert.Equal(expected, Read(html).Text);

    [Fact]
    public void Repeated_heading_level_is_the_chapter_level_and_the_lone_h1_the_title()
    {
        var document = Read("""
            <html><head><title>Lantern (web copy)</title><meta name="author" content="F. Sampler"></head><body>
            <h1>The Lantern Keeper</h1>
            <h2>The Storm</h2><p>Mara turned twelve.</p>
            <h2>The Keepers</h2><p>The council met.</p><h3>A note</h3><p>More.</p>
            </body></html>
            """);
        Assert.Equal("The Lantern Keeper", document.Source.Title);
        Assert.Equal("F. Sampler", document.Source.Author);
        Assert.Equal("The Storm@The Storm | The Keepers@The Keepers", Bindery.Marks(document));
        Assert.Null(document.Source.Declared);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_in_the_declared_charset()
    {
        var latin = System.Text.Encoding.Latin1;
        byte[] iso = latin.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café au lait, señor.</p></body></html>");
        Assert.Equal("Café au lait, señor.", StoryReader.Read(iso, "html", "a.html").Text);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cyrillic = System.Text.Encoding.GetEncoding("windows-1251");
        byte[] russian = cyrillic.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?><html><body><p>Маяк горел.</p></body></html>");
        Assert.Equal("Маяк горел.", StoryReader.Read(russian, "html", "b.html").Text);
    }

    [Fact]
    public void Without_headings_the_title_element_is_the_title()
    {
        var document = Read("<html><head><title>Lantern</title></head><body><p>Mara ran.</p></body></html>");
        Assert.Equal("Lantern", document.Source.Title);
        Assert.Empty(document.Source.ChapterMarks);
    }

    [Fact]
    public void Reads_an_ao3_download_tags_chapters_and_notes_apart_from_the_story()
    {
        var document = StoryReader.ReadFile(Samples.Path("the-lantern-keeper-ao3.html"));
        var source = document.Source;
        Assert.Equal("The Lantern Keeper", source.Title);
        Assert.Equal("fabula_sampler", source.Author);
        var tags = source.Declared!;
        Assert.Equal("Teen And Up Audiences", tags.Rating);
        Assert.Equal(["Major Character Death"], tags.ArchiveWarnings);
        Assert.Equal(["Gen"], tags.Categories);
        Assert.Equal(["Saltmere Tales"], tags.Fandoms);
        Assert.Empty(tags.Relationships);
        Assert.Equal(["Mara Quill", "Tobias Quill", "Old Wren", "Elias Quill", "Councillor Ash"], tags.Characters);
        Assert.Equal(["Minor Character Death", "Found Family", "Lighthouses", "Storms", "Coming of Age"], tags.AdditionalTags);
        Assert.StartsWith("On the night the storm takes the harbour lights", tags.Summary);
        Assert.Equal(4, tags.Notes.Count);

        Assert.Equal("Chapter 1: The Storm@Chapter 1: The Storm | Chapter 2: The Keepers@Chapter 2: The Keepe", Bindery.Marks(document));
        Assert.StartsWith("Chapter 1: The Storm\n\nMara Quill turned twelve", document.Text);
        Assert.EndsWith("carried the lantern at the front of the procession.", document.Text);
        Assert.Contains("took her coat from the hook.\n\n* * *\n\nThe path to the lighthouse", document.Text);
        foreach (string apparatus in new[] { "Posted originally", "Summary", "Notes", "Teen And Up", "storms, so the weather",
                     "Thank you for reading", "Comments are always welcome", "See the end", "fabula_sampler", "Preface", "Afterword" })
            Assert.DoesNotContain(apparatus, document.Text);
    }

    [Fact]
    public void The_ao3_sample_has_the_same_story_text_as_the_plain_sample()
    {
        string plain = StoryReader.ReadFile(Samples.Path("the-lantern-keeper.txt")).Text;
        string ao3 = StoryReader.ReadFile(Samples.Path("the-lantern-keeper-ao3.html")).Text;
        // The plain file opens with the title and writes its second scene break as "~"; AO3 has an <hr> for both.
        string expected = plain["The Lantern Keeper\n\n".Length..].Replace("\n\n~\n\n", "\n\n* * *\n\n").TrimEnd();
        Assert.Equal(expected, ao3);
    }

    [Fact]
    public void A_one_chapter_ao3_work_has_no_chapter_headers()
    {
        var document = Read("""
            <div id="preface"><div class="meta"><dl class="tags"><dt>Rating:</dt><dd>General Audiences</dd>
            <dt>Fandom:</dt><dd>Saltmere Tales, Gull Rock</dd></dl><h1>Wick</h1><div class="byline">by Tess</div>
            <p>Summary</p><blockquote class="userstuff"><p>A wick.</p><p>Two lines.</p></blockquote></div></div>
            <div id="chapters" class="userstuff"><div class="userstuff"><p>Mara trimmed the wick.</p></div></div>
            <div id="afterword"></div>
            """);
        Assert.Equal("Mara trimmed the wick.", document.Text);
        Assert.Equal("General Audiences", document.Source.Declared!.Rating);
        Assert.Equal(["Saltmere Tales", "Gull Rock"], document.Source.Declared.Fandoms);
        Assert.Equal("A wick.\n\nTwo lines.", document.Source.Declared.Summary);
        Assert.Equal("Wick", document.Source.Title);
        Assert.Equal("Tess", document.Source.Author);
        Assert.Empty(document.Source.ChapterMarks);
    }
}
