using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Fabula.Reading;

/// <summary>
/// Markdown to story text with Markdig's CommonMark parser: emphasis markers, heading #'s and
/// link syntax go, their text stays; headings that start chapters (see <see cref="ChapterHeadings"/>)
/// become chapter marks; a thematic break ("* * *", "---") is a scene break. A YAML front matter
/// block gives the title and author. Blocks and inlines are walked with explicit stacks, not
/// recursion, so deep nesting cannot overflow the call stack.
/// </summary>
internal static class MarkdownReader
{
    public static ReadDocument Read(string markdown, string? path, string name)
    {
        var (title, author, body) = SplitFrontMatter(markdown);
        MarkdownDocument document;
        try { document = Markdown.Parse(body); }
        catch (ArgumentException) // Markdig's guard against nesting deep enough to exhaust the stack
        { throw new FabulaInputException($"{name}: its Markdown is nested too deeply to read"); }

        var headingBlocks = new List<HeadingBlock>();
        var headings = new List<ChapterHeadings.Heading>();
        foreach (var block in Blocks(document))
        {
            if (block is not HeadingBlock heading) continue;
            headingBlocks.Add(heading);
            var text = new StoryTextBuilder();
            AppendInlines(text, heading.Inline);
            headings.Add(new ChapterHeadings.Heading(heading.Level, text.ToString()));
        }
        bool[] starts = ChapterHeadings.Choose(headings);
        var chapterHeadings = new HashSet<Block>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < starts.Length; i++)
            if (starts[i]) chapterHeadings.Add(headingBlocks[i]);
        title ??= ChapterHeadings.FindTitle(headings, starts);

        var builder = new StoryTextBuilder();
        foreach (var block in Blocks(document))
        {
            switch (block)
            {
                case HeadingBlock heading when chapterHeadings.Contains(heading):
                    builder.BeginHeading();
                    AppendInlines(builder, heading.Inline);
                    builder.EndHeading();
                    break;
                case CodeBlock code:
                    builder.ParagraphBreak();
                    builder.Preformatted(code.Lines.ToString());
                    builder.ParagraphBreak();
                    break;
                case HtmlBlock html:
                    var fragment = HtmlReader.Parse(html.Lines.ToString(), name);
                    new HtmlWalker(builder).Walk((AngleSharp.Dom.INode?)fragment.Body ?? fragment);
                    break;
                case ThematicBreakBlock:
                    builder.SceneBreak();
                    break;
                case LeafBlock leaf:
                    builder.ParagraphBreak();
                    AppendInlines(builder, leaf.Inline);
                    builder.ParagraphBreak();
                    break;
            }
        }
        var (story, marks) = builder.Build();
        return new ReadDocument(story, new StorySource(path, "md", title, author, null, marks));
    }

    /// <summary>Leaf blocks in document order (containers — quotes, lists — are opened, not returned).</summary>
    private static IEnumerable<Block> Blocks(MarkdownDocument document)
    {
        var stack = new Stack<Block>();
        for (int i = document.Count - 1; i >= 0; i--) stack.Push(document[i]);
        while (stack.Count > 0)
        {
            var block = stack.Pop();
            if (block is LinkReferenceDefinitionGroup or LinkReferenceDefinition) continue;
            if (block is ContainerBlock container)
            {
                for (int i = container.Count - 1; i >= 0; i--) stack.Push(container[i]);
                continue;
            }
            yield return block;
        }
    }

    private static void AppendInlines(StoryTextBuilder builder, ContainerInline? root)
    {
        if (root is null) return;
        var stack = new Stack<Inline>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case LiteralInline literal:
                    builder.Inline(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Inline(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Inline(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline link:
                    builder.Inline(link.Url);
                    break;
                case LineBreakInline lineBreak:
                    if (lineBreak.IsHard) builder.LineBreak(); else builder.Inline(" ");
                    break;
                case LinkInline { IsImage: true }:
                    break; // an image's alt text is not story text
                case ContainerInline container: // emphasis, links: their text stays
                    PushChildren(stack, container);
                    break;
                // HtmlInline (a raw tag) has no text of its own.
            }
        }
    }

    private static void PushChildren(Stack<Inline> stack, ContainerInline container)
    {
        int mark = stack.Count;
        for (var child = container.FirstChild; child is not null; child = child.NextSibling) stack.Push(child);
        // Children were pushed first to last; reverse them in place so the first pops first.
        var items = new Inline[stack.Count - mark];
        for (int i = 0; i < items.Length; i++) items[i] = stack.Pop();
        foreach (var item in items) stack.Push(item);
    }

    /// <summary>
    /// A leading YAML front matter block ("---" lines around "key: value" lines), as static-site
    /// generators and note apps write it: its title and author, and the Markdown after it.
    /// </summary>
    private static (string? Title, string? Author, string Body) SplitFrontMatter(string markdown)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal)) return (null, null, markdown);
        int end = markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        int after = end + 5;
        if (end < 0 && markdown.EndsWith("\n---", StringComparison.Ordinal)) { end = markdown.Length - 4; after = markdown.Length; }
        if (end < 0) return (null, null, markdown);
        string? title = null, author = null;
        foreach (string line in markdown[4..end].Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                if (line.Length == 0 || line[0] is ' ' or '\t' or '-' or '#') continue; // list items, comments
                return (null, null, markdown); // not YAML after all: a thematic break and a setext heading
            }
            string key = line[..colon].Trim().ToLowerInvariant();
            string value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length == 0) continue;
            if (key == "title") title ??= value;
            else if (key is "author" or "authors" or "creator") author ??= value;
        }
        return (title, author, markdown[after..]);
    }
}
