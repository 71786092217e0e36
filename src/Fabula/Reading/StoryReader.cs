namespace Fabula.Reading;

/// <summary>Turns a file (or standard input) of any known format into one <see cref="ReadDocument"/>.</summary>
public static class StoryReader
{
    public static readonly IReadOnlyList<string> KnownExtensions = [".txt", ".md", ".html", ".htm", ".xhtml", ".epub", ".docx"];

    public static readonly IReadOnlyList<string> KnownFormats = ["txt", "md", "html", "epub", "docx", "auto"];

    /// <summary>Reads a file; the format comes from its extension.</summary>
    public static ReadDocument ReadFile(string path, long maxBytes = long.MaxValue)
    {
        if (Directory.Exists(path)) throw new FabulaInputException($"{path} is a directory, not a story file");
        if (!File.Exists(path)) throw new FabulaInputException($"{path}: no such file");
        string format = FormatOf(path);
        var info = new FileInfo(path);
        if (info.Length > maxBytes)
            throw new FabulaInputException($"{path} is {info.Length / (1024 * 1024)} MB, over the limit of {maxBytes / (1024 * 1024)} MB (raise it with --max-size)");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        { throw new FabulaInputException($"{path}: cannot be read ({e.Message})"); }
        return Read(bytes, format, path);
    }

    /// <summary>The format name of a path, from its extension; unknown extensions are input errors.</summary>
    public static string FormatOf(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".txt" or ".text" or "" => "txt",
            ".md" or ".markdown" => "md",
            ".html" or ".htm" or ".xhtml" => "html",
            ".epub" => "epub",
            ".docx" => "docx",
            _ => throw new FabulaInputException(
                $"{path}: unknown file type '{ext}' (known: {string.Join(", ", KnownExtensions)})"),
        };
    }

    /// <summary>
    /// Reads bytes of a known format (txt, md, html, epub, docx), or "auto" to tell the format from
    /// the bytes themselves (standard input). Bad bytes only ever raise <see cref="FabulaInputException"/>.
    /// </summary>
    public static ReadDocument Read(byte[] bytes, string format, string? path = null)
    {
        string name = path ?? "standard input";
        if (bytes.Length == 0) throw new FabulaInputException($"{name} is empty");
        if (format == "auto") format = Sniff(bytes, name);
        var document = format switch
        {
            "txt" => new ReadDocument(TextNormalizer.Normalize(TextDecoder.Decode(bytes, name)), StorySource.Plain(path, "txt")),
            "md" => MarkdownReader.Read(TextNormalizer.Normalize(TextDecoder.Decode(bytes, name)), path, name),
            "html" => HtmlReader.Read(TextDecoder.DecodeMarkup(bytes, name), path, name),
            "epub" => ReadContainer(() => EpubReader.Read(bytes, path, name), name, "EPUB"),
            "docx" => ReadContainer(() => DocxReader.Read(bytes, path, name), name, "DOCX"),
            _ => throw new FabulaInputException($"{name}: unknown format '{format}' (known: {string.Join(", ", KnownFormats)})"),
        };
        if (string.IsNullOrWhiteSpace(document.Text)) throw new FabulaInputException($"{name} holds no story text");
        return document;
    }

    /// <summary>Malformed XML inside a container (a damaged part, a DTD's undeclared entity) is bad input, said in one line.</summary>
    private static ReadDocument ReadContainer(Func<ReadDocument> read, string name, string kind)
    {
        try { return read(); }
        catch (Exception e) when (SafeArchive.IsZipFailure(e))
        { throw new FabulaInputException($"{name} is not a readable {kind}: {SafeArchive.OneLine(e.Message)}"); }
    }

    /// <summary>
    /// The format of bytes without a name: a zip holding word/document.xml is DOCX, one holding
    /// META-INF/container.xml (or the EPUB mimetype entry) is EPUB; text that opens with '&lt;'
    /// is HTML; anything else is plain text.
    /// </summary>
    public static string Sniff(byte[] bytes, string name)
    {
        if (SafeArchive.LooksLikeZip(bytes))
        {
            using var zip = SafeArchive.Open(bytes, name, "EPUB or DOCX");
            if (zip.Contains("word/document.xml")) return "docx";
            if (zip.Contains("META-INF/container.xml")) return "epub";
            if (zip.Read("mimetype") is { } mime && System.Text.Encoding.ASCII.GetString(mime).Trim() == "application/epub+zip") return "epub";
            throw new FabulaInputException($"{name} is a zip archive but neither an EPUB nor a DOCX");
        }
        ReadOnlySpan<byte> head = bytes;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        int i = 0;
        while (i < head.Length && i < 4096 && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < head.Length && head[i] == '<' ? "html" : "txt";
    }
}
