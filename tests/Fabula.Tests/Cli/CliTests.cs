using Fabula.Cli;

namespace Fabula.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fabula-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FabulaCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string File(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertOneLineError((int Code, string Out, string Err) result, string expected)
    {
        Assert.Equal(2, result.Code);
        Assert.StartsWith("fabula: ", result.Err);
        Assert.Contains(expected, result.Err);
        Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void Graphml_format_writes_the_network_to_the_out_file()
    {
        string story = File("s.txt", "Clary and Simon walked home. Clary laughed, and Simon smiled at Clary.\n"u8.ToArray());
        string target = Path.Combine(_dir, "s.graphml");
        var result = Run("analyze", story, "--format", "graphml", "--out", target);
        Assert.Equal(0, result.Code);
        var doc = System.Xml.Linq.XDocument.Load(target);
        Assert.Equal("graphml", doc.Root!.Name.LocalName);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Missing_file_is_a_one_line_error() =>
        AssertOneLineError(Run("analyze", Path.Combine(_dir, "nowhere.txt")), "no such file");

    [Fact]
    public void Directory_is_a_one_line_error() =>
        AssertOneLineError(Run("analyze", _dir), "is a directory");

    [Fact]
    public void Empty_file_is_a_one_line_error() =>
        AssertOneLineError(Run("analyze", File("empty.txt", [])), "is empty");

    [Fact]
    public void Unknown_extension_lists_the_known_ones() =>
        AssertOneLineError(Run("analyze", File("story.pdf", "%PDF-1.4"u8.ToArray())), ".epub");

    [Fact]
    public void Unknown_format_option_is_a_usage_error() =>
        AssertOneLineError(Run("analyze", File("a.txt", "Hi."u8.ToArray()), "--format", "pdf"), "pdf");

    [Fact]
    public void Missing_argument_is_a_usage_error() =>
        AssertOneLineError(Run("analyze"), "analyze");

    [Fact]
    public void Unwritable_output_leaves_nothing_behind()
    {
        string story = File("a.txt", "“Run,” said Alec."u8.ToArray());
        string target = Path.Combine(_dir, "no-such-folder", "out.json");
        AssertOneLineError(Run("analyze", story, "--out", target), "does not exist");
        Assert.False(Directory.Exists(Path.Combine(_dir, "no-such-folder")));
    }

    [Fact]
    public void Output_file_is_written_whole_and_no_temporary_file_remains()
    {
        string story = File("a.txt", "Chapter 1\n\n“Run,” said Alec.\n"u8.ToArray());
        string target = Path.Combine(_dir, "out.json");
        var result = Run("analyze", story, "--out", target);
        Assert.Equal(0, result.Code);
        Assert.Equal("", result.Out);
        Assert.Contains("\"schemaVersion\"", System.IO.File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir, "out*"));
    }

    [Fact]
    public void Include_text_adds_the_text_that_offsets_point_into()
    {
        string story = File("a.txt", "\uFEFFOne line.\r\nTwo lines.\r\n"u8.ToArray());
        var result = Run("analyze", story, "--include-text");
        Assert.Equal(0, result.Code);
        Assert.Contains("\"text\": \"One line.\\nTwo lines.\\n\"", result.Out);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = Run("--version");
        Assert.Equal(0, result.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", result.Out);
    }

    [Fact]
    public void Help_names_the_commands()
    {
        var result = Run("--help");
        Assert.Equal(0, result.Code);
        Assert.Contains("analyze", result.Out);
        Assert.Contains("eval", result.Out);
    }
}
