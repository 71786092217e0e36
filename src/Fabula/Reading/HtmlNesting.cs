using System.Collections.Frozen;

namespace Fabula.Reading;

/// <summary>
/// How deep a document's elements nest, estimated in one linear scan before parsing. AngleSharp's
/// tree builder checks element scope against the whole stack of open elements for each tag, so
/// its time grows with the square of the nesting depth: 16,000 nested &lt;blockquote&gt; (200 KB)
/// took 26 s to parse (measured). Real books nest a few dozen deep.
/// </summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 1000;

    /// <summary>Elements that never hold content, or whose end tags may be left out (HTML 13.1.2.4): they do not deepen the estimate.</summary>
    private static readonly FrozenSet<string> Unnested = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
        "rb", "rt", "rp", "rtc", "html", "head", "body", "caption");

    public static void Guard(string html, string name)
    {
        int depth = 0;
        var tag = new char[16];
        for (int i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            char next = html[i + 1];
            if (next == '!' || next == '?')
            {
                int close = next == '!' && html.AsSpan(i).StartsWith("<!--") ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                if (close < 0) return;
                i = close;
                continue;
            }
            bool closing = next == '/';
            int start = closing ? i + 2 : i + 1;
            int length = 0;
            while (start + length < html.Length && char.IsAsciiLetterOrDigit(html[start + length]) && length < tag.Length)
            {
                tag[length] = html[start + length];
                length++;
            }
            if (length == 0 || !char.IsAsciiLetter(tag[0])) continue;
            var tagName = new string(tag, 0, length);
            if (closing) { if (depth > 0 && !Unnested.Contains(tagName)) depth--; continue; }
            int end = html.IndexOf('>', start + length);
            if (end < 0) return;
            if (html[end - 1] == '/' || Unnested.Contains(tagName)) continue;
            if (tagName.Equals("script", StringComparison.OrdinalIgnoreCase) || tagName.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                // Raw text: what looks like tags inside a script is not.
                int close = html.IndexOf("</" + tagName, end, StringComparison.OrdinalIgnoreCase);
                if (close < 0) return;
                i = close;
                continue;
            }
            if (++depth > MaxDepth)
                throw new FabulaInputException($"{name}: its HTML nests elements more than {MaxDepth} deep, which no story needs; refused");
        }
    }
}
