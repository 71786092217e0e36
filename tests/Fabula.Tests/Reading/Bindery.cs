using System.IO.Compression;
using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

/// <summary>Binds small EPUBs and DOCX files in memory, for tests: our own text, the containers' real structure.</summary>
internal static class Bindery
{
    public static byte[] Zip(params (string Name, string Text)[] entries) =>
        Zip(CompressionLevel.Optimal, entries);

    public static byte[] Zip(CompressionLevel level, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : level);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    public const string Container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """;

    /// <summary>An EPUB 3 whose spine is the given XHTML documents (file name, body), in order, with a nav document first.</summary>
    public static (string Name, string Text)[] EpubParts(string title, string author, params (string File, string Body)[] documents)
    {
        var manifest = new StringBuilder("""    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>""" + "\n");
        var spine = new StringBuilder("""    <itemref idref="nav"/>""" + "\n");
        var parts = new List<(string, string)> { ("mimetype", "application/epub+zip"), ("META-INF/container.xml", Container) };
        var navItems = new StringBuilder();
        for (int i = 0; i < documents.Length; i++)
        {
            manifest.Append($"""    <item id="d{i}" href="{documents[i].File}" media-type="application/xhtml+xml"/>""").Append('\n');
            spine.Append($"""    <itemref idref="d{i}"/>""").Append('\n');
            navItems.Append($"""<li><a href="{documents[i].File}">Part {i + 1}</a></li>""");
            parts.Add(("OEBPS/" + documents[i].File, Xhtml(documents[i].Body)));
        }
        parts.Add(("OEBPS/nav.xhtml", Xhtml($"""<nav epub:type="toc"><h1>Contents</h1><ol>{navItems}</ol></nav>""")));
        parts.Add(("OEBPS/content.opf", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="id">urn:uuid:00000000-0000-0000-0000-000000000000</dc:identifier>
                <dc:title>{title}</dc:title>
                <dc:creator>{author}</dc:creator>
                <dc:language>en</dc:language>
              </metadata>
              <manifest>
            {manifest}  </manifest>
              <spine>
            {spine}  </spine>
            </package>
            """));
        return [.. parts];
    }

    public static byte[] Epub(string title, string author, params (string File, string Body)[] documents) =>
        Zip(EpubParts(title, author, documents));

    public static string Xhtml(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
        <head><title>x</title><style>p {"{"} margin: 0 {"}"}</style></head>
        <body>{body}</body>
        </html>
        """;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A DOCX of paragraphs; a paragraph "Heading1|text" has that style.</summary>
    public static (string Name, string Text)[] DocxParts(string? title, string? author, params string[] paragraphs)
    {
        var body = new StringBuilder();
        foreach (string p in paragraphs)
        {
            int bar = p.IndexOf('|');
            string style = bar > 0 ? $"""<w:pPr><w:pStyle w:val="{p[..bar]}"/></w:pPr>""" : "";
            string text = bar > 0 ? p[(bar + 1)..] : p;
            body.Append("<w:p>").Append(style);
            // Runs split mid-word, tabs and breaks, as Word writes them.
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0) body.Append("<w:r><w:br/></w:r>");
                string line = lines[i];
                int half = line.Length / 2;
                body.Append($"""<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{Escape(line[..half])}</w:t></w:r>""");
                body.Append($"""<w:r><w:t xml:space="preserve">{Escape(line[half..])}</w:t></w:r>""");
            }
            body.Append("</w:p>");
        }
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"""),
            ("word/document.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"""),
        };
        if (title is not null || author is not null)
            parts.Add(("docProps/core.xml", $"""<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator></cp:coreProperties>"""));
        return [.. parts];
    }

    public static byte[] Docx(string? title, string? author, params string[] paragraphs) => Zip(DocxParts(title, author, paragraphs));

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// The chapter marks as "Title@the line at the mark" (its first 20 characters) — so a test sees
    /// that offsets point at the chapter's start.
    /// </summary>
    public static string Marks(ReadDocument document)
    {
        var parts = new List<string>();
        foreach (var mark in document.Source.ChapterMarks)
        {
            int end = document.Text.IndexOf('\n', mark.Start);
            if (end < 0) end = document.Text.Length;
            string at = document.Text.Substring(mark.Start, Math.Min(20, end - mark.Start));
            parts.Add($"{mark.Title ?? "-"}@{at}");
        }
        return string.Join(" | ", parts);
    }
}
