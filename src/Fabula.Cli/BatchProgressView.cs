using System.Diagnostics;
using Fabula.Corpus;

namespace Fabula.Cli;

/// <summary>
/// Progress of a batch run on standard error: a bar with rate and ETA, redrawn in place on a terminal;
/// a plain line every 10 seconds otherwise (a log file, a Slurm job's output). The total comes from a
/// second, cheap walk of the inputs in the background; until it is known there is no ETA.
/// </summary>
internal sealed class BatchProgressView(TextWriter error, bool terminal, bool quiet)
{
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private long _totalWorks = -1, _totalBytes = -1;
    private bool _drawn;

    public void CountInBackground(IReadOnlyList<string> inputs, Shard shard, IReadOnlySet<string> done) =>
        Task.Run(() =>
        {
            long works = 0, bytes = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var work in WorkSource.Enumerate(inputs, () => TextReader.Null))
                if (shard.Contains(work.Id) && !done.Contains(work.Id) && seen.Add(work.Id))
                {
                    works++;
                    bytes += work.Size;
                }
            Interlocked.Exchange(ref _totalBytes, bytes);
            Interlocked.Exchange(ref _totalWorks, works);
        });

    public void Report(BatchProgress p)
    {
        if (quiet) return;
        var every = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(10);
        if (_sinceDrawn.Elapsed < every) return;
        _sinceDrawn.Restart();
        if (terminal) { error.Write("\r" + Line(p, bar: true) + "\u001b[K"); _drawn = true; }
        else error.WriteLine("fabula batch: " + Line(p, bar: false));
        error.Flush();
    }

    public void Finish(BatchProgress p, string? outPath)
    {
        if (_drawn) error.Write("\r\u001b[K");
        double seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-9);
        error.WriteLine($"fabula batch: {p.Written} works in {p.Elapsed.TotalSeconds:0.0} s ({p.Bytes / 1e6 / seconds:0.00} MB/s): " +
            $"{p.Ok} ok, {p.Errors} {(p.Errors == 1 ? "error" : "errors")}, {p.Skipped} skipped" + (outPath is null ? "" : $" -> {outPath}"));
    }

    private string Line(BatchProgress p, bool bar)
    {
        long total = Interlocked.Read(ref _totalWorks), totalBytes = Interlocked.Read(ref _totalBytes);
        double seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-9);
        string counts = total >= 0 ? $"{p.Written}/{total} works" : $"{p.Written} works";
        string rate = $"{p.Written / seconds:0.0} works/s, {p.Bytes / 1e6 / seconds:0.00} MB/s";
        string eta = "";
        if (total > 0 && p.Bytes > 0 && totalBytes > 0)
            eta = ", ETA " + Clock(TimeSpan.FromSeconds(Math.Max(0, totalBytes - p.Bytes) / (p.Bytes / seconds)));
        string errors = p.Errors > 0 ? $", {p.Errors} errors" : "";
        if (!bar || total <= 0) return $"{counts}, {rate}{eta}{errors}";
        const int width = 24;
        int filled = (int)Math.Min(width, width * p.Written / total);
        return $"[{new string('#', filled)}{new string('.', width - filled)}] {counts}, {rate}{eta}{errors}";
    }

    private static string Clock(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";
}
