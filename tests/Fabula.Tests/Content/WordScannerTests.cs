using Fabula.Content;

namespace Fabula.Tests.Content;

public class WordScannerTests
{
    [Theory]
    [InlineData("She didn't hit the twelve-year-old, said Mr. Lane.", "She|didn't|hit|the|twelve|year|old|,said|Mr|,Lane")]
    [InlineData("“Wren’s lantern”—gone…", ",Wren’s|lantern|,gone")]
    [InlineData("Zoë's café, 1848; naïve--Łódź (l'été) 'twas", "Zoë's|café|,1848|,naïve|,Łódź|,l'été|,twas")]
    public void Split_finds_the_words_and_their_clause_breaks(string passage, string expected)
    {
        var words = new List<ScannedWord>();
        WordScanner.Split(passage, 0, passage.Length, words);

        Assert.Equal(expected, string.Join("|", words.Select(w => (w.BreakBefore ? "," : "") + passage.Substring(w.Start, w.Length))));
    }

    // The key is read eight characters at once where the text goes on that far, else one by one: the same key.
    [Theory]
    [InlineData("the")]
    [InlineData("lantern")]
    [InlineData("keepers")]
    [InlineData("lanterns’")]
    [InlineData("Wren's twelve-year-old")]
    public void Key_is_the_first_eight_characters_with_nothing_after(string word)
    {
        string text = word + " glows";
        for (int length = 1; length <= word.Length; length++)
        {
            Assert.Equal(WordScanner.Pack(word.AsSpan(0, length)), WordScanner.Key(text, 0, length));
            Assert.Equal(WordScanner.Pack(word.AsSpan(0, length)), WordScanner.Key(word, 0, length));
        }
        Assert.NotEqual(WordScanner.Key(text, 0, 3), WordScanner.Key("thy", 0, 3));
    }

    // The scan classifies 64 characters at once (ASCII letters, digits and spaces by vector compares, the rest
    // one by one): it must split as the rule it documents, written plainly here, across those blocks and
    // inside any part of a text.
    [Fact]
    public void Split_agrees_with_the_plain_rule_on_mixed_text()
    {
        const string alphabet = "aZ09 '’-,;:()[]\"“”—–!?.…«»éÆ١\n\t_*";
        const string common = "etaoin shrdlu, ETAOIN. ";
        var random = new Random(1848);
        for (int n = 0; n < 3000; n++)
        {
            var chars = new char[n < 1500 ? random.Next(0, 24) : random.Next(0, 300)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = random.Next(3) == 0 ? alphabet[random.Next(alphabet.Length)] : common[random.Next(common.Length)];
            string passage = new(chars);
            int start = random.Next(0, passage.Length / 3 + 1), end = random.Next(start, passage.Length + 1);
            var words = new List<ScannedWord>();
            WordScanner.Split(passage, start, end, words);
            Assert.Equal(PlainSplit(passage, start, end), words.Select(w => (w.Start, w.Length, w.BreakBefore)).ToList());
        }
    }

    private static List<(int, int, bool)> PlainSplit(string passage, int start, int end)
    {
        var words = new List<(int, int, bool)>();
        bool pendingBreak = false;
        string text = passage[..end];
        for (int i = start; i < text.Length;)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                int wordStart = i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                       || text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))) i++;
                words.Add((wordStart, i - wordStart, pendingBreak));
                pendingBreak = false;
                continue;
            }
            if (",;:()[]\"“”—–!?.…«»".Contains(text[i]) || text[i] == '-' && i + 1 < text.Length && text[i + 1] == '-') pendingBreak = true;
            i++;
        }
        return words;
    }
}
