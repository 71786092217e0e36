using System.Text;
using Fabula.Output;
using Fabula.Text;

namespace Fabula.Tests.Output;

public sealed class MarkdownReportTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>")]
    [InlineData("# Not a heading", "\\# Not a heading")]
    [InlineData("1. Not a list", "1\\. Not a list")]
    [InlineData("- Not an item\n    not code", "\\- Not an item\nnot code")]
    [InlineData("[a link](javascript:alert(1))", "\\[a link\\](javascript:alert(1))")]
    [InlineData("Tom & Jerry | *bold* _em_", "Tom \\& Jerry \\| \\*bold\\* \\_em\\_")]
    [InlineData("1984 was a year.", "1984 was a year.")]
    public void Story_text_never_becomes_markup(string text, string expected)
    {
        var md = new StringBuilder();
        MarkdownReport.Block(md, text);
        Assert.Equal(expected, md.ToString());
    }

    [Fact]
    public void Hostile_story_has_every_section_and_no_live_markup()
    {
        string md = MarkdownReport.Write(ReportFixtures.WithFindings(ReportFixtures.Hostile()));
        foreach (string heading in new[] { "## Overview", "## Cast", "## Relationships", "## Dialogue", "## Timeline", "## Chapters and scenes", "## Consistency", "## Content warnings", "## The text" })
            Assert.Contains("\n" + heading + "\n", md);
        // Every '<' is escaped ("\<") or opens one of the report's own tags.
        Assert.DoesNotMatch(@"(?<!\\)<(?!a id=""[a-z0-9-]+""></a>|/a>|/?sup>)", md);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript:", md); // "\](" is an escaped bracket, not a link
        Assert.Contains("\\<script\\>", md);                  // the text, escaped
        Assert.Contains("Mallory \\<img", md);                // the author
        Assert.Contains("javascript:alert(document.domain)", md); // an AO3 tag, as words
    }

    [Fact]
    public void Findings_link_to_the_text_and_the_text_links_back()
    {
        string md = MarkdownReport.Write(ReportFixtures.WithFindings(ReportFixtures.Read(ReportFixtures.SamplePath)));
        int link = md.IndexOf("](#p-", StringComparison.Ordinal);
        Assert.True(link > 0);
        string target = md[(link + 3)..md.IndexOf(')', link)];
        Assert.Contains($"<a id=\"{target}\"></a>", md);
        Assert.Matches(@"\[↩ [^\]]+\]\(#warning-0-0\)", md);
        Assert.Contains("<a id=\"warning-0-0\"></a>", md);
    }

    [Fact]
    public void Relationships_name_both_characters_of_the_relation_stage()
    {
        var story = Pipeline.Default.Run("Mara Quill lit the lamp. Her brother Tobias waited below.\n\n\"Come down,\" Tobias said. Mara laughed.");
        string md = MarkdownReport.Write(story);
        Assert.Contains("| Mara Quill | sibling | Tobias |", md);
    }
}
