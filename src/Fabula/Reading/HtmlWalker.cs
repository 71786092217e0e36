using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Fabula.Reading;

/// <summary>
/// Walks an HTML tree into a <see cref="StoryTextBuilder"/>: block elements become paragraphs,
/// &lt;br&gt; a newline, &lt;hr&gt; a scene break, script and style nothing. The walk keeps its own
/// stack instead of recursing, so a hostile document nested a million deep cannot overflow the
/// call stack (which no catch can survive).
/// </summary>
internal sealed class HtmlWalker(StoryTextBuilder builder)
{
    /// <summary>Elements whose content is not text a reader sees.</summary>
    private static readonly FrozenSet<string> Hidden = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "template", "noscript", "head", "title", "meta", "link", "base", "iframe", "object",
        "embed", "svg", "math", "canvas", "audio", "video", "select", "option", "button", "input", "textarea",
        "img", "map", "area", "rt", "rp", "frameset", "frame");

    /// <summary>HTML's block-level elements (the HTML Living Standard's rendering section, 15.3.3).</summary>
    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "section", "summary",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "ul", "pre", "listing", "plaintext", "xmp");

    private enum Exit { Block, Heading, Pre }

    private readonly record struct Step(INode Node, bool Leaving, Exit Exit);

    /// <summary>Headings that start chapters (null: none do).</summary>
    public IReadOnlySet<IElement>? ChapterStarts { get; init; }

    /// <summary>Treat an h1-h3 that comes before any text of the walk as a chapter start (an EPUB spine document's heading).</summary>
    public bool LeadingHeadingStartsChapter { get; init; }

    /// <summary>Elements the caller handles itself (AO3's preface and notes); return true to skip the element.</summary>
    public Func<IElement, bool>? Divert { get; init; }

    public void Walk(INode root)
    {
        int start = builder.Length;
        int pre = 0;
        var stack = new Stack<Step>();
        stack.Push(new Step(root, false, Exit.Block));
        while (stack.Count > 0)
        {
            var step = stack.Pop();
            if (step.Leaving)
            {
                switch (step.Exit)
                {
                    case Exit.Heading: builder.EndHeading(); break;
                    case Exit.Pre: pre--; builder.ParagraphBreak(); break;
                    default: builder.ParagraphBreak(); break;
                }
                continue;
            }
            var node = step.Node;
            if (node.NodeType == NodeType.Text)
            {
                string data = node.TextContent;
                if (pre > 0) builder.Preformatted(data); else builder.Inline(data);
                continue;
            }
            if (node is not IElement element)
            {
                if (node.NodeType is NodeType.Document or NodeType.DocumentFragment) PushChildren(stack, node);
                continue;
            }
            string name = element.LocalName;
            if (Hidden.Contains(name)) continue;
            if (Divert is not null && Divert(element)) continue;
            if (name == "br") { builder.LineBreak(); continue; }
            if (name == "hr") { builder.SceneBreak(); continue; }
            if (IsChapterHeading(element, name, start))
            {
                builder.BeginHeading();
                stack.Push(new Step(element, true, Exit.Heading));
            }
            else if (name is "pre" or "listing" or "xmp" or "plaintext")
            {
                builder.ParagraphBreak();
                pre++;
                stack.Push(new Step(element, true, Exit.Pre));
            }
            else if (Blocks.Contains(name))
            {
                builder.ParagraphBreak();
                stack.Push(new Step(element, true, Exit.Block));
            }
            PushChildren(stack, element);
        }
    }

    private bool IsChapterHeading(IElement element, string name, int start)
    {
        if (ChapterStarts is not null && ChapterStarts.Contains(element)) return true;
        return LeadingHeadingStartsChapter && name is "h1" or "h2" or "h3" && !builder.HasTextSince(start);
    }

    private static void PushChildren(Stack<Step> stack, INode node)
    {
        var children = node.ChildNodes;
        for (int i = children.Length - 1; i >= 0; i--)
            stack.Push(new Step(children[i], false, Exit.Block));
    }

    /// <summary>The text of an element as paragraphs separated by blank lines (notes, summaries).</summary>
    public static string Render(INode node)
    {
        var text = new StoryTextBuilder();
        new HtmlWalker(text).Walk(node);
        return text.ToString();
    }

    /// <summary>The text of an element on one line (a heading, a tag).</summary>
    public static string TextOf(INode node) => Render(node).Replace("\n\n", " ").Replace('\n', ' ');

    /// <summary>Elements under a root in document order, without recursion; <paramref name="enter"/> false skips an element's descendants.</summary>
    public static IEnumerable<IElement> Descendants(INode root, Func<IElement, bool>? enter = null)
    {
        var stack = new Stack<INode>();
        for (int i = root.ChildNodes.Length - 1; i >= 0; i--) stack.Push(root.ChildNodes[i]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element) continue;
            yield return element;
            if (enter is not null && !enter(element)) continue;
            for (int i = element.ChildNodes.Length - 1; i >= 0; i--) stack.Push(element.ChildNodes[i]);
        }
    }
}
