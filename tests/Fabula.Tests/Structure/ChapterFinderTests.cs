using Fabula.Reading;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Tests.Structure;

public class ChapterFinderTests
{
    // A chapter shown as "heading => title", after "[its first line]" when it starts above its heading.
    private static string Chapters(Story story)
    {
        var parts = new List<string>();
        foreach (ref readonly var c in story.Layer<Chapter>().Items)
        {
            var text = story.Text.Copy(c.Span);
            var firstLine = text.Contains('\n') ? text[..text.IndexOf('\n')] : text;
            var heading = story.Text.Copy(c.Heading).Replace('\n', '/');
            var start = c.Span.Start == c.Heading.Start && c.Heading.Length > 0 ? "" : $"[{firstLine}] ";
            parts.Add($"{start}{heading} => {c.Title ?? "-"}");
        }
        return string.Join(" | ", parts);
    }

    private static string Chapters(string text) => Chapters(Pipeline.Default.Run(text));

    // Our own filler: a paragraph of plain narration, repeated to make a chapter of some length.
    private static string Body(int paragraphs) =>
        string.Join("\n\n", Enumerable.Repeat("Mira walked down to the harbour and watched the boats come in, counting the gulls on the wall.", paragraphs));

    [Fact]
    public void Title_on_the_line_after_the_heading()
    {
        var text = "CHAPTER I\n\nTHERE IS NO ONE LEFT\n\n\nWhen Mira came home the house was empty.\n\nCHAPTER II\n\nOut to Sea\n\nThe boat left at dawn.";
        Assert.Equal("CHAPTER I//THERE IS NO ONE LEFT => THERE IS NO ONE LEFT | CHAPTER II//Out to Sea => Out to Sea",
            Chapters(text));
    }

    [Theory]
    [InlineData("Chapter 3: The Storm\n\nRain fell.\n\nChapter 4 - After\n\nIt stopped.", "Chapter 3: The Storm => The Storm | Chapter 4 - After => After")]
    [InlineData("CHAPTER XXVII\n\n“Run!” she said.\n\nCHAPTER XXVIII.\n\nShe ran.", "CHAPTER XXVII => - | CHAPTER XXVIII. => -")]
    [InlineData("Chapter Three\n\nShe ran.\n\nChapter Twenty-One\n\nShe stopped.\n\nCHAPTER THE LAST\n\nShe slept.", "Chapter Three => - | Chapter Twenty-One => - | CHAPTER THE LAST => -")]
    [InlineData("CHAPTER I THE CONSUL'S YARN\n\nIt began.\n\nChapter ii.\n\nIt went on.", "CHAPTER I THE CONSUL'S YARN => THE CONSUL'S YARN | Chapter ii. => -")]
    [InlineData("Prologue\n\nLong ago.\n\nChapter 1\n\nNow.\n\nEpilogue: After\n\nLater.", "Prologue => Prologue | Chapter 1 => - | Epilogue: After => Epilogue: After")]
    [InlineData("_Chapter I_\n\nShe ran.\n\n_Chapter II_\n\nShe hid.", "_Chapter I_ => - | _Chapter II_ => -")]
    public void Chapter_headings(string text, string expected) => Assert.Equal(expected, Chapters(text));

    [Theory]
    [InlineData("Chapter 3 begins with a storm, as the book said.\n\nThe end.")]
    [InlineData("Part of the plan was simple.\n\nThe end.")]
    [InlineData("I\n\nam here.")]
    [InlineData("Epilogue is a word she liked.\n\nThe end.")]
    public void Prose_that_starts_like_a_heading_is_one_chapter(string text) =>
        Assert.Equal($"[{text[..text.IndexOf('\n')]}]  => -", Chapters(text));

    [Fact]
    public void Numerals_alone_on_a_line_count_up()
    {
        var text = $"1\n\nThe Old Inn\n\n{Body(20)}\n\n2\n\nThe Road\n\n{Body(20)}\n\n3\n\n{Body(20)}";
        Assert.Equal("1//The Old Inn => The Old Inn | 2//The Road => The Road | 3 => -", Chapters(text));
    }

    [Fact]
    public void Number_words_alone_on_a_line_count_up_too()
    {
        var text = $"_One_\n\nDREAMS\n\n{Body(20)}\n\n_Two_\n\nTHE SCHOOL\n\n{Body(20)}\n\nOne.\n\n{Body(20)}";
        Assert.Equal("_One_//DREAMS => DREAMS | _Two_//THE SCHOOL => THE SCHOOL | One. => -", Chapters(text));
    }

    [Fact]
    public void Numbered_stanzas_are_not_chapters()
    {
        var text = $"{Body(3)}\n\nI.\n\nIn the greenest of our valleys\nBy good angels tenanted,\n\nII.\n\nBanners yellow, glorious, golden,\nOn its roof did float and flow;\n\nIII.\n\nWanderers in that happy valley\n\n{Body(3)}";
        Assert.Equal(1, Pipeline.Default.Run(text).Layer<Chapter>().Count);
    }

    [Fact]
    public void Numerals_inside_chapters_number_sections()
    {
        var text = $"CHAPTER I\n\nI\n\n{Body(20)}\n\nII\n\n{Body(20)}\n\nCHAPTER II\n\n{Body(2)}\n\nCHAPTER III\n\n{Body(2)}";
        Assert.Equal(3, Pipeline.Default.Run(text).Layer<Chapter>().Count);
    }

