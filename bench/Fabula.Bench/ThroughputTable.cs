using System.Diagnostics;
using System.Runtime.InteropServices;
using Fabula.Corpus;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Bench;

/// <summary>
/// The quick measurement that docs/performance.md cites (`dotnet run -c Release --project bench/Fabula.Bench -- table`):
/// a Stopwatch over each stage, single-threaded, on The Secret Garden (best of 5) and on all 100 novels
/// (once each, after a warm-up); allocations per stage; linear scaling in text and in corpus size;
/// peak memory of this process. BenchmarkDotNet (`-- bdn`) gives the same per stage with error bars.
/// Times are wall-clock (Stopwatch) and, for the corpus, also this thread's CPU time: on a shared
/// machine the wall clock counts the time other processes hold the core, the CPU time does not.
/// The corpus table also counts the instructions each stage retires (<see cref="InstructionCounter"/>):
/// a figure that other processes on the machine do not change, for comparing two builds.
/// `--corpus-only` stops after the corpus table (for quick comparisons while optimising).
/// </summary>
public static class ThroughputTable
{
    public static void Print(TextWriter output, bool quick, bool corpusOnly = false, int passes = 1)
    {
        var stages = Pipeline.Default.Stages;
        var names = stages.Select(s => s.GetType().Name).Prepend("read").Append("json").ToArray();
        string garden = Corpus.Path(Corpus.SecretGarden);
        long gardenBytes = new FileInfo(garden).Length;

        // Warm-up: JIT and data files, so the first measured novel is not charged for them.
        for (int i = 0; i < 3; i++) Measure(garden, out _);
        var novels = Corpus.Novels();
        if (quick) novels = [.. novels.Take(20)];
        var corpusMs = new double[names.Length];
        var corpusCpuMs = new double[names.Length];
        var corpusAlloc = new long[names.Length];
        var corpusInstructions = new long[names.Length];
        long corpusBytes = 0;
        // Further passes over the corpus (--passes N) run with every method compiled at its final tier: the
        // first pass's excess over them is the cost of warming up.
        for (int pass = 1; pass < passes; pass++)
        {
            var passCpu = new double[names.Length];
            foreach (string novel in novels)
            {
                var (_, cpu, _, _) = Measure(novel, out _);
                for (int s = 0; s < names.Length; s++) passCpu[s] += cpu[s];
            }
            output.WriteLine($"pass {pass}: corpus CPU s {passCpu.Sum() / 1000:0.00}: " +
                             string.Join(", ", names.Select((name, s) => $"{name} {passCpu[s] / 1000:0.00}")));
        }
        var pauseBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        foreach (string novel in novels)
        {
            var (ms, cpu, alloc, instructions) = Measure(novel, out _);
            for (int s = 0; s < names.Length; s++)
            {
                corpusMs[s] += ms[s]; corpusCpuMs[s] += cpu[s]; corpusAlloc[s] += alloc[s]; corpusInstructions[s] += instructions[s];
            }
            corpusBytes += new FileInfo(novel).Length;
        }

        // After the corpus: by then every stage runs tier-1 code (.NET compiles a method fully after
        // 30 calls; a stage runs once per novel, so five runs of one novel alone would time tier-0 code).
        var best = new double[names.Length];
        Array.Fill(best, double.MaxValue);
        long[] gardenAlloc = [];
        double gardenTotal = double.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            var (ms, _, alloc, _) = Measure(garden, out _);
            for (int s = 0; s < names.Length; s++) best[s] = Math.Min(best[s], ms[s]);
            gardenAlloc = alloc;
            gardenTotal = Math.Min(gardenTotal, ms.Sum());
        }

