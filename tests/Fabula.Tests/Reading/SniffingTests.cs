using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class SniffingTests
{
    [Fact]
    public void Auto_tells_each_format_from_its_bytes()
    {
        Assert.Equal("docx", StoryReader.Read(Bindery.Docx("T", "A", "Mara ran."), "auto").Source.Format);
        Assert.Equal("epub", StoryReader.Read(Bindery.Epub("T", "A", ("c.xhtml", "<p>Mara ran.</p>")), "auto").Source.Format);
        Assert.Equal("html", StoryReader.Read(Encoding.UTF8.GetBytes("\n <!DOCTYPE html><p>Mara ran.</p>"), "auto").Source.Format);
        Assert.Equal("html", StoryReader.Read(Encoding.UTF8.GetBytes("<html><body>Mara ran.</body></html>"), "auto").Source.Format);
        Assert.Equal("txt", StoryReader.Read(Encoding.UTF8.GetBytes("Mara ran to the <lamp>."), "auto").Source.Format);
    }

    [Fact]
    public void An_epub_without_container_is_still_known_by_its_mimetype()
    {
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(Bindery.Zip(("mimetype", "application/epub+zip")), "auto"));
        Assert.Equal("standard input is not an EPUB: it has no META-INF/container.xml", e.Message);
    }

    [Fact]
    public void A_zip_of_something_else_is_refused()
    {
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(Bindery.Zip(("a.txt", "Mara ran.")), "auto"));
        Assert.Equal("standard input is a zip archive but neither an EPUB nor a DOCX", e.Message);
    }

    [Fact]
    public void Unknown_formats_and_extensions_are_input_errors()
    {
        Assert.Throws<FabulaInputException>(() => StoryReader.Read("x"u8.ToArray(), "pdf"));
        Assert.Throws<FabulaInputException>(() => StoryReader.FormatOf("story.pdf"));
        Assert.Equal("html", StoryReader.FormatOf("Chapter.XHTML"));
    }
}
