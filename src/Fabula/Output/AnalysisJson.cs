using System.Text.Json;
using System.Text.Json.Serialization;
using Fabula.Content;
using Fabula.Quotations;
using Fabula.Reading;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Output;

/// <summary>The JSON contract (docs/json.md). camelCase; null members are left out.</summary>
public sealed record AnalysisJson
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required SourceJson Source { get; init; }
    public required IReadOnlyList<ChapterJson> Chapters { get; init; }
    public required IReadOnlyList<SceneJson> Scenes { get; init; }
    public int Paragraphs { get; init; }
    public int Sentences { get; init; }
    public int Tokens { get; init; }
    public required IReadOnlyList<QuoteJson> Quotes { get; init; }
    public ContentJson? Content { get; init; }
    public string? Text { get; init; }

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AnalysisJson From(Story story, bool includeText = false)
    {
        var text = story.Text;
        var source = story.Source;
        var chapters = new List<ChapterJson>();
        foreach (ref readonly var c in story.Layer<Chapter>().Items)
            chapters.Add(new ChapterJson(c.Index, c.Title, c.Span.Start, c.Span.End));
        var scenes = new List<SceneJson>();
        foreach (ref readonly var s in story.Layer<Scene>().Items)
            scenes.Add(new SceneJson(s.Index, s.Chapter, s.Span.Start, s.Span.End));
        var quotes = new List<QuoteJson>();
        foreach (ref readonly var q in story.Layer<Quotation>().Items)
            quotes.Add(new QuoteJson(q.Span.Start, q.Span.End, text.Copy(q.Span)));
        return new AnalysisJson
        {
            Source = new SourceJson(
                source.Path, source.Format, source.Title, source.Author,
                WordCounter.Count(text.AsSpan()), text.Length, source.Declared),
            Chapters = chapters,
            Scenes = scenes,
            Paragraphs = story.Layer<Paragraph>().Count,
            Sentences = story.Layer<Sentence>().Count,
            Tokens = story.Layer<Token>().Count,
            Quotes = quotes,
            Content = story.Find<ContentProfile>() is { } profile ? ContentJson.From(story, profile) : null,
            Text = includeText ? text.ToString() : null,
        };
    }

    public string Serialize() => JsonSerializer.Serialize(this, Options);
}

public sealed record SourceJson(string? Path, string Format, string? Title, string? Author, int Words, int Chars, DeclaredTags? Declared);
public sealed record ChapterJson(int Index, string? Title, int Start, int End);
public sealed record SceneJson(int Index, int Chapter, int Start, int End);
public sealed record QuoteJson(int Start, int End, string Text);

/// <summary>Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens.</summary>
public static class WordCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool part = char.IsLetterOrDigit(c) || inWord && (c == '\'' || c == '’' || c == '-');
            if (part && !inWord) words++;
            inWord = part;
        }
        return words;
    }
}
