namespace Fabula.Reading;

/// <summary>The one normalization every reader applies: LF line ends, no BOM, no NUL or other C0 controls but tab and LF.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (!NeedsWork(text)) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c == '\n' || c == '\t' || c >= ' ' && c != '\u007F') sb.Append(c);
            else if (c == '\u000C' || c == '\u000B') sb.Append('\n');
        }
        return sb.ToString();
    }

    private static bool NeedsWork(string text) => text.AsSpan().IndexOfAny(ControlCharacters) >= 0;

    /// <summary>The characters normalizing changes or drops: controls other than newline and tab, and DEL.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");
}
