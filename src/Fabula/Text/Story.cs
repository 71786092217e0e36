using Fabula.Reading;

namespace Fabula.Text;

/// <summary>One story: its text, where it came from, and the layers the stages have added.</summary>
public sealed class Story(StoryText text, StorySource source)
{
    private readonly Dictionary<Type, object> _layers = [];
    private readonly Dictionary<Type, object> _findings = [];

    public Story(ReadDocument document) : this(new StoryText(document.Text), document.Source) { }

    public StoryText Text => text;
    public StorySource Source => source;

    public SpanLayer<T> Layer<T>() where T : ISpanned =>
        _layers.TryGetValue(typeof(T), out var layer) ? (SpanLayer<T>)layer
        : throw new InvalidOperationException($"No {typeof(T).Name} layer: run its stage first.");

    public bool Has<T>() where T : ISpanned => _layers.ContainsKey(typeof(T));

    public void Add<T>(SpanLayer<T> layer) where T : ISpanned => _layers.Add(typeof(T), layer);

    public SpanLayer<T> Add<T>(IEnumerable<T> items, bool allowOverlap = false) where T : ISpanned
    {
        var layer = new SpanLayer<T>(items, text.Length, allowOverlap);
        Add(layer);
        return layer;
    }

    /// <summary>
    /// Replaces a layer a stage before added with a fuller one (the dialogue stage adds the pronouns
    /// inside quotations to the cast stage's mentions).
    /// </summary>
    public SpanLayer<T> Replace<T>(IEnumerable<T> items, bool allowOverlap = false) where T : ISpanned
    {
        if (!_layers.ContainsKey(typeof(T))) throw new InvalidOperationException($"No {typeof(T).Name} layer to replace.");
        var layer = new SpanLayer<T>(items, text.Length, allowOverlap);
        _layers[typeof(T)] = layer;
        return layer;
    }

    /// <summary>Results of a stage that are not span layers (a cast list, a content profile).</summary>
    public T Get<T>() where T : class =>
        _findings.TryGetValue(typeof(T), out var found) ? (T)found
        : throw new InvalidOperationException($"No {typeof(T).Name}: run its stage first.");

    public T? Find<T>() where T : class => _findings.TryGetValue(typeof(T), out var found) ? (T)found : null;

    public void Set<T>(T value) where T : class => _findings[typeof(T)] = value;
}
