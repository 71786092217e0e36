using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Finds paragraphs. Two conventions exist: hard-wrapped text (Project Gutenberg), where a
/// paragraph is a block of lines between blank lines, and one-line paragraphs (text copied from a
/// web page or a word processor), where every non-blank line is a paragraph. The convention is
/// chosen per block: a block of several lines is wrapped when its lines (all but the last) are
/// of similar, typewriter width; otherwise each line stands alone.
/// </summary>
public sealed class ParagraphFinder : IStage
{
    // A wrapped line is at most this long; web-copied paragraphs run to hundreds of characters.
    private const int MaxWrappedLine = 100;

    public void Run(Story story) => story.Add(Find(story.Text.AsSpan()));

    public static List<Paragraph> Find(ReadOnlySpan<char> text)
    {
        var found = new List<Paragraph>();
        var blockLines = new List<TextSpan>();
        int gap = 0, pos = 0;
        while (pos <= text.Length)
        {
            int nl = pos < text.Length ? text[pos..].IndexOf('\n') : -1;
            int lineEnd = nl < 0 ? text.Length : pos + nl;
            var line = Trim(text, pos, lineEnd);
            if (line.IsEmpty)
            {
                if (blockLines.Count > 0) { gap = Flush(text, blockLines, gap, found); }
                if (found.Count > 0 || blockLines.Count > 0) gap++;
            }
            else blockLines.Add(line);
            if (nl < 0) break;
            pos = lineEnd + 1;
        }
        if (blockLines.Count > 0) Flush(text, blockLines, gap, found);
        return found;
    }

    // Adds the block's paragraphs; returns the gap for the next block (0: counting restarts).
    private static int Flush(ReadOnlySpan<char> text, List<TextSpan> lines, int gap, List<Paragraph> found)
    {
        if (IsWrapped(lines))
            found.Add(new Paragraph(TextSpan.FromBounds(lines[0].Start, lines[^1].End), gap));
        else
            foreach (var line in lines) { found.Add(new Paragraph(line, gap)); gap = 0; }
        lines.Clear();
        return 0;
    }

    private static bool IsWrapped(List<TextSpan> lines)
    {
        if (lines.Count == 1) return true;
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].Length > MaxWrappedLine) return false;
        // Wrapped lines fill the measure: all but the last are long enough to have been broken.
        int shortLines = 0;
        for (int i = 0; i < lines.Count - 1; i++)
            if (lines[i].Length < 40) shortLines++;
        return shortLines * 2 <= lines.Count - 1;
    }

    private static TextSpan Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
