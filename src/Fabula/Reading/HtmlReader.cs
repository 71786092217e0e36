using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Fabula.Reading;

/// <summary>HTML to story text with AngleSharp's HTML5 parser, which accepts any byte soup the way a browser does.</summary>
internal static class HtmlReader
{
    public static ReadDocument Read(string html, string? path, string name)
    {
        var document = Parse(html, name);
        var builder = new StoryTextBuilder();
        var root = (INode?)document.Body ?? document;
        Ao3Work? ao3 = Ao3Work.IsAo3(document) ? new Ao3Work() : null;
        string? headingTitle = null;
        HtmlWalker walker;
        if (ao3 is not null)
        {
            // AO3 states its chapters in div.meta headers; headings inside the chapter text are the author's styling.
            walker = new HtmlWalker(builder) { Divert = e => ao3.Divert(e, builder) };
        }
        else
        {
            var (starts, title) = ChooseChapterHeadings(root);
            headingTitle = title;
            walker = new HtmlWalker(builder) { ChapterStarts = starts };
        }
        walker.Walk(root);
        var (text, marks) = builder.Build();
        string? docTitle = ao3?.Title ?? headingTitle ?? NonEmpty(document.Title);
        string? author = ao3?.Author ?? MetaContent(document, "author");
        return new ReadDocument(text, new StorySource(path, "html", docTitle, author, ao3?.ToDeclared(), marks));
    }

    public static IDocument Parse(string html, string name)
    {
        HtmlNesting.Guard(html, name);
        return new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
    }

    /// <summary>The h1-h3 headings that start chapters (see <see cref="ChapterHeadings"/>), and the work's title among them.</summary>
    public static (IReadOnlySet<IElement> Starts, string? Title) ChooseChapterHeadings(INode root)
    {
        var elements = new List<IElement>();
        var headings = new List<ChapterHeadings.Heading>();
        foreach (var e in HtmlWalker.Descendants(root, static e => e.LocalName is not ("h1" or "h2" or "h3" or "script" or "style")))
        {
            if (e.LocalName is not ("h1" or "h2" or "h3")) continue;
            elements.Add(e);
            headings.Add(new ChapterHeadings.Heading(e.LocalName[1] - '0', HtmlWalker.TextOf(e)));
        }
        bool[] chosen = ChapterHeadings.Choose(headings);
        var starts = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < chosen.Length; i++)
            if (chosen[i]) starts.Add(elements[i]);
        return (starts, ChapterHeadings.FindTitle(headings, chosen));
    }

    public static string? MetaContent(IDocument document, string name)
    {
        if (document.Head is null) return null;
        foreach (var e in document.Head.Children)
            if (e.LocalName == "meta" && string.Equals(e.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase))
                return NonEmpty(e.GetAttribute("content"));
        return null;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
