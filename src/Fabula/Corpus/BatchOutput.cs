namespace Fabula.Corpus;

/// <summary>The JSONL output of a batch run: what is already in it (for --resume), and opening it to append.</summary>
public static class BatchOutput
{
    /// <summary>
    /// The ids of the complete records in an existing output. A run killed mid-write leaves a last line
    /// without its newline: it is cut off here (records are written whole, one write each, so only the
    /// last line can be partial), and its work runs again. <paramref name="unreadable"/> counts complete
    /// lines with no id, which are kept but do not count as done.
    /// </summary>
    public static HashSet<string> ReadDone(string path, out int truncatedBytes, out int unreadable)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        truncatedBytes = 0;
        unreadable = 0;
        if (!File.Exists(path)) return done;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        long complete = EndOfLastCompleteLine(stream);
        truncatedBytes = (int)(stream.Length - complete);
        if (truncatedBytes > 0) stream.SetLength(complete);
        stream.Position = 0;

        var line = new List<byte>(1 << 16);
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            int from = 0;
            for (int i = Array.IndexOf(chunk, (byte)'\n', 0, n); i >= 0; i = Array.IndexOf(chunk, (byte)'\n', from, n - from))
            {
                ReadOnlySpan<byte> text;
                if (line.Count == 0) text = chunk.AsSpan(from, i - from);
                else
                {
                    line.AddRange(chunk.AsSpan(from, i - from));
                    text = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(line);
                }
                if (!text.IsEmpty && !text.Trim(" \t\r"u8).IsEmpty)
                {
                    if (WorkRecord.IdOf(text) is { } id) done.Add(id);
                    else unreadable++;
                }
                line.Clear();
                from = i + 1;
                if (from >= n) break;
            }
            if (from < n) line.AddRange(chunk.AsSpan(from, n - from));
        }
        return done;
    }

    private static long EndOfLastCompleteLine(FileStream stream)
    {
        var chunk = new byte[1 << 16];
        long end = stream.Length;
        while (end > 0)
        {
            int size = (int)Math.Min(chunk.Length, end);
            stream.Position = end - size;
            stream.ReadExactly(chunk, 0, size);
            int i = Array.LastIndexOf(chunk, (byte)'\n', size - 1, size);
            if (i >= 0) return end - size + i + 1;
            end -= size;
        }
        return 0;
    }

    /// <summary>
    /// Opens the output to append records, unbuffered: each record goes to the OS in one write, so a
    /// killed run leaves whole lines and at most one partial last line.
    /// </summary>
    public static FileStream OpenForAppend(string path, bool truncate) =>
        new(path, truncate ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
}
