using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class DocxReadingTests
{
    private static ReadDocument Read(byte[] docx) => StoryReader.Read(docx, "docx", "story.docx");

    [Fact]
    public void Paragraphs_runs_and_breaks_become_story_text_and_headings_chapter_marks()
    {
        var document = Read(Bindery.Docx("The Lantern Keeper", "Fabula Sampler",
            "Title|The Lantern Keeper",
            "Heading1|Chapter 1: The Storm",
            "Mara turned twelve.",
            "“Go,” said Tobias.\nShe went.",
            "",
            "Heading2|The Keepers",
            "The council met."));
        Assert.Equal("The Lantern Keeper", document.Source.Title);
        Assert.Equal("Fabula Sampler", document.Source.Author);
        Assert.Equal("The Lantern Keeper\n\nChapter 1: The Storm\n\nMara turned twelve.\n\n“Go,” said Tobias.\nShe went.\n\nThe Keepers\n\nThe council met.", document.Text);
        Assert.Equal("Chapter 1: The Storm@Chapter 1: The Storm | The Keepers@The Keepers", Bindery.Marks(document));
    }

    [Fact]
    public void Without_core_properties_the_title_paragraph_is_the_title()
    {
        var document = Read(Bindery.Docx(null, null, "Title|Wick", "Mara trimmed the wick."));
        Assert.Equal("Wick", document.Source.Title);
        Assert.Null(document.Source.Author);
    }

    [Fact]
    public void Localized_heading_styles_are_found_through_styles_xml()
    {
        var parts = Bindery.DocxParts(null, null, "berschrift1|Kapitel 1", "Mara lief.");
        byte[] docx = Bindery.Zip([.. parts, ("word/styles.xml", """
            <?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style></w:styles>
            """)]);
        Assert.Equal("Kapitel 1@Kapitel 1", Bindery.Marks(Read(docx)));
    }

    [Fact]
    public void Refuses_a_zip_without_a_document_part()
    {
        var e = Assert.Throws<FabulaInputException>(() => Read(Bindery.Zip(("word/other.xml", "<x/>"))));
        Assert.Equal("story.docx is not a DOCX: it has no word/document.xml", e.Message);
    }
}
