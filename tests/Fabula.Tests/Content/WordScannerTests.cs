using Fabula.Content;

namespace Fabula.Tests.Content;

public class WordScannerTests
{
    [Theory]
    [InlineData("She didn't hit the twelve-year-old, said Mr. Lane.", "She|didn't|hit|the|twelve|year|old|said|Mr|Lane")]
    [InlineData("“Wren’s lantern”—gone…", "Wren’s|lantern|gone")]
    public void Split_finds_the_words_with_the_hash_of_each(string passage, string expected)
    {
        var words = new List<ScannedWord>();
        WordScanner.Split(passage, 0, passage.Length, words);

        Assert.Equal(expected, string.Join("|", words.Select(w => passage.Substring(w.Start, w.Length))));
        foreach (var w in words)
            Assert.Equal(WordScanner.Hash(passage.AsSpan(w.Start, w.Length)), w.Hash);
    }
}
