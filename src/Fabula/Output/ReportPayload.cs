using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>
/// What the HTML and Markdown reports render: the analysis JSON itself (with the story text), so
/// every format shows the same data, plus the paragraph bounds the text view needs to lay the
/// text out. Sections read members by their JSON names; a member that is absent is a section
/// "not analysed yet", and a stage that adds its member to <see cref="AnalysisJson"/> fills it.
/// </summary>
public sealed class ReportPayload
{
    private static readonly JsonSerializerOptions Compact = new(AnalysisJson.Options) { WriteIndented = false };

    private ReportPayload(JsonObject analysis, int[] paragraphs)
    {
        Analysis = analysis;
        Paragraphs = paragraphs;
    }

    /// <summary>The analysis, as the JSON format writes it, with <c>text</c>.</summary>
    public JsonObject Analysis { get; }

    /// <summary>Paragraph bounds, flattened: start0, end0, start1, end1, …</summary>
    public int[] Paragraphs { get; }

    public string Text => Analysis["text"]?.GetValue<string>() ?? "";

    public static ReportPayload From(Story story)
    {
        var analysis = (JsonObject)JsonSerializer.SerializeToNode(AnalysisJson.From(story, includeText: true), AnalysisJson.Options)!;
        var layer = story.Layer<Paragraph>();
        var bounds = new int[layer.Count * 2];
        for (int i = 0; i < layer.Count; i++)
        {
            bounds[2 * i] = layer[i].Span.Start;
            bounds[2 * i + 1] = layer[i].Span.End;
        }
        return new ReportPayload(analysis, bounds);
    }

    private static JsonArray WithoutText(JsonArray quotes)
    {
        var lean = new JsonArray();
        foreach (var quote in quotes)
        {
            if (quote is not JsonObject o) { lean.Add(quote?.DeepClone()); continue; }
            var copy = new JsonObject();
            foreach (var (name, value) in o)
                if (name != "text") copy[name] = value?.DeepClone();
            lean.Add(copy);
        }
        return lean;
    }

    /// <summary>
    /// The payload as JSON that is safe inside an HTML &lt;script&gt; element: '&lt;' only ever occurs
    /// inside JSON strings, so writing every one as \u003c leaves no "&lt;/script" or "&lt;!--" for the
    /// HTML parser to see, whatever the story says.
    /// </summary>
    public string ToScriptJson()
    {
        var json = new StringBuilder(Paragraphs.Length * 7 + 1024);
        // The page holds the text once: each quotation's own copy of its words (a third of a
        // dialogue-heavy novel) is left out of the page and read from the text by its offsets.
        var analysis = Analysis;
        if (Analysis["quotes"] is JsonArray { Count: > 0 } quotes && Analysis["text"] is not null)
        {
            analysis = new JsonObject();
            foreach (var (name, value) in Analysis)
                analysis[name] = name == "quotes" ? WithoutText(quotes) : value?.DeepClone();
        }
        json.Append("{\"analysis\":").Append(analysis.ToJsonString(Compact)).Append(",\"paragraphs\":[");
        for (int i = 0; i < Paragraphs.Length; i++)
            (i == 0 ? json : json.Append(',')).Append(Paragraphs[i]);
        json.Append("]}");
        var safe = new StringBuilder(json.Length + 64);
        foreach (var chunk in json.GetChunks())
        foreach (char c in chunk.Span)
        {
            if (c == '<') safe.Append("\\u003c");
            else if (c == '\u2028') safe.Append("\\u2028");
            else if (c == '\u2029') safe.Append("\\u2029");
            else safe.Append(c);
        }
        return safe.ToString();
    }
}