    [Fact]
    public void A_part_heading_starts_the_next_chapter_and_is_not_one()
    {
        var text = "PART ONE--The Old Buccaneer\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\nBOOK II\n\nChapter 3\n\nThree.";
        Assert.Equal("[PART ONE--The Old Buccaneer] Chapter 1 => - | Chapter 2 => - | [BOOK II] Chapter 3 => -", Chapters(text));
    }

    [Fact]
    public void Parts_without_chapters_are_the_chapters()
    {
        var text = "PART I\n\nShe came.\n\nPART II\n\nShe went.";
        Assert.Equal("PART I => - | PART II => -", Chapters(text));
    }

    [Fact]
    public void A_table_of_contents_gives_no_empty_chapters()
    {
        var text = "THE LANTERN\n\nCONTENTS\n\nChapter 1: The Storm\nChapter 2: The Keepers\nChapter 3: The Light\n\n" +
                   "Chapter 1: The Storm\n\nRain.\n\nChapter 2: The Keepers\n\nWind.\n\nChapter 3: The Light\n\nDawn.";
        Assert.Equal("Chapter 1: The Storm => The Storm | Chapter 2: The Keepers => The Keepers | Chapter 3: The Light => The Light", Chapters(text));
        Assert.Equal(text.IndexOf("Chapter 1: The Storm\n\nRain", StringComparison.Ordinal), Pipeline.Default.Run(text).Layer<Chapter>()[0].Span.Start);
    }

    [Fact]
    public void The_last_contents_entry_before_a_preface_is_not_a_chapter()
    {
        var text = "CONTENTS\n\nI. The Storm\n\nII. The Keepers\n\nIII. The Light\n\nPREFACE\n\nI wrote this by the sea.\n\n" +
                   $"I. The Storm\n\n{Body(20)}\n\nII. The Keepers\n\n{Body(20)}\n\nIII. The Light\n\n{Body(20)}";
        var chapters = Pipeline.Default.Run(text).Layer<Chapter>();
        Assert.Equal(3, chapters.Count);
        Assert.Equal("The Storm", chapters[0].Title);
        Assert.Equal(text.IndexOf("I. The Storm\n\nMira", StringComparison.Ordinal), chapters[0].Span.Start);
    }

    [Fact]
    public void Ao3_chapter_text_joins_the_chapter_heading_above_it()
    {
        var text = "Chapter 1: Arrival\n\nNotes:\n\nThanks for reading!\n\nChapter Text\n\nMira came.\n\n" +
                   "Chapter 2: Departure\n\nChapter Text\n\nMira went.";
        Assert.Equal("Chapter 1: Arrival => Arrival | Chapter 2: Departure => Departure", Chapters(text));
    }

    [Fact]
    public void Ao3_chapter_text_alone_starts_a_chapter()
    {
        var text = "Chapter Text\n\nMira came.\n\nChapter Text\n\nMira went.";
        Assert.Equal("Chapter Text => - | Chapter Text => -", Chapters(text));
    }

    [Fact]
    public void Letters_before_the_chapters_are_chapters_letters_inside_are_not()
    {
        var text = "Letter 1\n\nDear sister.\n\nChapter 1\n\nI was born.\n\nLetter 2\n\nDear Sir, a letter in the chapter.\n\nChapter 2\n\nI grew.";
        Assert.Equal("Letter 1 => - | Chapter 1 => - | Chapter 2 => -", Chapters(text));
    }

    [Fact]
    public void A_text_without_headings_is_one_chapter()
    {
        var story = Pipeline.Default.Run("\n\nMira came.\n\nMira went.\n");
        var chapter = Assert.Single(story.Layer<Chapter>().Items.ToArray());
        Assert.Equal("Mira came.\n\nMira went.", story.Text.Copy(chapter.Span));
        Assert.Null(chapter.Title);
        Assert.Equal(0, chapter.Heading.Length);
    }

    [Fact]
    public void Short_front_matter_is_no_chapter_long_front_matter_is_one()
    {
        var shortFront = Pipeline.Default.Run("THE LANTERN\n\nby A. Writer\n\nChapter 1\n\nRain.").Layer<Chapter>();
        Assert.Equal(1, shortFront.Count);
        Assert.Equal(0, shortFront[0].Index);

        var story = Pipeline.Default.Run($"{Body(80)}\n\nChapter 1\n\nRain.");
        var chapters = story.Layer<Chapter>();
        Assert.Equal(2, chapters.Count);
        Assert.Null(chapters[0].Title);
        Assert.Equal(0, chapters[0].Heading.Length);
        Assert.Equal("Chapter 1", story.Text.Copy(chapters[1].Heading));
    }

    [Fact]
    public void Chapter_marks_from_the_document_win()
    {
        var text = "Arrival\n\nMira came.\n\nChapter 7 of nothing\n\nMira went.";
        int second = text.IndexOf("Chapter 7", StringComparison.Ordinal);
        var source = StorySource.Plain() with { ChapterMarks = [new ChapterMark(0, "Arrival"), new ChapterMark(second, null)] };
        var story = Pipeline.Default.Run(new ReadDocument(text, source));
        Assert.Equal("Arrival => Arrival | [Chapter 7 of nothing]  => -", Chapters(story));
    }
}
