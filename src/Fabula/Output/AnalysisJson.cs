using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fabula.Cast;
using Fabula.Content;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Reading;
using Fabula.Structure;
using Fabula.Text;
using Fabula.World.Network;
using Fabula.World.Relations;

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
    public IReadOnlyList<CharacterJson>? Characters { get; init; }
    public IReadOnlyList<ConversationJson>? Conversations { get; init; }
    public IReadOnlyList<ConsistencyJson>? Consistency { get; init; }
    public IReadOnlyList<MentionJson>? Mentions { get; init; }
    public IReadOnlyList<RelationJson>? Relations { get; init; }
    public NetworkJson? Network { get; init; }
    public IReadOnlyList<TaxonomyJson>? Taxonomies { get; init; }
    public IReadOnlyList<PlaceJson>? Places { get; init; }
    public IReadOnlyList<OrganizationJson>? Organizations { get; init; }
    public IReadOnlyList<TimeJson>? Timeline { get; init; }
    public ContentJson? Content { get; init; }
    public string? Text { get; init; }

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // PERF: the contract's types are described at compile time (no reflection per run); any other
        // type serialised with these options (the corpus index's rows) falls back to reflection.
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            AnalysisJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    public static AnalysisJson From(Story story, bool includeText = false, bool includeMentions = false)
    {
        var text = story.Text;
        var source = story.Source;
        var chapters = new List<ChapterJson>();
        foreach (ref readonly var c in story.Layer<Chapter>().Items)
            chapters.Add(new ChapterJson(c.Index, c.Title, c.Span.Start, c.Span.End));
        var scenes = new List<SceneJson>();
        var network = story.Find<InteractionNetwork>();
        var cast = story.Find<CastList>();
        foreach (ref readonly var s in story.Layer<Scene>().Items)
            scenes.Add(WorldJson.WithSetting(story, new SceneJson(s.Index, s.Chapter, s.Span.Start, s.Span.End)
            {
                Characters = network is not null && cast is not null && s.Index < network.SceneCharacters.Count
                    ? Array.ConvertAll(network.SceneCharacters[s.Index], c => cast[c].Id) : null,
            }));
        var quotes = QuotesOf(story);
        return new AnalysisJson
        {
            Source = new SourceJson(
                source.Path, source.Format, source.Title, source.Author,
                // The content stage counted the words already (reading time); count them here only without it.
                story.Find<Content.ContentProfile>()?.ReadingTime.Words ?? WordCounter.Count(text.AsSpan()), text.Length, source.Declared),
            Chapters = chapters,
            Scenes = scenes,
            Paragraphs = story.Layer<Paragraph>().Count,
            Sentences = story.Layer<Sentence>().Count,
            Tokens = story.Layer<Token>().Count,
            Quotes = quotes,
            Characters = CharactersOf(story),
            Conversations = ConversationsOf(story),
            Consistency = ConsistencyOf(story),
            Mentions = includeMentions ? MentionsOf(story) : null,
            Relations = RelationsOf(story),
            Network = NetworkOf(story),
            Taxonomies = WorldJson.TaxonomiesOf(story),
            Places = WorldJson.PlacesOf(story),
            Organizations = WorldJson.OrganizationsOf(story),
            Timeline = WorldJson.TimelineOf(story),
            Content = story.Find<ContentProfile>() is { } profile ? ContentJson.From(story, profile) : null,
            Text = includeText ? text.ToString() : null,
        };
    }

    // Each quotation with its speaker and addressee (character ids, or null) when the dialogue stage ran.
    private static List<QuoteJson> QuotesOf(Story story)
    {
        var text = story.Text;
        var quotes = new List<QuoteJson>();
        var attributions = story.Has<Attribution>() ? story.Layer<Attribution>() : null;
        var cast = story.Find<CastList>();
        string? Id(int c) => c >= 0 && cast is not null ? cast[c].Id : null;
        var layer = story.Layer<Quotation>();
        for (int k = 0; k < layer.Count; k++)
        {
            var span = layer[k].Span;
            if (attributions is null) { quotes.Add(new QuoteJson(span.Start, span.End, text.Copy(span))); continue; }
            var a = attributions[k];
            quotes.Add(new QuoteJson(span.Start, span.End, text.Copy(span), Id(a.Speaker), Id(a.Addressee),
                MathF.Round(a.Confidence, 2), MethodName(a.Method)));
        }
        return quotes;
    }

    private static string MethodName(AttributionMethod method) =>
        (int)method < MethodNames.Length ? MethodNames[(int)method] : NameOf(method);

    // PERF: each method's name made once, not once a quotation.
    private static readonly string[] MethodNames = MakeMethodNames();

    private static string[] MakeMethodNames()
    {
        var names = new string[Enum.GetValues<AttributionMethod>().Max(m => (int)m) + 1];
        for (int m = 0; m < names.Length; m++) names[m] = NameOf((AttributionMethod)m);
        return names;
    }

    private static string NameOf(AttributionMethod method) => method switch
    {
        AttributionMethod.TurnTaking => "turn-taking",
        _ => method.ToString().ToLowerInvariant(),
    };

    private static List<CharacterJson>? CharactersOf(Story story)
    {
        if (story.Find<CastList>() is not { } cast) return null;
        DialogueJson[]? dialogue = null;
        if (story.Has<Attribution>())
        {
            dialogue = new DialogueJson[cast.Count];
            var quotes = new int[cast.Count];
            var words = new int[cast.Count];
            foreach (ref readonly var a in story.Layer<Attribution>().Items)
            {
                if (a.Speaker < 0) continue;
                quotes[a.Speaker]++;
                words[a.Speaker] += WordCounter.Count(story.Text[a.Span]);
            }
            for (int c = 0; c < cast.Count; c++) dialogue[c] = new DialogueJson(quotes[c], words[c]);
        }
        var list = new List<CharacterJson>(cast.Count);
        var attributes = WorldJson.AttributesOf(story, cast.Count);
        foreach (var c in cast.Characters)
            list.Add(WorldJson.WithAttributes(attributes, c.Index, new CharacterJson(c.Id, c.Name, c.Aliases.ConvertAll(a => new AliasJson(a.Text, a.Count)), c.Pronouns,
                new SortedDictionary<string, int>(c.PronounCounts, StringComparer.Ordinal), c.MentionCount,
                SpanJson.Of(c.FirstMention), SpanJson.Of(c.LastMention), c.Importance.ToString().ToLowerInvariant(), dialogue?[c.Index])
                { Narrator = c.Narrator ? true : null, Described = c.Described ? true : null }));
        return list;
    }

    private static List<ConversationJson>? ConversationsOf(Story story)
    {
        if (!story.Has<Conversation>()) return null;
        var cast = story.Get<CastList>();
        var list = new List<ConversationJson>();
        foreach (ref readonly var c in story.Layer<Conversation>().Items)
        {
            var ids = new List<string>(c.Participants.Length);
            foreach (int p in c.Participants) ids.Add(cast[p].Id);
            list.Add(new ConversationJson(c.Span.Start, c.Span.End, ids));
        }
        return list;
    }

    private static List<ConsistencyJson>? ConsistencyOf(Story story)
    {
        if (story.Find<ConsistencyFindings>() is not { } findings) return null;
        return findings.Items.ConvertAll(f => new ConsistencyJson(f.Kind, f.Message, f.Forms, [.. f.Evidence.Select(SpanJson.Of)]));
    }

    private static List<MentionJson>? MentionsOf(Story story)
    {
        if (!story.Has<Mention>()) return null;
        var cast = story.Get<CastList>();
        var list = new List<MentionJson>();
        foreach (ref readonly var m in story.Layer<Mention>().Items)
            list.Add(new MentionJson(m.Span.Start, m.Span.End, m.Character >= 0 ? cast[m.Character].Id : null, m.Kind.ToString().ToLowerInvariant()));
        return list;
    }

    private static List<RelationJson>? RelationsOf(Story story)
    {
        if (story.Find<RelationList>() is not { } relations || story.Find<CastList>() is not { } cast) return null;
        var list = new List<RelationJson>(relations.Items.Count);
        foreach (var r in relations.Items)
            list.Add(new RelationJson(cast[r.A].Id, cast[r.B].Id, Relation.Name(r.Type), Relation.StageName(r.Stage), r.AtEnd,
                r.Inferred ? true : null, r.Evidence.Select(SpanJson.Of).ToList()));
        return list;
    }

    private static NetworkJson? NetworkOf(Story story)
    {
        if (story.Find<InteractionNetwork>() is not { } network || story.Find<CastList>() is not { } cast) return null;
        var nodes = new List<NetworkNodeJson>();
        var inEdge = new bool[cast.Count];
        foreach (var e in network.Edges) inEdge[e.A] = inEdge[e.B] = true;
        for (int c = 0; c < cast.Count; c++)
            if (inEdge[c] || network.ScenesOf[c] > 0) nodes.Add(new NetworkNodeJson(cast[c].Id, cast[c].Name, network.ScenesOf[c]));
        var edges = new List<NetworkEdgeJson>(network.Edges.Count);
        foreach (var e in network.Edges)
            edges.Add(new NetworkEdgeJson(cast[e.A].Id, cast[e.B].Id, e.Weight, e.Scenes, e.Conversations, e.Quotes));
        return new NetworkJson(nodes, edges);
    }

    public string Serialize() => JsonSerializer.Serialize(this, Options);
}

