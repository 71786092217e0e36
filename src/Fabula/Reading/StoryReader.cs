using System.Text;

namespace Fabula.Reading;

/// <summary>Turns a file (or standard input) of any known format into one <see cref="ReadDocument"/>.</summary>
public static class StoryReader
{
    public static readonly IReadOnlyList<string> KnownExtensions = [".txt", ".md", ".html", ".htm", ".xhtml", ".epub", ".docx"];

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
            ".txt" or "" => "txt",
            ".md" or ".markdown" => "md",
            ".html" or ".htm" or ".xhtml" => "html",
            ".epub" => "epub",
            ".docx" => "docx",
            _ => throw new FabulaInputException(
                $"{path}: unknown file type '{ext}' (known: {string.Join(", ", KnownExtensions)})"),
        };
    }

    /// <summary>Reads bytes of a known format (txt, md, html, epub, docx).</summary>
    public static ReadDocument Read(byte[] bytes, string format, string? path = null)
    {
        string name = path ?? "standard input";
        if (bytes.Length == 0) throw new FabulaInputException($"{name} is empty");
        var document = format switch
        {
            "txt" => new ReadDocument(TextNormalizer.Normalize(TextDecoder.Decode(bytes, name)), StorySource.Plain(path, "txt")),
            _ => throw new FabulaInputException($"{name}: format '{format}' is not supported yet"),
        };
        if (string.IsNullOrWhiteSpace(document.Text)) throw new FabulaInputException($"{name} holds no story text");
        return document;
    }
}

/// <summary>Bytes to text: BOMs first, then strict UTF-8, then Windows-1252.</summary>
public static class TextDecoder
{
    public static string Decode(byte[] bytes, string name)
    {
        var utf8 = new UTF8Encoding(false, true);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return utf8.GetString(bytes, 3, bytes.Length - 3);
        try { return utf8.GetString(bytes); }
        catch (DecoderFallbackException)
        {
            throw new FabulaInputException($"{name} is not valid UTF-8");
        }
    }
}
