using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Short paragraphs that only move time ("Two weeks later.", "The next morning", "*Three years
/// later...*"): the patterns of Data/structure/time-shifts.txt, filled from time-shift-words.txt.
/// </summary>
internal static class TimeShifts
{
    private const int MaxWords = 8;

    // A pattern: its words, each a literal or a placeholder ("{n}").
    private static readonly string[][] Patterns = LoadPatterns();
    private static readonly Dictionary<string, string[][]> Fillers = LoadFillers();

    /// <summary>Is the paragraph at <paramref name="span"/> only a time shift (quotes and all but end marks rule it out)?</summary>
    public static bool Matches(ReadOnlySpan<char> text, TextSpan span, SpanLayer<Token> tokens)
    {
        Span<TextSpan> words = stackalloc TextSpan[MaxWords];
        int count = 0;
        bool ended = false;
        for (int t = tokens.FirstStartingAtOrAfter(span.Start); t < tokens.Count && tokens[t].Span.Start < span.End; t++)
        {
            var token = tokens[t];
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                if (ended || count == MaxWords) return false;
                // "later." keeps no period in a token; "Mr." would, and is no time word anyway.
                words[count++] = token.Span;
                continue;
            }
            char c = text[token.Span.Start];
            if (token.Kind == TokenKind.Quote || c is '(' or '[' or '?' or ';' or ':') return false;
            // Italics marks may open the line ("*Two weeks later*"); other marks only end it.
            if (count > 0 && c is not ('*' or '_' or '~')) ended = true;
        }
        if (count == 0) return false;
        foreach (var pattern in Patterns)
            if (Match(text, words[..count], pattern, 0, 0)) return true;
        return false;
    }

    private static bool Match(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> words, string[] pattern, int at, int word)
    {
        if (at == pattern.Length) return word == words.Length;
        if (word == words.Length) return false;
        string element = pattern[at];
        if (element[0] != '{')
            return Is(text, words[word], element) && Match(text, words, pattern, at + 1, word + 1);
        if (element == "{n}" && IsDigits(text, words[word]) && Match(text, words, pattern, at + 1, word + 1)) return true;
        if (!Fillers.TryGetValue(element, out var fillers)) return false;
        foreach (var filler in fillers)
        {
            if (word + filler.Length > words.Length) continue;
            bool same = true;
            for (int i = 0; i < filler.Length && same; i++) same = Is(text, words[word + i], filler[i]);
            if (same && Match(text, words, pattern, at + 1, word + filler.Length)) return true;
        }
        return false;
    }

    private static bool Is(ReadOnlySpan<char> text, TextSpan word, string expected) =>
        text.Slice(word.Start, word.Length).Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsDigits(ReadOnlySpan<char> text, TextSpan word)
    {
        foreach (char c in text.Slice(word.Start, word.Length))
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static string[][] LoadPatterns()
    {
        var patterns = new List<string[]>();
        foreach (var line in WordList.Lines("structure/time-shifts.txt"))
            patterns.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return [.. patterns];
    }

    private static Dictionary<string, string[][]> LoadFillers()
    {
        var lists = new Dictionary<string, List<string[]>>();
        foreach (var line in WordList.Lines("structure/time-shift-words.txt"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string key = "{" + parts[0] + "}";
            if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
            list.Add(parts[1..]);
        }
        var fillers = new Dictionary<string, string[][]>();
        foreach (var (key, list) in lists) fillers[key] = [.. list];
        return fillers;
    }
}
