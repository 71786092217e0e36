using System.Diagnostics;
using System.Threading.Channels;
using Fabula.Text;

namespace Fabula.Corpus;

/// <summary>How a batch run goes. <c>Window</c>: the most works read but not yet written (0: 4 per job).</summary>
public sealed record BatchOptions
{
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public bool Ordered { get; init; }
    public Shard Shard { get; init; } = Shard.All;
    public long MaxBytes { get; init; } = 256L * 1024 * 1024;
    public int Window { get; init; }
    public int EffectiveWindow => Window > 0 ? Window : Math.Max(1, Jobs) * 4;
}

/// <summary>Counts so far; <c>Bytes</c> is the input size of the works written.</summary>
public readonly record struct BatchProgress(long Ok, long Errors, long Skipped, long Bytes, TimeSpan Elapsed)
{
    public long Written => Ok + Errors;
}

/// <summary>
/// Runs the pipeline over a stream of works: one reader, <c>Jobs</c> workers and one writer, joined by
/// bounded channels. At most <c>Window</c> works are in flight (read but not written), so memory stays
/// bounded whatever the corpus size: the reader waits when the writer falls behind (backpressure).
/// With <c>Ordered</c>, records are written in input order; a slow work then holds the window until it
/// is done, which bounds the reorder buffer by the same number.
/// </summary>
public sealed class BatchRunner(Pipeline pipeline, BatchOptions options)
{
    private readonly record struct Job(long Sequence, WorkInput Work);
    private readonly record struct Done(long Sequence, byte[] Line, bool Ok, long Bytes);

    /// <summary>
    /// Analyses every work of <paramref name="works"/> in this run's shard whose id is not in
    /// <paramref name="alreadyDone"/>, writing one line per work to <paramref name="output"/> (flushed
    /// after each). A work id seen twice in the input is analysed once; the repeat counts as skipped.
    /// </summary>
    public BatchProgress Run(IEnumerable<WorkInput> works, IReadOnlySet<string> alreadyDone, Stream output,
        Action<BatchProgress>? progress = null, CancellationToken cancel = default)
    {
        int window = options.EffectiveWindow;
        var clock = Stopwatch.StartNew();
        var jobs = Channel.CreateBounded<Job>(new BoundedChannelOptions(window) { SingleWriter = true });
        var results = Channel.CreateBounded<Done>(new BoundedChannelOptions(window) { SingleReader = true });
        using var inFlight = new SemaphoreSlim(window, window);
        // Cancelled when the writer fails (a full disk), so the reader and workers stop too.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        long skipped = 0;

        // The reader runs on its own thread: enumerating may block on standard input or a slow disk.
        var reader = Task.Factory.StartNew(() =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            long sequence = 0;
            try
            {
                foreach (var work in works)
                {
                    if (!options.Shard.Contains(work.Id)) continue;
                    if (alreadyDone.Contains(work.Id) || !seen.Add(work.Id)) { Interlocked.Increment(ref skipped); continue; }
                    inFlight.Wait(stop.Token);
                    // Never blocks: the semaphore keeps fewer than `window` jobs in the channel.
                    jobs.Writer.WriteAsync(new Job(sequence++, work), stop.Token).AsTask().GetAwaiter().GetResult();
                }
                jobs.Writer.Complete();
            }
            catch (Exception e) { jobs.Writer.Complete(e); }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var workers = new Task[Math.Max(1, options.Jobs)];
        for (int w = 0; w < workers.Length; w++)
            workers[w] = Task.Factory.StartNew(() =>
            {
                while (jobs.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                    while (jobs.Reader.TryRead(out var job))
                    {
                        long size = job.Work.Size;
                        var (line, ok) = WorkRecord.Analyze(job.Work, pipeline, options.MaxBytes);
                        results.Writer.WriteAsync(new Done(job.Sequence, line, ok, size), stop.Token).AsTask().GetAwaiter().GetResult();
                    }
            }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workersDone = Task.WhenAll(workers).ContinueWith(t =>
        {
            if (t.Exception is { } e) results.Writer.Complete(e.InnerException);
            else results.Writer.Complete();
        }, TaskScheduler.Default);

        long okCount = 0, errors = 0, bytes = 0, next = 0;
        var waiting = new Dictionary<long, Done>();
        void Write(in Done done)
        {
            output.Write(done.Line);
            output.Flush();
            if (done.Ok) okCount++; else errors++;
            bytes += done.Bytes;
            inFlight.Release();
            progress?.Invoke(new BatchProgress(okCount, errors, Interlocked.Read(ref skipped), bytes, clock.Elapsed));
        }

        try
        {
            while (results.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                while (results.Reader.TryRead(out var done))
                {
                    if (!options.Ordered) { Write(done); continue; }
                    waiting.Add(done.Sequence, done);
                    while (waiting.Remove(next, out var inOrder)) { Write(inOrder); next++; }
                }
        }
        catch when (!stop.IsCancellationRequested)
        {
            stop.Cancel();
            throw;
        }
        // Surface a reader or worker failure (an enumeration error, a cancelled run).
        reader.GetAwaiter().GetResult();
        workersDone.GetAwaiter().GetResult();
        results.Reader.Completion.GetAwaiter().GetResult();
        var summary = new BatchProgress(okCount, errors, Interlocked.Read(ref skipped), bytes, clock.Elapsed);
        progress?.Invoke(summary);
        return summary;
    }
}
