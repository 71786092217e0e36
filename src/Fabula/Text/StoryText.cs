namespace Fabula.Text;

/// <summary>
/// The one normalized text of a story. Every layer is a list of offsets into it; nothing else
/// holds a copy of the story's characters.
/// </summary>
public sealed class StoryText(string chars)
{
    private int[]? _lineStarts;

    public int Length => chars.Length;
    public char this[int offset] => chars[offset];
    public ReadOnlySpan<char> this[TextSpan span] => chars.AsSpan(span.Start, span.Length);
    public ReadOnlySpan<char> AsSpan() => chars.AsSpan();

    /// <summary>A string copy, for output only.</summary>
    public string Copy(TextSpan span) => chars.Substring(span.Start, span.Length);

    public override string ToString() => chars;

    /// <summary>1-based line number of an offset, for messages (line starts found on first use).</summary>
    public int LineOf(int offset)
    {
        _lineStarts ??= FindLineStarts(chars);
        int i = Array.BinarySearch(_lineStarts, offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private static int[] FindLineStarts(string s)
    {
        var starts = new List<int> { 0 };
        for (int i = s.IndexOf('\n'); i >= 0; i = s.IndexOf('\n', i + 1))
            starts.Add(i + 1);
        return [.. starts];
    }
}
