using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class EpubReadingTests
{
    private static ReadDocument Read(byte[] epub) => StoryReader.Read(epub, "epub", "story.epub");

    [Fact]
    public void Spine_documents_in_order_each_start_a_chapter()
    {
        var document = Read(Bindery.Epub("The Lantern Keeper", "Fabula Sampler",
            ("cover.xhtml", """<div><img src="cover.jpg" alt="Cover"/></div>"""),
            ("ch1.xhtml", """<h2>The Storm</h2><p>Mara turned <em>twelve</em>.</p><p>“Go,” said Tobias.</p>"""),
            ("ch2.xhtml", """<p>Two weeks later, the council met.</p>""")));
        Assert.Equal("The Lantern Keeper", document.Source.Title);
        Assert.Equal("Fabula Sampler", document.Source.Author);
        Assert.Equal("epub", document.Source.Format);
        Assert.Equal("The Storm\n\nMara turned twelve.\n\n“Go,” said Tobias.\n\nTwo weeks later, the council met.", document.Text);
        // A heading names its chapter; without one, the table of contents does.
        Assert.Equal("The Storm@The Storm | Part 3@Two weeks later, the", Bindery.Marks(document));
        Assert.DoesNotContain("Contents", document.Text); // the nav document
    }

    [Fact]
    public void Documents_the_table_of_contents_leaves_out_continue_a_chapter()
    {
        var parts = Bindery.EpubParts("T", "A",
            ("ch1.xhtml", "<p>Mara ran.</p>"), ("ch1_split_001.xhtml", "<p>She kept running.</p>"), ("ch2.xhtml", "<p>Wren slept.</p>"));
        int nav = Array.FindIndex(parts, p => p.Name == "OEBPS/nav.xhtml");
        parts[nav] = (parts[nav].Name, parts[nav].Text.Replace("""<li><a href="ch1_split_001.xhtml">Part 2</a></li>""", ""));
        var document = StoryReader.Read(Bindery.Zip(parts), "epub", "split.epub");
        Assert.Equal("Part 1@Mara ran. | Part 3@Wren slept.", Bindery.Marks(document));
    }

    [Fact]
    public void An_epub2_ncx_names_the_chapters()
    {
        var parts = Bindery.EpubParts("T", "A", ("a.xhtml", "<p>Mara ran.</p>"), ("b.xhtml", "<p>Wren slept.</p>")).ToList();
        parts.RemoveAll(p => p.Name == "OEBPS/nav.xhtml");
        int opf = parts.FindIndex(p => p.Name == "OEBPS/content.opf");
        parts[opf] = (parts[opf].Name, parts[opf].Text
            .Replace("""<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>""",
                """<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>""")
            .Replace("""<itemref idref="nav"/>""", "").Replace("<spine>", """<spine toc="ncx">"""));
        parts.Add(("OEBPS/toc.ncx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><docTitle><text>T</text></docTitle><navMap>
            <navPoint id="n1" playOrder="1"><navLabel><text>The Run</text></navLabel><content src="a.xhtml"/></navPoint>
            <navPoint id="n2" playOrder="2"><navLabel><text>The Sleep</text></navLabel><content src="b.xhtml#start"/></navPoint>
            </navMap></ncx>
            """));
        var document = StoryReader.Read(Bindery.Zip([.. parts]), "epub", "old.epub");
        Assert.Equal("The Run@Mara ran. | The Sleep@Wren slept.", Bindery.Marks(document));
    }

    [Fact]
    public void A_titlepage_with_story_length_text_is_kept()
    {
        string longText = string.Concat(Enumerable.Repeat("<p>Mara climbed the hundred and twelve steps to the lamp.</p>", 40));
        var document = Read(Bindery.Epub("T", "A", ("titlepage.xhtml", longText)));
        Assert.StartsWith("Mara climbed", document.Text);
    }

    [Fact]
    public void Reads_an_ao3_epub_preface_as_declared_tags_not_story_text()
    {
        var document = Read(Bindery.Epub("Wick", "Tess",
            ("preface.xhtml", """
                <div id="preface"><p class="message"><b>Wick</b><br/>Posted originally on the Archive of Our Own.</p>
                <div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">Mature</a></dd>
                <dt>Archive Warning:</dt><dd><a href="#">Graphic Depictions Of Violence</a>, <a href="#">Major Character Death</a></dd>
                <dt>Relationship:</dt><dd><a href="#">Mara Quill &amp; Old Wren</a></dd></dl>
                <h1>Wick</h1><div class="byline">by <a rel="author" href="#">Tess</a></div>
                <p>Summary</p><blockquote class="userstuff"><p>The lamp goes out.</p></blockquote>
                <p>Notes</p><blockquote class="userstuff"><p>For my sister.</p></blockquote></div></div>
                """),
            ("chapter1.xhtml", """
                <div id="chapters" class="userstuff"><div class="meta group"><h2 class="heading">Chapter 1: Oil</h2>
                <p>Chapter Notes</p><blockquote class="userstuff"><p>Short one.</p></blockquote></div>
                <div class="userstuff"><p>Mara poured the oil.</p></div></div>
                """),
            ("afterword.xhtml", """<div id="afterword"><div class="meta"><div id="endnotes"><p>End Notes</p><blockquote class="userstuff"><p>Thanks!</p></blockquote></div></div></div>""")));
        Assert.Equal("Chapter 1: Oil\n\nMara poured the oil.", document.Text);
        Assert.Equal("Chapter 1: Oil@Chapter 1: Oil", Bindery.Marks(document));
        var tags = document.Source.Declared!;
        Assert.Equal("Mature", tags.Rating);
        Assert.Equal(["Graphic Depictions Of Violence", "Major Character Death"], tags.ArchiveWarnings);
        Assert.Equal(["Mara Quill & Old Wren"], tags.Relationships);
        Assert.Equal("The lamp goes out.", tags.Summary);
        Assert.Equal(["For my sister.", "Short one.", "Thanks!"], tags.Notes);
    }

    [Fact]
    public void Refuses_a_zip_that_is_not_an_epub()
    {
        var e = Assert.Throws<FabulaInputException>(() => Read(Bindery.Zip(("hello.txt", "hi"))));
        Assert.Equal("story.epub is not an EPUB: it has no META-INF/container.xml", e.Message);
    }

    [Fact]
    public void Refuses_bytes_that_are_not_a_zip()
    {
        var e = Assert.Throws<FabulaInputException>(() => Read("just text, no zip"u8.ToArray()));
        Assert.StartsWith("story.epub is not a readable EPUB", e.Message);
    }
}
