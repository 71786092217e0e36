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

    private static bool NeedsWork(string text)
    {
        foreach (char c in text)
            if (c < ' ' && c != '\n' && c != '\t' || c == '\u007F') return true;
        return false;
    }
}
