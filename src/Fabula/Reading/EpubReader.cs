using System.Xml;
using AngleSharp.Dom;

namespace Fabula.Reading;

/// <summary>
/// EPUB 2 and 3: META-INF/container.xml names the package document (OPF); its spine orders the
/// XHTML documents, each read like HTML, each starting a chapter. Navigation documents are
/// skipped, and so are cover, title-page and contents documents that hold no story text. AO3's
/// EPUBs carry the same preface and notes as its HTML download; they become DeclaredTags.
/// </summary>
internal static class EpubReader
{
    /// <summary>A cover or contents page with fewer letters than this is front matter, not story.</summary>
    private const int FrontMatterMaxChars = 1500;

    private sealed record Item(string Path, string MediaType, string Properties);

    private sealed class Package
    {
        public string? Title;
        public readonly List<string> Creators = [];
        public readonly Dictionary<string, Item> Manifest = new(StringComparer.Ordinal);
        public readonly List<(string IdRef, bool Linear)> Spine = [];
        public readonly Dictionary<string, string> GuideTypes = new(StringComparer.Ordinal);
        public string? NcxId;
    }

    public static ReadDocument Read(byte[] bytes, string? path, string name)
    {
        using var archive = SafeArchive.Open(bytes, name, "EPUB");
        string opfPath = FindPackage(archive, name);
        var package = ReadPackage(archive, opfPath, name);

        var contents = ReadContents(archive, package, name);
        // A table of contents that lists several spine documents says which of them start chapters;
        // the others continue one (a converter's "_split_001" files). Without one, each document starts a chapter.
        int listed = 0;
        foreach (var (idRef, _) in package.Spine)
            if (package.Manifest.TryGetValue(idRef, out var spineItem) && contents.ContainsKey(spineItem.Path)) listed++;
        bool contentsDecide = listed >= 2;

        var builder = new StoryTextBuilder();
        Ao3Work? ao3 = null;
        int documents = 0;
        foreach (var (idRef, linear) in package.Spine)
        {
            if (!package.Manifest.TryGetValue(idRef, out var item) || !linear) continue;
            if (item.MediaType is not ("application/xhtml+xml" or "text/html" or "application/xml" or "text/xml")) continue;
            if (HasWord(item.Properties, "nav")) continue;
            byte[]? content = archive.Read(item.Path);
            if (content is null) continue;
            if (++documents > SafeArchive.MaxEntries) break;
            string documentName = $"{name}: {item.Path}";
            var document = HtmlReader.Parse(TextDecoder.DecodeMarkup(content, documentName), documentName);
            var root = (INode?)document.Body ?? document;
            if (ao3 is null && Ao3Work.IsAo3(root)) ao3 = new Ao3Work();

            int length = builder.Length, marks = builder.Marks.Count;
            contents.TryGetValue(item.Path, out string? tocTitle);
            if (!contentsDecide || tocTitle is not null) builder.MarkChapter(fallbackTitle: tocTitle);
            var walker = ao3 is null
                ? new HtmlWalker(builder) { ChapterStarts = HtmlReader.ChooseChapterHeadings(root).Starts, LeadingHeadingStartsChapter = true }
                : new HtmlWalker(builder) { Divert = e => ao3.Divert(e, builder) };
            walker.Walk(root);
            if (IsFrontMatter(item, package) && builder.Length - length < FrontMatterMaxChars)
                builder.Rollback(length, marks);
        }
        var (text, chapterMarks) = builder.Build();
        string? author = package.Creators.Count > 0 ? string.Join(", ", package.Creators) : ao3?.Author;
        return new ReadDocument(text, new StorySource(path, "epub", package.Title ?? ao3?.Title, author, ao3?.ToDeclared(), chapterMarks));
    }

