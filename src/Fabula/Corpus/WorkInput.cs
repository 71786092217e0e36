namespace Fabula.Corpus;

/// <summary>
/// One work to analyse: its id (stable across runs and machines, used by --resume and --shard) and
/// either a file path or the text itself. <c>Error</c> is set when the input itself is bad (a missing
/// path, a broken JSONL line): such a work becomes an error record without being read.
/// </summary>
public sealed record WorkInput(string Id, string? Path, string? Text = null, string? Error = null)
{
    /// <summary>Bytes of input, for rates and ETA (file length, or UTF-16 length of inline text).</summary>
    public long Size => Text?.Length ?? (Path is null ? 0 : SizeOf(Path));

    private static long SizeOf(string path)
    {
        try { return new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
