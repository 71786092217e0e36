using System.Text;

namespace Fabula.Reading;

/// <summary>
/// Builds the one story text of a marked-up document (HTML, EPUB, DOCX, Markdown) from inline
/// text and breaks, the way a browser lays out text: runs of white space become one space, a block
/// boundary becomes a blank line ("\n\n"), a line break a newline. Chapter marks point at the start
/// of the paragraph that follows them, so their offsets are offsets into the finished text.
/// The text it appends is already normalized: no C0 controls but newline, no CR, no BOM.
/// </summary>
internal sealed class StoryTextBuilder
{
    /// <summary>The paragraph a scene break becomes (an &lt;hr&gt;, a Markdown thematic break).</summary>
    public const string SceneBreakText = "* * *";

    private readonly StringBuilder _text = new();
    private readonly List<ChapterMark> _marks = [];
    private Break _pending = Break.None;
    private int _lineBreaks;
    private bool _markPending;
    private string? _markTitle;
    private string? _fallbackTitle;
    private bool _lastTitleIsFallback;
    private int _headingStart = -1;

    private enum Break { None, Space, Line, Paragraph }

    public int Length => _text.Length;

    public IReadOnlyList<ChapterMark> Marks => _marks;

    /// <summary>Text as it appears in the markup: white space collapses, controls are dropped.</summary>
    public void Inline(ReadOnlySpan<char> chars)
    {
        foreach (char c in chars)
        {
            if (IsCollapsibleSpace(c)) { Request(Break.Space); continue; }
            if (c < ' ' || c is '\u007F' or '\uFEFF' or '\u200B') continue;
            Put(c);
        }
    }

    /// <summary>Preformatted text (&lt;pre&gt;, code blocks): line ends are kept, spaces are not collapsed.</summary>
    public void Preformatted(ReadOnlySpan<char> chars)
    {
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < chars.Length && chars[i + 1] == '\n') i++;
                LineBreak();
            }
            else if (c == ' ' || c == '\t' || c == '\u00A0')
            {
                // Indentation inside a preformatted block is kept; at a paragraph's start it is not.
                if (_text.Length > 0 && _pending is Break.None or Break.Line) Put(' ');
            }
            else if (c >= ' ' && c is not ('\u007F' or '\uFEFF')) Put(c);
        }
    }

    /// <summary>A &lt;br&gt;: a newline; two in a row stand for a paragraph break, as they do in much web fiction.</summary>
    public void LineBreak()
    {
        _lineBreaks++;
        Request(_lineBreaks >= 2 ? Break.Paragraph : Break.Line);
    }

    public void ParagraphBreak() => Request(Break.Paragraph);

    public void Paragraph(ReadOnlySpan<char> chars)
    {
        ParagraphBreak();
        Inline(chars);
        ParagraphBreak();
    }

    public void SceneBreak() => Paragraph(SceneBreakText);

    /// <summary>
    /// A chapter starts at the next paragraph. Two marks before any text merge into one. A
    /// <paramref name="fallbackTitle"/> (an EPUB's table of contents entry) names the chapter
    /// unless a heading at its start does.
    /// </summary>
    public void MarkChapter(string? title = null, string? fallbackTitle = null)
    {
        ParagraphBreak();
        if (!_markPending) { _markTitle = null; _fallbackTitle = null; }
        _markPending = true;
        if (!string.IsNullOrWhiteSpace(title)) _markTitle ??= title.Trim();
        if (!string.IsNullOrWhiteSpace(fallbackTitle)) _fallbackTitle ??= fallbackTitle.Trim();
    }

    /// <summary>
    /// A chapter heading: marks a chapter and starts a paragraph whose text, once <see cref="EndHeading"/>
    /// is called, is the chapter's title (unless a title was already given).
    /// </summary>
    public void BeginHeading()
    {
        MarkChapter();
        _headingStart = -2; // set to the text offset when the heading's first character arrives
    }

    public void EndHeading()
    {
        if (_headingStart >= 0 && _marks.Count > 0 && _marks[^1].Start == _headingStart && (_marks[^1].Title is null || _lastTitleIsFallback))
        {
            string title = _text.ToString(_headingStart, _text.Length - _headingStart).Replace('\n', ' ');
            _marks[^1] = _marks[^1] with { Title = title };
        }
        _headingStart = -1;
        ParagraphBreak();
    }

    /// <summary>Whether any text has arrived since <paramref name="length"/>.</summary>
    public bool HasTextSince(int length) => _text.Length > length;

    /// <summary>Drops everything after a checkpoint: a document that turned out to be front matter.</summary>
    public void Rollback(int length, int marks)
    {
        _text.Length = length;
        _marks.RemoveRange(marks, _marks.Count - marks);
        _pending = length == 0 ? Break.None : Break.Paragraph;
        _markPending = false;
        _markTitle = null;
        _fallbackTitle = null;
    }

    /// <summary>The text collected so far as one line-structured string (notes, summaries).</summary>
    public override string ToString() => _text.ToString();

    public (string Text, IReadOnlyList<ChapterMark> Marks) Build() => (_text.ToString(), _marks);

    private void Request(Break wanted)
    {
        if (wanted > _pending) _pending = wanted;
    }

    private void Put(char c)
    {
        if (_text.Length > 0)
        {
            switch (_pending)
            {
                case Break.Space: _text.Append(' '); break;
                case Break.Line: _text.Append('\n'); break;
                case Break.Paragraph: _text.Append("\n\n"); break;
            }
        }
        _pending = Break.None;
        _lineBreaks = 0;
        if (_markPending)
        {
            _lastTitleIsFallback = _markTitle is null && _fallbackTitle is not null;
            _marks.Add(new ChapterMark(_text.Length, _markTitle ?? _fallbackTitle));
            _markPending = false;
            _markTitle = null;
            _fallbackTitle = null;
        }
        if (_headingStart == -2) _headingStart = _text.Length;
        _text.Append(c);
    }

    private static bool IsCollapsibleSpace(char c) =>
        c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u000B' or '\u00A0' or '\u2028' or '\u2029';
}
