using AngleSharp.Dom;

namespace Fabula.Reading;

/// <summary>
/// What an AO3 download (HTML, or the XHTML inside its EPUB) declares around the story: the
/// preface (<c>div#preface</c>: <c>dl.tags</c> with Rating, Archive Warning, Category, Fandom,
/// Relationship, Character, Additional Tags; the title <c>h1</c>, <c>div.byline</c>, the summary and
/// notes in <c>blockquote.userstuff</c> after a "Summary" / "Notes" label), the chapter headers
/// (<c>div.meta</c> in <c>div#chapters</c>: <c>h2.heading</c>, chapter notes and end notes) and the
/// afterword (<c>div#afterword</c>: end notes). Notes are kept out of the story text.
/// </summary>
internal sealed class Ao3Work
{
    public string? Title { get; private set; }
    public string? Author { get; private set; }
    public bool HasPreface { get; private set; }

    private string? _rating;
    private string? _summary;
    private readonly List<string> _warnings = [], _categories = [], _fandoms = [], _relationships = [],
        _characters = [], _additionalTags = [], _notes = [];

    /// <summary>An AO3 download: a preface with a tag list, or the chapters and afterword divisions.</summary>
    public static bool IsAo3(INode root)
    {
        bool chapters = false, afterword = false;
        foreach (var e in HtmlWalker.Descendants(root))
        {
            if (e.Id == "preface" && HasTagList(e)) return true;
            if (e.Id == "chapters") chapters = true;
            if (e.Id == "afterword") afterword = true;
        }
        return chapters && afterword;
    }

    private static bool HasTagList(IElement preface)
    {
        foreach (var e in HtmlWalker.Descendants(preface))
            if (e.LocalName == "dl" && e.ClassList.Contains("tags")) return true;
        return false;
    }

    /// <summary>
    /// Decides, for the story walk, what is AO3 apparatus: reads it and returns true (skip), or
    /// returns false for story text. Chapter headers emit their heading into the story text.
    /// </summary>
    public bool Divert(IElement element, StoryTextBuilder story)
    {
        if (element.Id == "preface") { ReadPreface(element); return true; }
        if (element.Id == "afterword") { ReadNotesIn(element); return true; }
        var classes = element.ClassList;
        if (classes.Contains("toc-heading") || classes.Contains("endnote-link") || classes.Contains("landmark")) return true;
        if (classes.Contains("meta") || classes.Contains("preface") && classes.Contains("group"))
        {
            ReadChapterMeta(element, story);
            return true;
        }
        if (element.LocalName == "p" && element.ClassList.Contains("message")) return true;
        return false;
    }

    public DeclaredTags ToDeclared() => new(
        _rating, _warnings, _categories, _fandoms, _relationships, _characters, _additionalTags, _summary, _notes);

    private void ReadPreface(IElement preface)
    {
        HasPreface = true;
        string? label = null;
        foreach (var e in HtmlWalker.Descendants(preface, Enter))
        {
            switch (e.LocalName)
            {
                case "dl" when e.ClassList.Contains("tags"):
                    ReadTagList(e);
                    break;
                case "h1":
                    Title ??= Clean(HtmlWalker.TextOf(e));
                    break;
                case "div" when e.ClassList.Contains("byline"):
                    Author ??= ReadByline(e);
                    break;
                case "p" when !e.ClassList.Contains("message"):
                    label = HtmlWalker.TextOf(e).Trim().TrimEnd(':');
                    break;
                case "blockquote":
                    string text = HtmlWalker.Render(e);
                    if (text.Length == 0) break;
                    if (label is not null && label.Equals("Summary", StringComparison.OrdinalIgnoreCase) && _summary is null)
                        _summary = text;
                    else _notes.Add(text);
                    break;
            }
        }

        static bool Enter(IElement e) => e.LocalName is not ("dl" or "blockquote" or "h1" or "p") && !e.ClassList.Contains("byline");
    }

    private void ReadTagList(IElement list)
    {
        string? label = null;
        foreach (var item in list.Children)
        {
            if (item.LocalName == "dt") { label = HtmlWalker.TextOf(item).Trim().TrimEnd(':').Trim(); continue; }
            if (item.LocalName != "dd" || label is null) continue;
            var target = label.ToLowerInvariant() switch
            {
                "archive warning" or "archive warnings" => _warnings,
                "category" or "categories" => _categories,
                "fandom" or "fandoms" => _fandoms,
                "relationship" or "relationships" => _relationships,
                "character" or "characters" => _characters,
                "additional tags" or "additional tag" or "freeform" => _additionalTags,
                _ => null,
            };
            if (label.Equals("Rating", StringComparison.OrdinalIgnoreCase) || label.Equals("Ratings", StringComparison.OrdinalIgnoreCase))
                _rating ??= string.Join(", ", TagsIn(item));
            else if (target is not null)
                target.AddRange(TagsIn(item));
            label = null;
        }
    }

    /// <summary>The tags of a dd: its links' texts (AO3 links every tag), else its text split at commas.</summary>
    private static List<string> TagsIn(IElement dd)
    {
        var tags = new List<string>();
        foreach (var e in HtmlWalker.Descendants(dd))
            if (e.LocalName == "a" && Clean(HtmlWalker.TextOf(e)) is { } tag) tags.Add(tag);
        if (tags.Count == 0)
            foreach (string part in HtmlWalker.TextOf(dd).Split(','))
                if (Clean(part) is { } tag) tags.Add(tag);
        return tags;
    }

    private static string? ReadByline(IElement byline)
    {
        var authors = new List<string>();
        foreach (var e in HtmlWalker.Descendants(byline))
            if (e.LocalName == "a" && Clean(HtmlWalker.TextOf(e)) is { } name) authors.Add(name);
        if (authors.Count > 0) return string.Join(", ", authors);
        string text = HtmlWalker.TextOf(byline).Trim();
        return Clean(text.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? text[3..] : text);
    }

    /// <summary>
    /// A chapter header: its h2.heading is the chapter's title (and a paragraph of the story text,
    /// as "Chapter 2" is in a plain-text book); its summary and notes go to the notes.
    /// </summary>
    private void ReadChapterMeta(IElement meta, StoryTextBuilder story)
    {
        foreach (var e in HtmlWalker.Descendants(meta, static e => e.LocalName is not ("blockquote" or "h2" or "h3")))
        {
            if (e.LocalName is "h2" or "h3" && !e.ClassList.Contains("toc-heading") && !e.ClassList.Contains("landmark"))
            {
                story.BeginHeading();
                story.Inline(HtmlWalker.TextOf(e));
                story.EndHeading();
            }
            else if (e.LocalName == "blockquote" && HtmlWalker.Render(e) is { Length: > 0 } note)
                _notes.Add(note);
        }
    }

    private void ReadNotesIn(IElement element)
    {
        foreach (var e in HtmlWalker.Descendants(element, static e => e.LocalName != "blockquote"))
            if (e.LocalName == "blockquote" && HtmlWalker.Render(e) is { Length: > 0 } note)
                _notes.Add(note);
    }

    private static string? Clean(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
