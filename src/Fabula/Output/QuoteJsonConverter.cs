using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Fabula.Output;

/// <summary>
/// Writes a quotation exactly as the generated serializer did (members, order, nulls: speaker and addressee
/// always, confidence and method when known), with its text escaped here. PERF: the quotations' text is
/// most of a record; the relaxed encoder looks at it in small pieces and escapes a whole tail once it meets
/// a quote mark or a line break. Here plain ASCII runs are found by a vectorised search and copied as they
/// are, the two escapes quotations have (\" and \n) written directly; a text with any other character the
/// encoder would escape is written by the writer itself.
/// </summary>
internal sealed class QuoteJsonConverter : JsonConverter<QuoteJson>
{
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start"), End = JsonEncodedText.Encode("end"),
        Text = JsonEncodedText.Encode("text"), Speaker = JsonEncodedText.Encode("speaker"),
        Addressee = JsonEncodedText.Encode("addressee"), Confidence = JsonEncodedText.Encode("confidence"),
        Method = JsonEncodedText.Encode("method");

    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // The ASCII characters the relaxed encoder leaves as they are, and a bit for each UTF-16 unit it escapes
    // (surrogates counted as escaped: a text with them goes to the writer).
    private static readonly SearchValues<char> PlainAscii;
    private static readonly ulong[] Escaped = new ulong[65536 / 64];

    static QuoteJsonConverter()
    {
        var plain = new List<char>();
        for (int c = 0; c < 65536; c++)
        {
            bool escaped = char.IsSurrogate((char)c) || Relaxed.WillEncode(c);
            if (escaped) Escaped[c >> 6] |= 1UL << c;
            else if (c < 128) plain.Add((char)c);
        }
        PlainAscii = SearchValues.Create(plain.ToArray());
    }

    public override QuoteJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Quotations are written, not read.");

    public override void Write(Utf8JsonWriter writer, QuoteJson quote, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Start, quote.Start);
        writer.WriteNumber(End, quote.End);
        writer.WritePropertyName(Text);
        if (ReferenceEquals(options.Encoder, Relaxed)) WriteText(writer, quote.Text);
        else writer.WriteStringValue(quote.Text);
        if (quote.Speaker is null) writer.WriteNull(Speaker); else writer.WriteString(Speaker, quote.Speaker);
        if (quote.Addressee is null) writer.WriteNull(Addressee); else writer.WriteString(Addressee, quote.Addressee);
        if (quote.Confidence is float confidence) writer.WriteNumber(Confidence, confidence);
        if (quote.Method is not null) writer.WriteString(Method, quote.Method);
        writer.WriteEndObject();
    }

    /// <summary>The JSON string of <paramref name="text"/>, as the writer with the relaxed encoder would write it.</summary>
    internal static void WriteText(Utf8JsonWriter writer, string text)
    {
        var chars = text.AsSpan();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(chars.Length * 3 + 2);
        try
        {
            if (TryEscape(chars, buffer, out int length)) writer.WriteRawValue(buffer.AsSpan(0, length), skipInputValidation: true);
            else writer.WriteStringValue(chars);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    // The quoted, escaped UTF-8 of the text into `utf8` (room for 3 bytes a char and the quotes), or false
    // when it has a character this writer leaves to the encoder.
    private static bool TryEscape(ReadOnlySpan<char> chars, Span<byte> utf8, out int length)
    {
        int at = 0;
        utf8[at++] = (byte)'"';
        int i = 0;
        while (i < chars.Length)
        {
            int run = chars[i..].IndexOfAnyExcept(PlainAscii);
            if (run < 0) run = chars.Length - i;
            Utf8.FromUtf16(chars.Slice(i, run), utf8[at..], out _, out int written);
            at += written;
            i += run;
            if (i == chars.Length) break;
            char c = chars[i++];
            if (c == '"') { utf8[at++] = (byte)'\\'; utf8[at++] = (byte)'"'; }
            else if (c == '\n') { utf8[at++] = (byte)'\\'; utf8[at++] = (byte)'n'; }
            else if ((Escaped[c >> 6] & (1UL << c)) == 0)
            {
                Utf8.FromUtf16(new ReadOnlySpan<char>(in c), utf8[at..], out _, out written);
                at += written;
            }
            else { length = 0; return false; }
        }
        utf8[at++] = (byte)'"';
        length = at;
        return true;
    }
}
