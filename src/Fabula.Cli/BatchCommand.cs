using System.CommandLine;
using System.Text;
using Fabula.Corpus;
using Fabula.Text;

namespace Fabula.Cli;

/// <summary>
/// <c>fabula batch INPUT... [--out FILE] [--jobs N] [--resume] [--ordered] [--shard i/N]</c>: one JSON
/// line per work. Exit 0 when the run finished, even if some works failed (each is an error record and
/// the summary line counts them); 3 with --fail-on-error when any did; 2 for bad usage; 1 if the run
/// itself broke (the output could not be written).
/// </summary>
public static class BatchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("INPUT")
        {
            Description = "Story files, folders (walked recursively), JSONL files of {\"id\",\"path\"|\"text\"} lines, or - for JSONL on standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outPath = new Option<string?>("--out", "-o") { Description = "The JSONL output (default: standard output)." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Works analysed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var resume = new Option<bool>("--resume") { Description = "Skip the works already in --out and append the rest (a cut-off last line is removed)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing --out." };
        var ordered = new Option<bool>("--ordered") { Description = "Write records in input order (default: as they finish)." };
        var shard = new Option<string?>("--shard") { Description = "Only shard i of N (i/N, 0-based), chosen by a stable hash of each work's id: for job arrays." };
        var maxSize = new Option<int>("--max-size") { Description = "A file larger than this many megabytes becomes an error record.", DefaultValueFactory = _ => 256 };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress, only the summary line." };
        var failOnError = new Option<bool>("--fail-on-error") { Description = "Exit 3 when any work became an error record." };

        var command = new Command("batch", "Analyse many works: one JSON line per work, in parallel, resumable, shardable.\n\n" +
            "Example:  fabula batch ../shared/litbank/original --out results.jsonl --jobs 2")
        { inputs, outPath, jobs, resume, overwrite, ordered, shard, maxSize, quiet, failOnError };
        command.SetAction(parse =>
        {
            string? path = parse.GetValue(outPath);
            bool toFile = !string.IsNullOrEmpty(path) && path != "-";
            int jobCount = parse.GetValue(jobs);
            if (jobCount < 1) throw new FabulaInputException("--jobs must be at least 1");
            if (parse.GetValue(resume) && !toFile) throw new FabulaInputException("--resume needs --out FILE (it reads what is already there)");
            var options = new BatchOptions
            {
                Jobs = jobCount,
                Ordered = parse.GetValue(ordered),
                Shard = parse.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All,
                MaxBytes = (long)Math.Max(1, parse.GetValue(maxSize)) * 1024 * 1024,
            };

            IReadOnlySet<string> done = new HashSet<string>();
            Stream stream;
            if (toFile)
            {
                string full = Path.GetFullPath(path!);
                if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
                    throw new FabulaInputException($"{path}: folder {dir} does not exist");
                bool exists = File.Exists(full) && new FileInfo(full).Length > 0;
                if (exists && !parse.GetValue(resume) && !parse.GetValue(overwrite))
                    throw new FabulaInputException($"{path} exists: add --resume to continue it or --overwrite to replace it");
                if (parse.GetValue(resume))
                {
                    done = BatchOutput.ReadDone(full, out int cut, out int unreadable);
                    if (cut > 0) error.WriteLine($"fabula batch: removed a cut-off last line ({cut} bytes) from {path}");
                    if (unreadable > 0) error.WriteLine($"fabula batch: {unreadable} lines of {path} have no id; their works run again");
                }
                try { stream = BatchOutput.OpenForAppend(full, truncate: !parse.GetValue(resume)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                { throw new FabulaInputException($"{path}: cannot be written ({e.Message})"); }
            }
            else stream = ReferenceEquals(output, Console.Out) ? Console.OpenStandardOutput() : new WriterStream(output);

            string[] names = parse.GetValue(inputs)!;
            var works = WorkSource.Enumerate(names, () => Console.In);
            bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var progress = new BatchProgressView(error, terminal, parse.GetValue(quiet));
            if (!parse.GetValue(quiet) && !names.Contains("-"))
                progress.CountInBackground(names, options.Shard, done);

            BatchProgress summary;
            using (stream)
                summary = new BatchRunner(Pipeline.Default, options).Run(works, done, stream, progress.Report);
            progress.Finish(summary, toFile ? path : null);
            return parse.GetValue(failOnError) && summary.Errors > 0 ? 3 : 0;
        });
        return command;
    }

    /// <summary>Records to a TextWriter (standard output in tests): each write is whole lines of UTF-8.</summary>
    private sealed class WriterStream(TextWriter writer) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => writer.Write(Encoding.UTF8.GetString(buffer, offset, count));
    }
}
