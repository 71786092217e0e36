using Fabula.Cli;

namespace Fabula.Tests.Cli;

/// <summary>The report formats from the command line: html and md to a file, booknlp to a folder.</summary>
public sealed class ReportCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fabula-report-cli-").FullName;
    private readonly string _story;

    public ReportCliTests()
    {
        _story = Path.Combine(_dir, "ada.txt");
        File.WriteAllText(_story, "Chapter 1\n\n“Run,” said Ada. <script>alert(1)</script>\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FabulaCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Html_is_one_file_that_loads_nothing()
    {
        var result = Run("analyze", _story, "--format", "html");
        Assert.Equal(0, result.Code);
        Assert.StartsWith("<!DOCTYPE html>", result.Out);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", result.Out);
        Assert.DoesNotContain("<script>alert", result.Out);
        Assert.DoesNotContain("src=", result.Out);
    }

    [Fact]
    public void Markdown_is_the_report()
    {
        var result = Run("analyze", _story, "--format", "md");
        Assert.Equal(0, result.Code);
        Assert.Contains("## Content warnings", result.Out);
        Assert.Contains("\\<script\\>", result.Out);
    }

    [Fact]
    public void Booknlp_needs_a_folder()
    {
        var result = Run("analyze", _story, "--format", "booknlp");
        Assert.Equal(2, result.Code);
        Assert.Contains("--out DIR", result.Err);
    }

    [Fact]
    public void Booknlp_writes_four_files_and_rewrites_its_own_folder()
    {
        string dir = Path.Combine(_dir, "ada-booknlp");
        Assert.Equal(0, Run("analyze", _story, "--format", "booknlp", "--out", dir).Code);
        string[] expected = ["ada.book", "ada.entities", "ada.quotes", "ada.tokens"];
        Assert.Equal(expected, Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(0, Run("analyze", _story, "--format", "booknlp", "--out", dir).Code);
        Assert.Equal(expected, Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(["ada-booknlp", "ada.txt"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Booknlp_leaves_a_folder_of_other_files_alone()
    {
        string dir = Directory.CreateDirectory(Path.Combine(_dir, "thesis")).FullName;
        File.WriteAllText(Path.Combine(dir, "chapter1.tex"), "mine");
        var result = Run("analyze", _story, "--format", "booknlp", "--out", dir);
        Assert.Equal(2, result.Code);
        Assert.Contains("chapter1.tex", result.Err);
        Assert.Equal(["chapter1.tex"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }
}
