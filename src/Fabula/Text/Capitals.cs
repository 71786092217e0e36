namespace Fabula.Text;

/// <summary>How a word is written in capitals.</summary>
internal static class Capitals
{
    /// <summary>All capitals and longer than one letter ("MURDER", "OK"): a heading, a title or shouting.</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        if (word.Length < 2) return false;
        foreach (char c in word)
            if (char.IsLower(c)) return false;
        return true;
    }
}
