using System.Text;
using System.Xml;

namespace Fabula.Reading;

/// <summary>
/// DOCX (WordprocessingML): the paragraphs of word/document.xml (w:p, runs' w:t, w:tab, w:br),
/// Heading 1 / Heading 2 paragraphs as chapter marks, the Title paragraph and docProps/core.xml
/// for title and author. The part is read as a stream, never as a tree, so its size costs no
/// more than its text.
/// </summary>
internal static class DocxReader
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private enum Kind { Body, Chapter, Title }

    public static ReadDocument Read(byte[] bytes, string? path, string name)
    {
        using var archive = SafeArchive.Open(bytes, name, "DOCX");
        byte[] body = archive.Read("word/document.xml")
            ?? throw new FabulaInputException($"{name} is not a DOCX: it has no word/document.xml");
        // Styles and core properties only add to the story; damaged ones are passed over, not fatal.
        var styles = OrDefault(() => ReadStyles(archive.Read("word/styles.xml")), ReadStyles(null));
        var (coreTitle, author) = OrDefault(() => ReadCore(archive.Read("docProps/core.xml")), (null, null));

        var builder = new StoryTextBuilder();
        string? titleParagraph = null;
        var paragraph = new StringBuilder();
        var kind = Kind.Body;
        int depth = 0; // of nested w:p (a text box inside a paragraph)
        using var xml = SafeArchive.XmlReaderFor(body);
        xml.MoveToContent();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                // Markup compatibility: a Word 2010 drawing is written twice, as a choice and as a
                // fallback for older readers; reading both would double its text.
                if (xml.NamespaceURI == MarkupCompatibility && xml.LocalName == "Fallback") { xml.Skip(); continue; }
                if (xml.NamespaceURI == W)
                {
                    switch (xml.LocalName)
                    {
                        case "p":
                            if (depth > 0) Flush();
                            if (!xml.IsEmptyElement) depth++;
                            kind = Kind.Body;
                            break;
                        case "pStyle":
                            kind = Max(kind, styles.TryGetValue(xml.GetAttribute("val", W) ?? "", out var k) ? k : Kind.Body);
                            break;
                        case "outlineLvl":
                            if (xml.GetAttribute("val", W) is "0" or "1") kind = Max(kind, Kind.Chapter);
                            break;
                        case "t":
                            if (!xml.IsEmptyElement) { paragraph.Append(xml.ReadElementContentAsString()); continue; }
                            break;
                        case "tab" or "ptab":
                            paragraph.Append(' ');
                            break;
                        case "br" or "cr":
                            paragraph.Append(xml.GetAttribute("type", W) == "page" ? "\n\n" : "\n");
                            break;
                        case "noBreakHyphen":
                            paragraph.Append('\u2011');
                            break;
                        case "del" or "instrText" or "delText" or "footnoteReference" or "endnoteReference":
                            xml.Skip();
                            continue;
                    }
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == W && xml.LocalName == "p")
            {
                Flush();
                depth = Math.Max(0, depth - 1);
            }
            xml.Read();
        }
        Flush();
        var (text, marks) = builder.Build();
        return new ReadDocument(text, new StorySource(path, "docx", coreTitle ?? titleParagraph, author, null, marks));

        void Flush()
        {
            if (paragraph.Length == 0) return;
            string line = paragraph.ToString();
            paragraph.Clear();
            switch (kind)
            {
                case Kind.Chapter:
                    builder.BeginHeading();
                    AppendLines(builder, line);
                    builder.EndHeading();
                    break;
                case Kind.Title when titleParagraph is null && builder.Length == 0:
                    // The document's title, not a chapter: said once, above the first chapter.
                    titleParagraph = line.Trim();
                    builder.Paragraph(line);
                    break;
                default:
                    builder.ParagraphBreak();
                    AppendLines(builder, line);
                    builder.ParagraphBreak();
                    break;
            }
            kind = Kind.Body;
        }
    }

    private static Kind Max(Kind a, Kind b) => a > b ? a : b;

    private static T OrDefault<T>(Func<T> read, T fallback)
    {
        try { return read(); }
        catch (XmlException) { return fallback; }
    }

    /// <summary>A paragraph's text with its w:br line breaks kept.</summary>
    private static void AppendLines(StoryTextBuilder builder, string line)
    {
        int start = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != '\n') continue;
            builder.Inline(line.AsSpan(start, i - start));
            if (i < line.Length) builder.LineBreak();
            start = i + 1;
        }
    }

    /// <summary>
    /// Style ids to what they mean. Ids are localized ("berschrift1" in a German Word) but the
    /// built-in names are not: "heading 1", "heading 2", "Title"; a style may also carry an outline level.
    /// </summary>
    private static Dictionary<string, Kind> ReadStyles(byte[]? styles)
    {
        var kinds = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase)
        {
            ["Heading1"] = Kind.Chapter, ["Heading2"] = Kind.Chapter, ["Title"] = Kind.Title,
        };
        if (styles is null) return kinds;
        using var xml = SafeArchive.XmlReaderFor(styles);
        string? id = null;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != W) continue;
            switch (xml.LocalName)
            {
                case "style":
                    id = xml.GetAttribute("styleId", W);
                    break;
                case "name" when id is not null:
                    string styleName = (xml.GetAttribute("val", W) ?? "").ToLowerInvariant();
                    if (styleName is "heading 1" or "heading 2") kinds[id] = Kind.Chapter;
                    else if (styleName == "title") kinds[id] = Kind.Title;
                    break;
                case "outlineLvl" when id is not null:
                    if (xml.GetAttribute("val", W) is "0" or "1") kinds.TryAdd(id, Kind.Chapter);
                    break;
            }
        }
        return kinds;
    }

    private static (string? Title, string? Author) ReadCore(byte[]? core)
    {
        if (core is null) return (null, null);
        string? title = null, author = null;
        using var xml = SafeArchive.XmlReaderFor(core);
        xml.Read();
        while (!xml.EOF)
        {
            // ReadElementContentAsString moves past the element itself: no Read() after it.
            if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == "http://purl.org/dc/elements/1.1/"
                && xml.LocalName is "title" or "creator")
            {
                bool isTitle = xml.LocalName == "title";
                string? value = NonEmpty(xml.ReadElementContentAsString());
                if (isTitle) title ??= value; else author ??= value;
                continue;
            }
            xml.Read();
        }
        return (title, author);
    }

    private static string? NonEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