/// <summary>The JSON contract's types, generated at compile time (System.Text.Json source generation).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnalysisJson))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext;

public sealed record SourceJson(string? Path, string Format, string? Title, string? Author, int Words, int Chars, DeclaredTags? Declared);
public sealed record ChapterJson(int Index, string? Title, int Start, int End);
public sealed record SceneJson(int Index, int Chapter, int Start, int End)
{
    /// <summary>Ids of the characters named in the scene, in the order they first appear there.</summary>
    public IReadOnlyList<string>? Characters { get; init; }
    /// <summary>Where the scene is set (the place named most there with "in", "at", "into"), or null.</summary>
    public string? Place { get; init; }
    /// <summary>Story time passed since the scene before, when the scene opens with it ("+P2W"), or null.</summary>
    public string? Elapsed { get; init; }
    /// <summary>Days since the story's first scene, while every shift of time is known, or null.</summary>
    public int? StoryDay { get; init; }
    /// <summary>True when the scene goes back in time (explicit markers or the past perfect).</summary>
    public bool? Flashback { get; init; }
}
/// <summary>A quotation; with the dialogue stage, its speaker and addressee (character ids or null), confidence and method.</summary>
[JsonConverter(typeof(QuoteJsonConverter))]
public sealed record QuoteJson(int Start, int End, string Text)
{
    public QuoteJson(int start, int end, string text, string? speaker, string? addressee, float confidence, string method)
        : this(start, end, text) => (Speaker, Addressee, Confidence, Method) = (speaker, addressee, confidence, method);

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Speaker { get; }
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? Addressee { get; }
    public float? Confidence { get; }
    public string? Method { get; }
}
public sealed record DialogueJson(int Quotes, int Words);
public sealed record ConversationJson(int Start, int End, IReadOnlyList<string> Participants);
public sealed record SpanJson(int Start, int End)
{
    public static SpanJson Of(TextSpan span) => new(span.Start, span.End);
}
public sealed record AliasJson(string Text, int Count);
public sealed record CharacterJson(string Id, string Name, IReadOnlyList<AliasJson> Aliases, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Pronouns,
    IReadOnlyDictionary<string, int> PronounCounts, int MentionCount, SpanJson FirstMention, SpanJson LastMention, string Importance,
    DialogueJson? Dialogue = null)
{
    /// <summary>What the text states about the character (AttributeFinder), first passage of each value.</summary>
    public IReadOnlyList<AttributeJson>? Attributes { get; init; }
    /// <summary>The character's term in the story's taxonomy ("beta"), or null.</summary>
    public string? Class { get; init; }
    /// <summary>True for the first-person narrator (left out for everyone else).</summary>
    public bool? Narrator { get; init; }
    /// <summary>True for someone the text never names, only describes ("the man"); left out (null) for a named character.</summary>
    public bool? Described { get; init; }
}
public sealed record ConsistencyJson(string Kind, string Message, IReadOnlyList<string> Forms, IReadOnlyList<SpanJson> Evidence);
public sealed record RelationJson(string A, string B, string Type, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Stage,
    bool AtEnd, bool? Inferred, IReadOnlyList<SpanJson> Evidence);
