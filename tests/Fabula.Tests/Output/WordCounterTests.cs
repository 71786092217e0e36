using FsCheck.Xunit;
using Fabula.Output;
using Fabula.Structure;

namespace Fabula.Tests.Output;

public class WordCounterTests
{
    [Fact]
    public void One_pass_gives_the_whole_count_and_each_part_alone()
    {
        // "didn't" is split by the tokenizer ("did" + "n't"): a part starting at "n't" counts it as a word of its own.
        var tokens = Tokenizer.Tokenize("The lantern keeper didn't sleep. Alec's boat came in at 20 past nine.").ToArray();
        int nt = 1;
        while (tokens[nt].Span.Start != tokens[nt - 1].Span.End) nt++;
        Assert.Equal("n't", "The lantern keeper didn't sleep."[tokens[nt].Span.Start..tokens[nt].Span.End]);
        (int From, int To)[] parts = [(0, 2), (nt, nt + 2), (nt + 4, tokens.Length - 1)];
        var counts = new int[parts.Length];

        int total = WordCounter.Count(tokens, parts, counts);

        Assert.Equal(WordCounter.Count((ReadOnlySpan<Token>)tokens), total);
        for (int p = 0; p < parts.Length; p++)
            Assert.Equal(WordCounter.Count(tokens.AsSpan(parts[p].From, parts[p].To - parts[p].From)), counts[p]);
        Assert.Equal(2, counts[1]);  // "n't sleep"
    }

    private static readonly string[] Pieces = ["the", "Lantern", "keeper", "didn't", "don’t", "well-known", "'tis", "-", "--", "'", "’", "’’",
        "1,000", "20", "x", "Éloise", "Zoë", "Жена", "naïve", "日本", "—", "…", ".", ",", "\"", "“", "”", "  ", "\n", "\t", "a-'b", "-'-", "😀", "Straße"];

    [Property(MaxTest = 300)]
    public void Counts_the_words_of_any_text_as_a_reader_does(int seed)
    {
        // Texts of random lengths across the 64-character blocks, joiners at their edges too, with and without spaces.
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (int k = random.Next(0, 90); k > 0; k--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(3) > 0) text.Append(' ');
        }
        for (int from = 0; from < Math.Min(text.Length, 70); from += 7)
        {
            var span = text.ToString().AsSpan(from);
            Assert.Equal(CharacterByCharacter(span), WordCounter.Count(span));
        }
    }

    [Fact]
    public void Apostrophes_and_hyphens_go_on_from_a_word_only()
    {
        Assert.Equal(3, WordCounter.Count("'tis well-known, don’t --"));       // tis, well-known, don’t
        Assert.Equal(1, WordCounter.Count(new string('a', 63) + "'-'-" + new string('b', 70))); // one word across three blocks
        Assert.Equal(2, WordCounter.Count(new string('a', 63) + " '-" + new string('b', 70)));
        Assert.Equal(0, WordCounter.Count("-- ' ’ …"));
    }

    // The rule, one character at a time.
    private static int CharacterByCharacter(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool part = char.IsLetterOrDigit(c) || inWord && (c == '\'' || c == '’' || c == '-');
            if (part && !inWord) words++;
            inWord = part;
        }
        return words;
    }
}
