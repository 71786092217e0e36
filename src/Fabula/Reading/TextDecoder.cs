using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Fabula.Reading;

/// <summary>
/// Bytes to text: a byte-order mark decides first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
/// Windows-1252, the encoding of most old plain-text fiction that is not UTF-8. Bytes that are not
/// text at all are refused before any of that.
/// </summary>
public static partial class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string name) => Decode(bytes, name, markup: false);

    /// <summary>
    /// HTML and XHTML: as <see cref="Decode(ReadOnlySpan{byte}, string)"/>, except that bytes which are
    /// not UTF-8 are decoded with the charset the document declares in its first 1024 bytes
    /// (&lt;meta charset&gt;, or the XML declaration's encoding), as the HTML standard's prescan does.
    /// </summary>
    public static string DecodeMarkup(ReadOnlySpan<byte> bytes, string name) => Decode(bytes, name, markup: true);

    private static string Decode(ReadOnlySpan<byte> bytes, string name, bool markup)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8OrRefuse(bytes[3..], name);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(EvenLength(bytes[2..]));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(EvenLength(bytes[2..]));
        RefuseBinary(bytes, name);
        if (Utf8.IsValid(bytes)) return StrictUtf8.GetString(bytes);
        return ((markup ? DeclaredEncoding(bytes) : null) ?? Windows1252).GetString(bytes);
    }

    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        string head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var match = CharsetDeclaration().Match(head);
        if (!match.Success) return null;
        try
        {
            var encoding = Encoding.GetEncoding(match.Groups[1].Value);
            // A page that says UTF-8 (or UTF-16) but is not: the HTML standard reads such pages as windows-1252.
            return encoding.CodePage is 65001 or 1200 or 1201 ? null : encoding;
        }
        catch (ArgumentException) { return null; } // an unknown charset name
    }

    [GeneratedRegex(@"(?:charset|encoding)\s*=\s*[""']?([A-Za-z0-9_.:-]{1,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetDeclaration();

    private static string DecodeUtf8OrRefuse(ReadOnlySpan<byte> bytes, string name)
    {
        RefuseBinary(bytes, name);
        // A UTF-8 byte-order mark with invalid UTF-8 after it: the mark is more likely pasted on
        // than the rest Windows-1252, so bad sequences become U+FFFD rather than a refusal.
        return Encoding.UTF8.GetString(bytes);
    }

    private static ReadOnlySpan<byte> EvenLength(ReadOnlySpan<byte> bytes) => bytes[..(bytes.Length & ~1)];

    /// <summary>
    /// Text files hold no NUL bytes (without a UTF-16 mark) and few other C0 controls; images,
    /// archives and executables hold many. Counting controls in the first 8 KB is what file(1) and
    /// git's binary check do, more or less.
    /// </summary>
    private static void RefuseBinary(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.IndexOf((byte)0) >= 0) throw NotText(name);
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        int controls = 0;
        foreach (byte b in sample)
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C or 0x1A) || b == 0x7F)
                controls++;
        if (controls > 8 && controls * 10 > sample.Length) throw NotText(name);
    }

    private static FabulaInputException NotText(string name) =>
        new($"{name} looks like a binary file, not text");
}