[JsonConverter(typeof(NetworkNodeJsonConverter))]
public sealed record NetworkNodeJson(string Id, string Name, int Scenes);
[JsonConverter(typeof(NetworkEdgeJsonConverter))]
public sealed record NetworkEdgeJson(string A, string B, int Weight, int Scenes, int Conversations, int Quotes);
public sealed record NetworkJson(IReadOnlyList<NetworkNodeJson> Nodes, IReadOnlyList<NetworkEdgeJson> Edges);
public sealed record MentionJson(int Start, int End, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CharacterId, string Kind);

/// <summary>Words as a reader counts them: runs of letters or digits, with inner apostrophes and hyphens.</summary>
public static class WordCounter
{
    /// <remarks>
    /// A character is part of a word when it is a letter or digit, or an apostrophe or hyphen that goes on from a
    /// character that is part of one. PERF: 64 characters at a time, a bit each: the ASCII letters and digits and the
    /// ASCII apostrophes and hyphens by vector compares, the characters beyond ASCII one by one; the apostrophes and
    /// hyphens that go on from a word are found with one addition (a carry runs along each run of them that starts
    /// right after a letter or digit), and the words are the letters and digits not after a part of a word, counted
    /// with a bit count. The character loop this replaced (the dialogue words of every quotation) read, tested and
    /// branched on every character.
    /// </remarks>
    public static int Count(ReadOnlySpan<char> text)
    {
        int words = 0;
        ulong carry = 0; // 1 when the character before the block is part of a word
        for (int b = 0; b < text.Length; b += Block)
        {
            CharBlock.Classify(text, b, '\'', '-', '\'', '-', anyCase: false, out ulong letters, out ulong digits, out ulong joiners, out ulong other);
            letters |= digits;
            while (other != 0)
            {
                int k = BitOperations.TrailingZeroCount(other);
                other &= other - 1;
                char c = text[b + k];
                if (char.IsLetterOrDigit(c)) letters |= 1UL << k;
                else if (c == '’') joiners |= 1UL << k;
            }
            // The apostrophes and hyphens right after a part of a word start a run that goes on from it.
            ulong seeds = ((letters << 1) | carry) & joiners;
            ulong part = letters | (joiners & ~(joiners + seeds));
            words += BitOperations.PopCount(letters & ~((part << 1) | carry));
            carry = part >> (Block - 1);
        }
        return words;
    }

