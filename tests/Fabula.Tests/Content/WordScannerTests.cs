using Fabula.Content;

namespace Fabula.Tests.Content;

public class WordScannerTests
{
    [Theory]
    [InlineData("She didn't hit the twelve-year-old, said Mr. Lane.", "She|didn't|hit|the|twelve|year|old|,said|Mr|,Lane")]
    [InlineData("“Wren’s lantern”—gone…", ",Wren’s|lantern|,gone")]
    [InlineData("Zoë's café, 1848; naïve--Łódź (l'été) 'twas", "Zoë's|café|,1848|,naïve|,Łódź|,l'été|,twas")]
    public void Split_finds_the_words_their_clause_breaks_and_hashes(string passage, string expected)
    {
        var words = new List<ScannedWord>();
        WordScanner.Split(passage, 0, passage.Length, words);

        Assert.Equal(expected, string.Join("|", words.Select(w => (w.BreakBefore ? "," : "") + passage.Substring(w.Start, w.Length))));
        foreach (var w in words)
            Assert.Equal(WordScanner.Hash(passage.AsSpan(w.Start, w.Length)), w.Hash);
    }

    // The scan reads ASCII characters from a table: it must split as the rule it documents, written plainly here.
    [Fact]
    public void Split_agrees_with_the_plain_rule_on_mixed_text()
    {
        const string alphabet = "aZ09 '’-,;:()[]\"“”—–!?.…«»éÆ١\n\t_*";
        var random = new Random(1848);
        for (int n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(0, 24)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string passage = new(chars);
            var words = new List<ScannedWord>();
            WordScanner.Split(passage, 0, passage.Length, words);
            Assert.Equal(PlainSplit(passage), words.Select(w => (w.Start, w.Length, w.BreakBefore)).ToList());
        }
    }

    private static List<(int, int, bool)> PlainSplit(string text)
    {
        var words = new List<(int, int, bool)>();
        bool pendingBreak = false;
        for (int i = 0; i < text.Length;)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                int start = i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                       || text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))) i++;
                words.Add((start, i - start, pendingBreak));
                pendingBreak = false;
                continue;
            }
            if (",;:()[]\"“”—–!?.…«»".Contains(text[i]) || text[i] == '-' && i + 1 < text.Length && text[i + 1] == '-') pendingBreak = true;
            i++;
        }
        return words;
    }
}
