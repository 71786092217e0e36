using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Tests.Structure;

public class SentenceFinderTests
{
    [Theory]
    [InlineData("Alec ran. Mira stayed! Why? Who knows?! Nobody… Still.", "Alec ran. | Mira stayed! | Why? | Who knows?! | Nobody… | Still.")]
    [InlineData("\"Run!\" she said. \"Now.\"", "\"Run!\" she said. | \"Now.\"")]
    [InlineData("\"Run!\" He ran.", "\"Run!\" | He ran.")]
    [InlineData("“Is it?” asked Alec. “Yes.” Mira nodded.", "“Is it?” asked Alec. | “Yes.” | Mira nodded.")]
    [InlineData("‘Go!’ she cried. ‘Go now.’", "‘Go!’ she cried. | ‘Go now.’")]
    [InlineData("Mr. Smith and Mrs. Jones met Dr. Watson at St. Paul's. Capt. Hook came.", "Mr. Smith and Mrs. Jones met Dr. Watson at St. Paul's. | Capt. Hook came.")]
    [InlineData("J. R. Smith wrote it. He slept.", "J. R. Smith wrote it. | He slept.")]
    [InlineData("Apples, pears, etc. and plums. Then etc. More came.", "Apples, pears, etc. and plums. | Then etc. | More came.")]
    [InlineData("Well... maybe not. I... I don't know.", "Well... maybe not. | I... | I don't know.")]
    [InlineData("He waited (a long time.) Then he left.", "He waited (a long time.) | Then he left.")]
    [InlineData("\"Stop!\"—but he ran. Gone.", "\"Stop!\"—but he ran. | Gone.")]
    [InlineData("It was I. Then he left.", "It was I. | Then he left.")]
    [InlineData("She said no. Vol. 2 waits.", "She said no. | Vol. 2 waits.")]
    [InlineData("Laws-a-me! he's my own. Well!—an honest man.", "Laws-a-me! | he's my own. | Well! | —an honest man.")]
    [InlineData("Oh! you came, did you?", "Oh! | you came, did you?")]
    [InlineData("“Oh! you came?” she said.", "“Oh! | you came?” she said.")]
    [InlineData("no end mark", "no end mark")]
    public void Splits_sentences(string text, string expected) =>
        Assert.Equal(expected, Show.Layer<Sentence>(text));

    [Fact]
    public void Wrapped_lines_are_spaces_and_paragraphs_end_sentences()
    {
        var story = Pipeline.Default.Run("The rain fell on the old house and the garden and the\nlittle gate by the road. It\nwas cold.\n\nMira came home without a word\n\nand slept.");
        Assert.Equal("The rain fell on the old house and the garden and the\nlittle gate by the road. | It\nwas cold. | Mira came home without a word | and slept.",
            Show.Layer<Sentence>(story));
        var sentences = story.Layer<Sentence>().Items;
        Assert.Equal([0, 0, 1, 2], [sentences[0].Paragraph, sentences[1].Paragraph, sentences[2].Paragraph, sentences[3].Paragraph]);
    }
}
