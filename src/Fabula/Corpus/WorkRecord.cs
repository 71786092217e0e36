using System.Buffers;
using System.Text;
using System.Text.Json;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Corpus;

/// <summary>
/// One line of <c>fabula batch</c> output: the JSON of <c>fabula analyze</c> on one line, preceded by
/// <c>"id"</c> and <c>"status"</c> ("ok" or "error"; an error record has <c>"error"</c>, a one-line message).
/// </summary>
public static class WorkRecord
{
    /// <summary>The <c>fabula analyze</c> options without indentation: one record, one line.</summary>
    public static readonly JsonSerializerOptions LineOptions = new(AnalysisJson.Options) { WriteIndented = false };

    /// <summary>Reads and analyses one work; never throws for a bad work: it becomes an error record.</summary>
    public static (byte[] Line, bool Ok) Analyze(WorkInput work, Pipeline pipeline, long maxBytes)
    {
        if (work.Error is not null) return (Error(work, work.Error), false);
        try
        {
            var document = work.Text is { } text
                ? StoryReader.Read(Encoding.UTF8.GetBytes(text), "txt", null)
                : StoryReader.ReadFile(work.Path!, maxBytes);
            var story = pipeline.Run(document);
            return (Ok(work.Id, AnalysisJson.From(story)), true);
        }
        catch (FabulaInputException e) { return (Error(work, e.Message), false); }
        catch (Exception e) { return (Error(work, $"internal error: {e.GetType().Name}: {e.Message}"), false); }
    }

    public static byte[] Ok(string id, AnalysisJson analysis)
    {
        // PERF: the head and the analysis are written into one buffer kept by the thread (a record is up to
        // a few MB), and copied once, into the line; not serialised to an array of their own first.
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        var options = new JsonWriterOptions { Encoder = LineOptions.Encoder };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("status", "ok");
            writer.WriteEndObject();
        }
        int head = buffer.WrittenCount;
        using (var writer = new Utf8JsonWriter(buffer, options with { SkipValidation = true }))
            JsonSerializer.Serialize(writer, analysis, LineOptions);
        var written = buffer.WrittenSpan;
        // {"id":…,"status":"ok"} + , + the analysis object without its opening brace, + newline.
        var line = new byte[written.Length];
        written[..(head - 1)].CopyTo(line);
        line[head - 1] = (byte)',';
        written[(head + 1)..].CopyTo(line.AsSpan(head));
        line[^1] = (byte)'\n';
        // A very long record's buffer is not kept.
        if (buffer.Capacity > 1 << 24) _buffer = null;
        return line;
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    public static byte[] Error(WorkInput work, string message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = LineOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", work.Id);
            writer.WriteString("status", "error");
            writer.WriteString("error", message.ReplaceLineEndings(" "));
            if (work.Path is not null)
            {
                writer.WriteStartObject("source");
                writer.WriteString("path", work.Path);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The "id" of a record line (the first member, but any position is accepted), or null.</summary>
    public static string? IdOf(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read()) return null;
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException) { }
        return null;
    }
}