        output.WriteLine($"Single-threaded, per stage. The Secret Garden: {gardenBytes / 1e6:0.00} MB, best of 5. " +
            $"Corpus: {novels.Length} novels, {corpusBytes / 1e6:0.0} MB, each once.");
        output.WriteLine();
        output.WriteLine("| stage | Secret Garden ms | MB/s | allocated MB | corpus s | MB/s | corpus CPU s | MB/s per core | allocated MB | G instructions |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int s = 0; s < names.Length; s++)
            output.WriteLine($"| {names[s]} | {best[s]:0.0} | {Rate(gardenBytes, best[s])} | {gardenAlloc[s] / 1e6:0.0} | {corpusMs[s] / 1000:0.00} | {Rate(corpusBytes, corpusMs[s])} | {corpusCpuMs[s] / 1000:0.00} | {Rate(corpusBytes, corpusCpuMs[s])} | {corpusAlloc[s] / 1e6:0} | {corpusInstructions[s] / 1e9:0.00} |");
        output.WriteLine($"| **all** | **{gardenTotal:0.0}** | {Rate(gardenBytes, gardenTotal)} | {gardenAlloc.Sum() / 1e6:0.0} | **{corpusMs.Sum() / 1000:0.00}** | {Rate(corpusBytes, corpusMs.Sum())} | **{corpusCpuMs.Sum() / 1000:0.00}** | {Rate(corpusBytes, corpusCpuMs.Sum())} | {corpusAlloc.Sum() / 1e6:0} | {corpusInstructions.Sum() / 1e9:0.00} |");
        output.WriteLine($"Garbage collection over the corpus pass: {GC.CollectionCount(0) - collectionsBefore[0]} collections of generation 0, " +
                         $"{GC.CollectionCount(1) - collectionsBefore[1]} of 1, {GC.CollectionCount(2) - collectionsBefore[2]} of 2; " +
                         $"paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.00} s in all.");
        output.WriteLine();
        if (corpusOnly) return;

        // Linear in the text: the same novel repeated. Best of 3 each.
        string text = StoryReader.ReadFile(garden).Text;
        output.WriteLine("| input | pipeline ms (best of 3) | ratio to 1× |");
        output.WriteLine("|---|---:|---:|");
        double one = 0;
        foreach (int copies in new[] { 1, 2, 4 })
        {
            var document = new ReadDocument(string.Join("\n\n", Enumerable.Repeat(text, copies)), StorySource.Plain());
            double ms = Enumerable.Range(0, 3).Min(_ => Time(() => Pipeline.Default.Run(document)));
            if (copies == 1) one = ms;
            output.WriteLine($"| The Secret Garden ×{copies} (one text) | {ms:0.0} | {ms / one:0.00} |");
        }

        // Linear in the corpus: the batch runner, all cores, over 1×, 2×, 4× a slice of the novels.
        var slice = Corpus.Novels().Take(quick ? 10 : 25).ToArray();
        double first = 0;
        // Warm-up: the runner's own code (channels, threads) is JIT-compiled on its first run.
        new BatchRunner(Pipeline.Default, new BatchOptions()).Run(slice.Select(p => new WorkInput(p, p)), new HashSet<string>(), Stream.Null);
        foreach (int copies in new[] { 1, 2, 4 })
        {
            var works = Enumerable.Range(0, copies).SelectMany(c => slice.Select(p => new WorkInput($"{c}/{Path.GetFileName(p)}", p))).ToList();
            double ms = Time(() => new BatchRunner(Pipeline.Default, new BatchOptions()).Run(works, new HashSet<string>(), Stream.Null));
            if (copies == 1) first = ms;
            output.WriteLine($"| {slice.Length} novels ×{copies} (batch, {Environment.ProcessorCount} jobs) | {ms:0} | {ms / first:0.00} |");
        }
        output.WriteLine();
        output.WriteLine($"Peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB.");
    }

    /// <summary>Wall milliseconds, CPU milliseconds of this thread and bytes allocated for each step: read, each stage, JSON line.</summary>
    private static (double[] Ms, double[] CpuMs, long[] Alloc, long[] Instructions) Measure(string path, out byte[] line)
    {
        int n = Pipeline.Default.Stages.Length + 2;
        var instructions = new long[n];
        var ms = new double[n];
        var cpuMs = new double[n];
        var alloc = new long[n];
        var clock = new Stopwatch();
        long before = GC.GetAllocatedBytesForCurrentThread();
        double cpuBefore = ThreadCpuMs();
        long instructionsBefore = Counter.Read();
        clock.Start();
        var document = StoryReader.ReadFile(path);
        Step(0);
        var story = new Story(document);
        for (int s = 0; s < Pipeline.Default.Stages.Length; s++)
        {
            Pipeline.Default.Stages[s].Run(story);
            Step(s + 1);
        }
        line = WorkRecord.Ok(Path.GetFileName(path), AnalysisJson.From(story));
        Step(n - 1);
        return (ms, cpuMs, alloc, instructions);

        void Step(int i)
        {
            clock.Stop();
            long instructionsNow = Counter.Read();
            double cpuNow = ThreadCpuMs();
            long now = GC.GetAllocatedBytesForCurrentThread();
            ms[i] = clock.Elapsed.TotalMilliseconds;
            cpuMs[i] = cpuNow - cpuBefore;
            alloc[i] = now - before;
            instructions[i] = instructionsNow - instructionsBefore;
            before = GC.GetAllocatedBytesForCurrentThread();
            cpuBefore = ThreadCpuMs();
            instructionsBefore = Counter.Read();
            clock.Restart();
        }
    }

    /// <summary>The bench thread's instruction counter (the table is measured on one thread).</summary>
    [ThreadStatic] private static InstructionCounter? _counter;
    private static InstructionCounter Counter => _counter ??= new InstructionCounter();

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)

    /// <summary>CPU time this thread has used, in milliseconds (0 where the clock is not available).</summary>
    private static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(ThreadCpuClock, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : 0;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Rate(long bytes, double ms) => ms <= 0 ? "–" : $"{bytes / 1e6 / (ms / 1000):0.0}";
}
