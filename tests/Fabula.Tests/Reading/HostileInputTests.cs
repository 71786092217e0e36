using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class HostileInputTests
{
    [Fact]
    public void A_zip_bomb_is_refused_quickly()
    {
        // 200 MB of zeros deflate to about 200 KB: an entry that inflates a thousand times over.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in Bindery.EpubParts("Bomb", "Nobody", ("chapter.xhtml", "<p>placeholder</p>")))
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                if (name != "OEBPS/chapter.xhtml") { stream.Write(Encoding.UTF8.GetBytes(text)); continue; }
                var zeros = new byte[1024 * 1024];
                for (int i = 0; i < 200; i++) stream.Write(zeros);
            }
        }
        byte[] bomb = buffer.ToArray();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(bomb, "epub", "bomb.epub"));
        Assert.Equal("bomb.epub: entry OEBPS/chapter.xhtml inflates more than 100 times its compressed size: refused as a likely zip bomb", e.Message);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Throws<FabulaInputException>(() => StoryReader.Read(bomb, "auto"));
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var entries = new List<(string, string)>();
        for (int i = 0; i <= SafeArchive.MaxEntries; i++) entries.Add(($"word/media/{i}.xml", ""));
        entries.Add(("word/document.xml", "<x/>"));
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(Bindery.Zip([.. entries]), "docx", "many.docx"));
        Assert.Equal($"many.docx has {SafeArchive.MaxEntries + 2} entries in its zip container, over the limit of {SafeArchive.MaxEntries}", e.Message);
    }

    [Fact]
    public void Entries_whose_paths_leave_the_archive_are_ignored()
    {
        var parts = Bindery.EpubParts("Slip", "Nobody", ("chapter.xhtml", "<p>Mara ran.</p>")).ToList();
        // The package lists the escaping documents in its spine; the archive holds them under those names.
        int opf = parts.FindIndex(p => p.Name == "OEBPS/content.opf");
        parts[opf] = (parts[opf].Name, parts[opf].Text
            .Replace("<manifest>", """<manifest><item id="evil" href="../../evil.xhtml" media-type="application/xhtml+xml"/><item id="abs" href="/etc/evil.xhtml" media-type="application/xhtml+xml"/>""")
            .Replace("<spine>", """<spine><itemref idref="evil"/><itemref idref="abs"/>"""));
        parts.Add(("../evil.xhtml", Bindery.Xhtml("<p>EVIL from outside</p>")));
        parts.Add(("/etc/evil.xhtml", Bindery.Xhtml("<p>EVIL absolute</p>")));
        parts.Add(("OEBPS/../../evil.xhtml", Bindery.Xhtml("<p>EVIL climbing</p>")));
        var document = StoryReader.Read(Bindery.Zip([.. parts]), "epub", "slip.epub");
        Assert.Equal("Mara ran.", document.Text);
        Assert.False(SafeArchive.IsInside("../evil.xhtml", out _));
        Assert.False(SafeArchive.IsInside("a/../../evil.xhtml", out _));
        Assert.False(SafeArchive.IsInside("C:\\evil.xhtml", out _));
        Assert.True(SafeArchive.IsInside("OEBPS/./text/../ch1.xhtml", out string inside));
        Assert.Equal("OEBPS/ch1.xhtml", inside);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        string secret = Path.Combine(Path.GetTempPath(), $"fabula-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOPSECRET");
        try
        {
            string uri = new Uri(secret).AbsoluteUri;
            string document = $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{uri}">]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
                <w:p><w:r><w:t>Mara ran. &xxe;</w:t></w:r></w:p></w:body></w:document>
                """;
            byte[] docx = Bindery.Zip(("word/document.xml", document));
            AssertRefusedOrClean(() => StoryReader.Read(docx, "docx", "xxe.docx"), "TOPSECRET");

            var epubParts = Bindery.EpubParts("T", "A", ("c.xhtml", "<p>Mara ran.</p>")).ToList();
            int c = epubParts.FindIndex(p => p.Name == "OEBPS/c.xhtml");
            epubParts[c] = (epubParts[c].Name, $"""<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]><html><body><p>Mara ran. &xxe;</p></body></html>""");
            int o = epubParts.FindIndex(p => p.Name == "OEBPS/content.opf");
            epubParts[o] = (epubParts[o].Name, epubParts[o].Text.Replace("<dc:title>T</dc:title>", "<dc:title>T &xxe;</dc:title>")
                .Replace("<package ", $"<!DOCTYPE package [<!ENTITY xxe SYSTEM \"{uri}\">]>\n<package "));
            AssertRefusedOrClean(() => StoryReader.Read(Bindery.Zip([.. epubParts]), "epub", "xxe.epub"), "TOPSECRET");
        }
        finally { File.Delete(secret); }
    }

    [Fact]
    public void Entity_expansion_bombs_are_refused()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        laughs.Append("]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        var clock = Stopwatch.StartNew();
        Assert.Throws<FabulaInputException>(() => StoryReader.Read(Bindery.Zip(("word/document.xml", laughs.ToString())), "docx", "lol.docx"));
        Assert.True(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("html")]
    [InlineData("md")]
    public void Deep_nesting_does_not_overflow_the_stack(string format)
    {
        const int depth = 100_000;
        string text = format == "html"
            ? string.Concat(Enumerable.Repeat("<div><span>", depth)) + "Mara ran." + string.Concat(Enumerable.Repeat("</span></div>", depth))
            : new string('>', depth / 10) + " Mara ran.\n\n" + string.Concat(Enumerable.Repeat("*a ", 20_000)) + "\n\n" + string.Concat(Enumerable.Repeat("[", 50_000));
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(Encoding.UTF8.GetBytes(text), format, "deep"));
        Assert.Equal(format == "html" ? "deep: its HTML nests elements more than 1000 deep, which no story needs; refused"
            : "deep: its Markdown is nested too deeply to read", e.Message);
        Assert.True(clock.ElapsedMilliseconds < 15_000, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Nesting_a_book_might_use_is_read()
    {
        string html = string.Concat(Enumerable.Repeat("<div><blockquote>", 200)) + "<p>Mara ran.<p>Wren slept." + string.Concat(Enumerable.Repeat("</blockquote></div>", 200))
            + string.Concat(Enumerable.Repeat("<p>Unclosed paragraph.<li>item", 3000)) + "<script>if (a<b) { x = '<div><div>'; }</script>";
        var document = StoryReader.Read(Encoding.UTF8.GetBytes(html), "html", "nested.html");
        Assert.StartsWith("Mara ran.\n\nWren slept.", document.Text);
    }

    [Fact]
    public void Deeply_nested_docx_and_epub_parts_are_read_or_refused()
    {
        const int depth = 100_000;
        string nested = string.Concat(Enumerable.Repeat("<w:p><w:r>", depth)) + "<w:t>Mara</w:t>" + string.Concat(Enumerable.Repeat("</w:r></w:p>", depth));
        byte[] docx = Bindery.Zip(("word/document.xml", $"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{nested}</w:body></w:document>"));
        AssertRefusedOrClean(() => StoryReader.Read(docx, "docx", "deep.docx"), "\0");
        byte[] epub = Bindery.Epub("T", "A", ("c.xhtml", string.Concat(Enumerable.Repeat("<blockquote>", depth)) + "Mara"));
        AssertRefusedOrClean(() => StoryReader.Read(epub, "epub", "deep.epub"), "\0");
    }

    private static void AssertRefusedOrClean(Func<ReadDocument> read, string mustNotAppear)
    {
        ReadDocument document;
        try { document = read(); }
        catch (FabulaInputException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            Assert.DoesNotContain(mustNotAppear, e.Message);
            return;
        }
        Assert.DoesNotContain(mustNotAppear, document.Text);
        Assert.DoesNotContain(mustNotAppear, document.Source.Title ?? "");
    }
}
