using Fabula.Output;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Tests.Golden;

/// <summary>
/// The whole JSON of the shipped sample story. When a stage changes it on purpose, rewrite it with
/// FABULA_UPDATE_GOLDEN=1 and review the diff before committing.
/// </summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData("the-lantern-keeper.txt")]
    public void Sample_story_json_matches_the_golden_file(string sample)
    {
        string root = RepoRoot();
        var document = StoryReader.ReadFile(Path.Combine(root, "samples", sample));
        var story = Pipeline.Default.Run(document with { Source = document.Source with { Path = "samples/" + sample } });
        string actual = AnalysisJson.From(story).Serialize().ReplaceLineEndings("\n") + "\n";
        string goldenPath = Path.Combine(root, "tests", "Fabula.Tests", "Golden", Path.ChangeExtension(sample, ".json"));
        if (Environment.GetEnvironmentVariable("FABULA_UPDATE_GOLDEN") == "1")
            File.WriteAllText(goldenPath, actual);
        Assert.True(File.Exists(goldenPath), $"No golden file {goldenPath}: run with FABULA_UPDATE_GOLDEN=1 and review it.");
        string expected = File.ReadAllText(goldenPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            int at = 0;
            while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
            int from = Math.Max(0, at - 120);
            Assert.Fail($"JSON differs from {goldenPath} at char {at}.\nexpected: …{Slice(expected, from)}…\nactual:   …{Slice(actual, from)}…\n" +
                        "If the change is intended, rerun with FABULA_UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static string Slice(string s, int from) => s.Substring(from, Math.Min(240, s.Length - from));

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fabula.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Fabula.slnx).");
    }
}