    private const int Block = CharBlock.Length;

    /// <summary>
    /// The same count from the tokenizer's tokens, without a second pass over the characters: each word
    /// or number is one, except the pieces a contraction or possessive was split into ("did|n't",
    /// "Alec|'s"), which start where the word before them ends.
    /// </summary>
    public static int Count(ReadOnlySpan<Structure.Token> tokens)
    {
        int words = 0, lastWordEnd = -1;
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind is not (Structure.TokenKind.Word or Structure.TokenKind.Number)) continue;
            if (token.Span.Start != lastWordEnd) words++;
            lastWordEnd = token.Span.End;
        }
        return words;
    }

    /// <summary>
    /// <see cref="Count(ReadOnlySpan{Structure.Token})"/> of all the tokens, returned, and of each token range of
    /// <paramref name="parts"/> alone (in text order, none overlapping the next) into <paramref name="counts"/>:
    /// PERF: one pass over the tokens where a count of the whole and one per part made two.
    /// </summary>
    public static int Count(ReadOnlySpan<Structure.Token> tokens, ReadOnlySpan<(int From, int To)> parts, Span<int> counts)
    {
        int words = 0, lastWordEnd = -1, i = 0;
        for (int p = 0; p < parts.Length; p++)
        {
            var (from, to) = parts[p];
            if (from < i || to < from) throw new ArgumentException("The parts overlap or are out of order.", nameof(parts));
            for (; i < from; i++)
            {
                ref readonly var token = ref tokens[i];
                if (token.Kind is not (Structure.TokenKind.Word or Structure.TokenKind.Number)) continue;
                if (token.Span.Start != lastWordEnd) words++;
                lastWordEnd = token.Span.End;
            }
            // Counted alone, a part's first word is a word even where it goes on from the word before it.
            int partWords = 0;
            bool first = true;
            for (; i < to; i++)
            {
                ref readonly var token = ref tokens[i];
                if (token.Kind is not (Structure.TokenKind.Word or Structure.TokenKind.Number)) continue;
                bool starts = token.Span.Start != lastWordEnd;
                if (starts) words++;
                if (starts || first) partWords++;
                first = false;
                lastWordEnd = token.Span.End;
            }
            counts[p] = partWords;
        }
        for (; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind is not (Structure.TokenKind.Word or Structure.TokenKind.Number)) continue;
            if (token.Span.Start != lastWordEnd) words++;
            lastWordEnd = token.Span.End;
        }
        return words;
    }
}
