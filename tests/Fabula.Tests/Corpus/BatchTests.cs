using System.Text.Json;
using Fabula.Cli;
using Fabula.Corpus;
using Fabula.Text;

namespace Fabula.Tests.Corpus;

public class BatchTests
{
    private const string Lighthouse = "The lamp was lit at dusk.\n\n“Is the oil in?” asked Mara.\n\n“It is,” said Tobin.\n";
    private const string Ferry = "The ferry left at noon, and nobody waved.\n";
    private const string Orchard = "Chapter 1\n\nThe apples fell.\n\nChapter 2\n\nThe wasps came.\n";

    private static List<JsonElement> Records(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    private static string Run(IEnumerable<WorkInput> works, BatchOptions options, IReadOnlySet<string>? done = null)
    {
        using var output = new MemoryStream();
        new BatchRunner(Pipeline.Default, options).Run(works, done ?? new HashSet<string>(), output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void Stable_hash_is_FNV_1a_64()
    {
        // Published FNV-1a test vectors: other tools can pick the same shard for an id.
        Assert.Equal(0xcbf29ce484222325UL, Shard.StableHash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.StableHash("a"));
        Assert.Equal(0x85944171f73967e8UL, Shard.StableHash("foobar"));
    }

    [Fact]
    public void Shards_split_the_works_with_none_twice_and_none_left_out()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"work-{i}.txt").ToList();
        var shards = Enumerable.Range(0, 4).Select(i => new Shard(i, 4)).ToList();
        foreach (string id in ids)
            Assert.Single(shards, s => s.Contains(id));
        foreach (var shard in shards)
            Assert.InRange(ids.Count(shard.Contains), 180, 320);
    }

    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    public void Parses_shards(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    public void Refuses_bad_shards(string text) => Assert.Throws<FabulaInputException>(() => Shard.Parse(text));

    [Fact]
    public void Walks_folders_in_a_stable_order_with_relative_ids()
    {
        using var folder = new TempFolder();
        folder.Write("b/ferry.txt", Ferry);
        folder.Write("a.txt", Lighthouse);
        folder.Write("b/a/orchard.md", Orchard);
        folder.Write("notes.json", "{}");
        var ids = WorkSource.Enumerate([folder.Path], () => TextReader.Null).Select(w => w.Id);
        Assert.Equal(["a.txt", "b/ferry.txt", "b/a/orchard.md"], ids);
    }

    [Fact]
    public void Reads_jsonl_of_paths_and_texts_and_turns_bad_lines_into_errors()
    {
        using var folder = new TempFolder();
        folder.Write("ferry.txt", Ferry);
        var stdin = new StringReader(
            "{\"id\": \"f\", \"path\": \"" + folder["ferry.txt"] + "\"}\n" +
            "\n" +
            "{\"id\": 7, \"text\": \"" + JsonEncodedText.Encode(Lighthouse) + "\"}\n" +
            "not json\n" +
            "{\"id\": \"nothing\"}\n");
        var works = WorkSource.Enumerate(["-"], () => stdin).ToList();
        Assert.Equal(["f", "7", "standard input:4", "nothing"], works.Select(w => w.Id));
        Assert.Equal([null, null, "not JSON", "has neither"], works.Select(w => w.Error is null ? null : w.Error.Contains("not JSON") ? "not JSON" : "has neither"));
        Assert.Equal(Lighthouse, works[1].Text);
    }

    [Fact]
    public void A_jsonl_manifest_takes_relative_paths_from_its_own_folder()
    {
        using var folder = new TempFolder();
        folder.Write("stories/ferry.txt", Ferry);
        string manifest = folder.Write("lists/works.jsonl", "{\"id\": \"ferry\", \"path\": \"../stories/ferry.txt\"}\n{\"path\": \"../stories/gone.txt\"}\n");
        var records = Records(Run(WorkSource.Enumerate([manifest], () => TextReader.Null), new BatchOptions { Jobs = 1, Ordered = true }));
        Assert.Equal(["ferry", "../stories/gone.txt"], records.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["ok", "error"], records.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_bad_work_becomes_an_error_record_and_the_run_goes_on()
    {
        using var folder = new TempFolder();
        folder.Write("ferry.txt", Ferry);
        folder.Write("empty.txt", "");
        folder.Write("lighthouse.txt", Lighthouse);
        var works = WorkSource.Enumerate([folder.Path, folder["missing.txt"]], () => TextReader.Null);
        var records = Records(Run(works, new BatchOptions { Jobs = 2, Ordered = true }));
        Assert.Equal(["empty.txt", "ferry.txt", "lighthouse.txt", folder["missing.txt"]], records.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["error", "ok", "ok", "error"], records.Select(r => r.GetProperty("status").GetString()));
        Assert.Contains("empty", records[0].GetProperty("error").GetString());
        Assert.Contains("no such file", records[3].GetProperty("error").GetString());
        Assert.Equal(3, records[2].GetProperty("paragraphs").GetInt32());
    }

    [Fact]
    public void Ordered_keeps_input_order_with_many_jobs_and_a_small_window()
    {
        var works = Enumerable.Range(0, 60).Select(i => new WorkInput($"w{i}", null, i % 7 == 0 ? string.Concat(Enumerable.Repeat(Lighthouse, 400)) : Ferry)).ToList();
        var records = Records(Run(works, new BatchOptions { Jobs = 4, Ordered = true, Window = 5 }));
        Assert.Equal(works.Select(w => w.Id), records.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Unordered_writes_every_work_once_and_skips_done_and_repeated_ids()
    {
        var works = Enumerable.Range(0, 30).Select(i => new WorkInput($"w{i % 25}", null, Ferry)).ToList();
        var records = Records(Run(works, new BatchOptions { Jobs = 3, Window = 4 }, new HashSet<string> { "w0", "w1" }));
        Assert.Equal(Enumerable.Range(2, 23).Select(i => $"w{i}").Order(), records.Select(r => r.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public void A_shard_writes_only_its_works()
    {
        var works = Enumerable.Range(0, 40).Select(i => new WorkInput($"w{i}", null, Ferry)).ToList();
        var all = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var ids = Records(Run(works, new BatchOptions { Jobs = 2, Shard = new Shard(i, 3) })).Select(r => r.GetProperty("id").GetString()!).ToList();
            Assert.All(ids, id => Assert.True(new Shard(i, 3).Contains(id)));
            all.AddRange(ids);
        }
        Assert.Equal(works.Select(w => w.Id).Order(), all.Order());
    }

    [Fact]
    public void A_record_is_the_analyze_json_on_one_line_with_id_and_status_first()
    {
        var (line, ok) = WorkRecord.Analyze(new WorkInput("lighthouse \"1\"", null, Lighthouse), Pipeline.Default, 1 << 20);
        string text = System.Text.Encoding.UTF8.GetString(line);
        Assert.True(ok);
        Assert.EndsWith("\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("{\"id\":\"lighthouse \\\"1\\\"\",\"status\":\"ok\",\"schemaVersion\":", text);
        Assert.Equal("lighthouse \"1\"", WorkRecord.IdOf(line));
    }

    [Fact]
    public void Resume_reads_done_ids_and_cuts_off_a_partial_last_line()
    {
        using var folder = new TempFolder();
        string complete = "{\"id\":\"a\",\"status\":\"ok\"}\n{\"status\":\"error\",\"id\":\"b\",\"error\":\"x\"}\nnot a record\n";
        string partial = "{\"id\":\"c\",\"status\":\"ok\",\"quo";
        string path = folder.Write("out.jsonl", complete + partial);
        var done = BatchOutput.ReadDone(path, out int cut, out int unreadable);
        Assert.Equal(["a", "b"], done.Order());
        Assert.Equal(partial.Length, cut);
        Assert.Equal(1, unreadable);
        Assert.Equal(complete, File.ReadAllText(path));
    }

    [Fact]
    public void Batch_command_resumes_a_cut_off_run_with_no_work_missing_or_twice()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 6; i++) folder.Write($"in/story{i}.txt", i % 2 == 0 ? Ferry : Lighthouse);
        string outPath = folder["out.jsonl"];
        var (code, _, _) = Cli("batch", folder["in"], "--out", outPath, "--jobs", "2", "--ordered");
        Assert.Equal(0, code);
        // Keep two whole records and half of the third, as a run killed mid-write would leave.
        var lines = File.ReadAllLines(outPath);
        File.WriteAllText(outPath, lines[0] + "\n" + lines[1] + "\n" + lines[2][..(lines[2].Length / 2)]);

        var (again, _, refused) = Cli("batch", folder["in"], "--out", outPath);
        Assert.Equal(2, again);
        Assert.Contains("--resume", refused);

        var (resumed, _, summary) = Cli("batch", folder["in"], "--out", outPath, "--resume", "--jobs", "2");
        Assert.Equal(0, resumed);
        Assert.Contains("4 works", summary);
        Assert.Contains("2 skipped", summary);
        var ids = File.ReadAllLines(outPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"story{i}.txt"), ids);
    }

    [Fact]
    public void Batch_command_exits_3_on_errors_only_when_asked()
    {
        using var folder = new TempFolder();
        folder.Write("ferry.txt", Ferry);
        Assert.Equal(0, Cli("batch", folder["ferry.txt"], folder["gone.txt"], "--quiet").Code);
        var (code, output, error) = Cli("batch", folder["ferry.txt"], folder["gone.txt"], "--fail-on-error");
        Assert.Equal(3, code);
        Assert.Equal(2, Records(output).Count);
        Assert.Contains("1 ok, 1 error", error);
    }

    internal static (int Code, string Output, string Error) Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = FabulaCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
