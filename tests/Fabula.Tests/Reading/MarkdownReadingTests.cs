using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class MarkdownReadingTests
{
    private static ReadDocument Read(string markdown) => StoryReader.Read(Encoding.UTF8.GetBytes(markdown), "md", "story.md");

    [Theory]
    [InlineData("Mara *ran* to the **lamp**.", "Mara ran to the lamp.")]
    [InlineData("She read the [keeper's log](log.html) twice.", "She read the keeper's log twice.")]
    [InlineData("Wren's_lamp_ stayed lit; 2 * 3 = 6.", "Wren's_lamp_ stayed lit; 2 * 3 = 6.")]
    [InlineData("A \\*starred\\* word &amp; an `inline code`.", "A *starred* word & an inline code.")]
    [InlineData("> “Go,” she said.\n> And he went.", "“Go,” she said. And he went.")]
    [InlineData("- one\n- two", "one\n\ntwo")]
    [InlineData("First line  \nsecond line.", "First line\nsecond line.")]
    [InlineData("Before.\n\n* * *\n\nAfter.", "Before.\n\n* * *\n\nAfter.")]
    [InlineData("A picture: ![a lighthouse](l.png) here.", "A picture: here.")]
    public void Strips_markup_and_keeps_text(string markdown, string expected) =>
        Assert.Equal(expected, Read(markdown).Text);

    [Fact]
    public void Chapter_headings_become_chapter_marks_and_the_title_heading_the_title()
    {
        var document = Read("""
            # The Lantern Keeper

            ## The Storm

            Mara turned *twelve*.

            ## The Keepers

            The council met.
            """);
        Assert.Equal("The Lantern Keeper", document.Source.Title);
        Assert.Equal("The Lantern Keeper\n\nThe Storm\n\nMara turned twelve.\n\nThe Keepers\n\nThe council met.", document.Text);
        Assert.Equal("The Storm@The Storm | The Keepers@The Keepers", Bindery.Marks(document));
    }

    [Fact]
    public void A_lone_heading_with_a_chapter_word_is_a_chapter()
    {
        var document = Read("Chapter One\n===========\n\nMara ran.");
        Assert.Equal("Chapter One@Chapter One", Bindery.Marks(document));
    }

    [Fact]
    public void Front_matter_gives_title_and_author_and_is_not_story_text()
    {
        var document = Read("---\ntitle: \"The Lantern Keeper\"\nauthor: Fabula Sampler\ntags:\n  - lighthouses\n---\nMara ran.\n");
        Assert.Equal("The Lantern Keeper", document.Source.Title);
        Assert.Equal("Fabula Sampler", document.Source.Author);
        Assert.Equal("Mara ran.", document.Text);
    }
}
