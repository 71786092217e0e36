using System.IO.Compression;
using System.Xml;

namespace Fabula.Reading;

/// <summary>
/// A zip container (EPUB, DOCX) opened with distrust: at most <see cref="MaxEntries"/> entries,
/// at most <see cref="MaxTotalBytes"/> inflated in all, no entry inflating more than
/// <see cref="MaxRatio"/> times its compressed size — counted on the bytes actually inflated, since
/// a bomb's central directory lies about its sizes. Entries whose names leave the archive
/// ("../x", "/etc/x", "C:\x") are not listed at all. Every failure is a <see cref="FabulaInputException"/>.
/// </summary>
internal sealed class SafeArchive : IDisposable
{
    public const int MaxEntries = 10_000;
    public const long MaxTotalBytes = 256L * 1024 * 1024;
    public const int MaxRatio = 100;

    /// <summary>Below this size an entry may compress as well as it likes (a short, repetitive XML part).</summary>
    private const int RatioGrace = 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZipArchiveEntry> _entriesIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly long _archiveLength;
    private long _inflated;

    public string Name { get; }

    private SafeArchive(ZipArchive zip, string name, long archiveLength)
    {
        _zip = zip;
        Name = name;
        _archiveLength = archiveLength;
    }

    public static SafeArchive Open(byte[] bytes, string name, string kind)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read); }
        catch (Exception e) when (IsZipFailure(e))
        { throw new FabulaInputException($"{name} is not a readable {kind} (its zip container is damaged: {OneLine(e.Message)})"); }
        var archive = new SafeArchive(zip, name, bytes.Length);
        try
        {
            var entries = zip.Entries;
            if (entries.Count > MaxEntries)
                throw new FabulaInputException($"{name} has {entries.Count} entries in its zip container, over the limit of {MaxEntries}");
            foreach (var entry in entries)
            {
                if (!IsInside(entry.FullName, out string path)) continue;
                archive._entries.TryAdd(path, entry);
                archive._entriesIgnoringCase.TryAdd(path, entry);
            }
        }
        catch (Exception e) when (IsZipFailure(e))
        {
            archive.Dispose();
            throw new FabulaInputException($"{name} is not a readable {kind} (its zip container is damaged: {OneLine(e.Message)})");
        }
        catch { archive.Dispose(); throw; }
        return archive;
    }

    /// <summary>Whether a zip starts with the local-file signature "PK\x03\x04" (or is an empty zip).</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && (bytes[2], bytes[3]) is (3, 4) or (5, 6);

    public bool Contains(string path) => Find(path) is not null;

    public IEnumerable<string> Paths => _entries.Keys;

    /// <summary>An entry's bytes, or null when the archive has no such entry.</summary>
    public byte[]? Read(string path)
    {
        var entry = Find(path);
        if (entry is null) return null;
        try
        {
            using var input = entry.Open();
            using var output = new MemoryStream();
            long compressed = Math.Clamp(entry.CompressedLength, 1, _archiveLength);
            var chunk = new byte[81920];
            long size = 0;
            int n;
            while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                size += n;
                _inflated += n;
                if (_inflated > MaxTotalBytes)
                    throw new FabulaInputException($"{Name} inflates to more than {MaxTotalBytes / (1024 * 1024)} MB: refused as a likely zip bomb");
                if (size > RatioGrace && size > compressed * MaxRatio)
                    throw new FabulaInputException($"{Name}: entry {path} inflates more than {MaxRatio} times its compressed size: refused as a likely zip bomb");
                output.Write(chunk, 0, n);
            }
            return output.ToArray();
        }
        catch (Exception e) when (IsZipFailure(e))
        { throw new FabulaInputException($"{Name}: entry {path} cannot be inflated ({OneLine(e.Message)})"); }
    }

    private ZipArchiveEntry? Find(string path) =>
        _entries.TryGetValue(path, out var entry) || _entriesIgnoringCase.TryGetValue(path, out entry) ? entry : null;

    /// <summary>
    /// Normalizes an entry name to "a/b/c" and says whether it stays inside the archive: no
    /// absolute path, no drive, no ".." that climbs out (the "zip slip" names).
    /// </summary>
    public static bool IsInside(string name, out string path)
    {
        path = "";
        string n = name.Replace('\\', '/');
        if (n.Length == 0 || n[0] == '/' || n.Length >= 2 && n[1] == ':' || n.Contains('\0')) return false;
        var parts = new List<string>();
        foreach (string part in n.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return false;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        if (parts.Count == 0) return false;
        path = string.Join('/', parts);
        return true;
    }

    /// <summary>Resolves an href relative to the folder of an entry ("OEBPS/content.opf" + "../x.xhtml").</summary>
    public static string? Resolve(string baseEntry, string href)
    {
        int hash = href.IndexOf('#');
        if (hash >= 0) href = href[..hash];
        if (href.Length == 0 || href.Contains("://", StringComparison.Ordinal)) return null;
        try { href = Uri.UnescapeDataString(href); }
        catch (UriFormatException) { return null; }
        int slash = baseEntry.LastIndexOf('/');
        string combined = href.StartsWith('/') ? href[1..] : (slash >= 0 ? baseEntry[..(slash + 1)] : "") + href;
        return IsInside(combined, out string path) ? path : null;
    }

    /// <summary>
    /// XML as a container part: never a DTD, never an external entity or file (XXE); an entity a
    /// document uses without the DTD that would define it is a plain error.
    /// </summary>
    public static XmlReader XmlReaderFor(byte[] bytes) => XmlReader.Create(new MemoryStream(bytes, writable: false), new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    public static bool IsZipFailure(Exception e) =>
        e is InvalidDataException or IOException or NotSupportedException or ArgumentException or XmlException
            or System.Text.DecoderFallbackException or OverflowException;

    public static string OneLine(string message)
    {
        string line = message.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    public void Dispose() => _zip.Dispose();
}
