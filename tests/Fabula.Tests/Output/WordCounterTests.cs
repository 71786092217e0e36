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
}