    private static string FindPackage(SafeArchive archive, string name)
    {
        byte[] container = archive.Read("META-INF/container.xml")
            ?? throw new FabulaInputException($"{name} is not an EPUB: it has no META-INF/container.xml");
        using var xml = SafeArchive.XmlReaderFor(container);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rootfile"
                && xml.GetAttribute("full-path") is { Length: > 0 } full
                && SafeArchive.IsInside(full, out string opf))
                return opf;
        }
        throw new FabulaInputException($"{name} is not an EPUB: its container.xml names no package document");
    }

    private static Package ReadPackage(SafeArchive archive, string opfPath, string name)
    {
        byte[] opf = archive.Read(opfPath)
            ?? throw new FabulaInputException($"{name}: its package document {opfPath} is missing");
        var package = new Package();
        using var xml = SafeArchive.XmlReaderFor(opf);
        xml.Read();
        for (; !xml.EOF; xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            // dc:title and dc:creator: ReadElementContentAsString moves past the element, so the
            // loop's Read() must not run after it (it would skip the next sibling).
            while (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == DublinCore && xml.LocalName is "title" or "creator")
            {
                bool isTitle = xml.LocalName == "title";
                string? value = NonEmpty(xml.ReadElementContentAsString());
                if (value is null) continue;
                if (isTitle) package.Title ??= value; else package.Creators.Add(value);
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "item":
                    string? id = xml.GetAttribute("id"), href = xml.GetAttribute("href");
                    if (id is null || href is null || SafeArchive.Resolve(opfPath, href) is not { } itemPath) break;
                    package.Manifest.TryAdd(id, new Item(itemPath, (xml.GetAttribute("media-type") ?? "").Trim().ToLowerInvariant(),
                        xml.GetAttribute("properties") ?? ""));
                    break;
                case "spine":
                    package.NcxId = xml.GetAttribute("toc");
                    break;
                case "itemref":
                    if (xml.GetAttribute("idref") is { } idRef)
                        package.Spine.Add((idRef, xml.GetAttribute("linear") != "no"));
                    break;
                case "reference":
                    if (xml.GetAttribute("type") is { } type && xml.GetAttribute("href") is { } refHref
                        && SafeArchive.Resolve(opfPath, refHref) is { } refPath)
                        package.GuideTypes.TryAdd(refPath, type.ToLowerInvariant());
                    break;
            }
        }
        if (package.Spine.Count == 0) throw new FabulaInputException($"{name}: its package document lists no spine, so there is no reading order");
        return package;
    }

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// The table of contents: for each document it points into, the first entry's label. EPUB 3's
    /// navigation document (&lt;nav epub:type="toc"&gt;), else EPUB 2's NCX (navPoint: navLabel, content src).
    /// </summary>
    private static Dictionary<string, string> ReadContents(SafeArchive archive, Package package, string name)
    {
        var contents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in package.Manifest.Values)
        {
            if (!HasWord(item.Properties, "nav") || archive.Read(item.Path) is not { } navBytes) continue;
            var nav = HtmlReader.Parse(TextDecoder.DecodeMarkup(navBytes, name), $"{name}: {item.Path}");
            AngleSharp.Dom.IElement? toc = null;
            foreach (var e in HtmlWalker.Descendants(nav))
                if (e.LocalName == "nav" && (toc is null || (e.GetAttribute("epub:type") ?? "").Contains("toc"))) toc = e;
            if (toc is null) continue;
            foreach (var a in HtmlWalker.Descendants(toc))
                if (a.LocalName == "a" && a.GetAttribute("href") is { } href && SafeArchive.Resolve(item.Path, href) is { } target
                    && HtmlWalker.TextOf(a).Trim() is { Length: > 0 } label)
                    contents.TryAdd(target, label);
            if (contents.Count > 0) return contents;
        }
        if (package.NcxId is null || !package.Manifest.TryGetValue(package.NcxId, out var ncx) || archive.Read(ncx.Path) is not { } ncxBytes)
            return contents;
        try
        {
            using var xml = SafeArchive.XmlReaderFor(ncxBytes);
            string? label = null;
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "text")
                {
                    label = NonEmpty(xml.ReadElementContentAsString());
                    continue;
                }
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "content" && label is not null
                    && xml.GetAttribute("src") is { } src && SafeArchive.Resolve(ncx.Path, src) is { } target)
                    contents.TryAdd(target, label);
                xml.Read();
            }
        }
        catch (XmlException) { } // a damaged NCX only costs the chapter titles
        return contents;
    }

    /// <summary>A cover, title page or table of contents, by the guide's word or the document's name.</summary>
    private static bool IsFrontMatter(Item item, Package package)
    {
        if (package.GuideTypes.TryGetValue(item.Path, out string? type) && type is "cover" or "toc" or "title-page" or "copyright-page")
            return true;
        if (HasWord(item.Properties, "cover-image")) return true;
        string file = item.Path[(item.Path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        return file.Contains("cover") || file.Contains("toc") || file.Contains("nav") || file.Contains("titlepage")
            || file.Contains("title_page") || file.Contains("title-page")
            || file.Contains("contents") || file.Contains("copyright");
    }

    private static bool HasWord(string list, string word)
    {
        foreach (var part in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (part == word) return true;
        return false;
    }

    private static string? NonEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
