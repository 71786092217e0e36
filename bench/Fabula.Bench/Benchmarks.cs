using BenchmarkDotNet.Attributes;
using Fabula.Corpus;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Bench;

/// <summary>Each stage of Pipeline.Default alone, on The Secret Garden, after the stages before it.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private ReadDocument _document = null!;
    private Story _story = null!;
    private int _index;

    public static IEnumerable<string> StageNames() => Pipeline.Default.Stages.Select(s => s.GetType().Name);

    [ParamsSource(nameof(StageNames))]
    public string Stage { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _document = StoryReader.ReadFile(Corpus.Path(Corpus.SecretGarden));
        _index = Pipeline.Default.Stages.IndexOf(Pipeline.Default.Stages.First(s => s.GetType().Name == Stage));
    }

    [IterationSetup]
    public void Prepare()
    {
        _story = new Story(_document);
        for (int i = 0; i < _index; i++) Pipeline.Default.Stages[i].Run(_story);
    }

    [Benchmark]
    public void Run() => Pipeline.Default.Stages[_index].Run(_story);
}

/// <summary>The whole way from bytes to the JSON line, on The Secret Garden, single-threaded.</summary>
[MemoryDiagnoser]
public class SecretGardenBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(Corpus.Path(Corpus.SecretGarden));

    [Benchmark]
    public ReadDocument Read() => StoryReader.Read(_bytes, "txt", Corpus.SecretGarden);

    [Benchmark]
    public byte[] ReadAnalyzeWrite() =>
        WorkRecord.Ok(Corpus.SecretGarden, AnalysisJson.From(Pipeline.Default.Run(StoryReader.Read(_bytes, "txt", Corpus.SecretGarden))));
}

/// <summary>Linear time: the pipeline on The Secret Garden repeated 1, 2 and 4 times (the ratio should be ~1:2:4).</summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private ReadDocument _document = null!;

    [Params(1, 2, 4)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string text = StoryReader.ReadFile(Corpus.Path(Corpus.SecretGarden)).Text;
        _document = new ReadDocument(string.Join("\n\n", Enumerable.Repeat(text, Copies)), StorySource.Plain());
    }

    [Benchmark]
    public Story Pipeline() => Text.Pipeline.Default.Run(_document);
}

/// <summary>All 100 novels through the batch runner (reading, pipeline, JSON), 1 job and all cores.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CorpusBenchmarks
{
    private List<WorkInput> _works = [];

    [Params(1, 2)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup() => _works = [.. Corpus.Novels().Select(p => new WorkInput(System.IO.Path.GetFileName(p), p))];

    [Benchmark]
    public BatchProgress AllNovels() =>
        new BatchRunner(Text.Pipeline.Default, new BatchOptions { Jobs = Jobs }).Run(_works, new HashSet<string>(), Stream.Null);
}

/// <summary>Each stage alone on all 100 novels (one operation = the stage on every novel), after the stages before it.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class CorpusStageBenchmarks
{
    private ReadDocument[] _documents = [];
    private Story[] _stories = [];
    private int _index;

    [ParamsSource(nameof(StageNames))]
    public string Stage { get; set; } = "";

    public static IEnumerable<string> StageNames() => StageBenchmarks.StageNames();

    [GlobalSetup]
    public void Setup()
    {
        _documents = [.. Corpus.Novels().Select(p => StoryReader.ReadFile(p))];
        _index = Pipeline.Default.Stages.IndexOf(Pipeline.Default.Stages.First(s => s.GetType().Name == Stage));
    }

    [IterationSetup]
    public void Prepare()
    {
        _stories = [.. _documents.Select(d => new Story(d))];
        foreach (var story in _stories)
            for (int i = 0; i < _index; i++) Pipeline.Default.Stages[i].Run(story);
    }

    [Benchmark]
    public void Run()
    {
        foreach (var story in _stories) Pipeline.Default.Stages[_index].Run(story);
    }
}
