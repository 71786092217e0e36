namespace Fabula.Text;

/// <summary>Anything that covers a stretch of the story text.</summary>
public interface ISpanned
{
    TextSpan Span { get; }
}

/// <summary>
/// A layer of the story: items sorted by start, inside the text, and (unless the layer allows
/// nesting) not overlapping. Checked once when built.
/// </summary>
public sealed class SpanLayer<T> where T : ISpanned
{
    private readonly T[] _items;

    public SpanLayer(IEnumerable<T> items, int textLength, bool allowOverlap = false)
    {
        // PERF: a list's, an array's or an array segment's items are copied in one block, not enumerated one by one.
        _items = items switch
        {
            List<T> list => list.ToArray(),
            T[] array => (T[])array.Clone(),
            ArraySegment<T> segment => segment.AsSpan().ToArray(),
            _ => [.. items],
        };
        Check(_items, textLength, allowOverlap);
    }

    // PERF: one compare per bound in the loop (each item starts at or after the bound the one before it
    // sets: its start, or with no overlap its end); the messages are built only when a check fails. An
    // array, not a read-only span: reading Span through the interface needs no defensive copy of each item.
    private static void Check(T[] items, int textLength, bool allowOverlap)
    {
        int bound = 0;
        for (int i = 0; i < items.Length; i++)
        {
            var span = items[i].Span;
            if ((span.Start | span.Length) < 0 || span.End > textLength || span.Start < bound)
                throw Misplaced(items, i, textLength);
            bound = allowOverlap ? span.Start : span.End;
        }
    }

    private static InvalidOperationException Misplaced(T[] items, int i, int textLength)
    {
        var span = items[i].Span;
        if (span.Start < 0 || span.Length < 0 || span.End > textLength)
            return new($"{typeof(T).Name} {i} at {span} lies outside the text (length {textLength}).");
        var previous = items[i - 1].Span;
        if (span.Start < previous.Start)
            return new($"{typeof(T).Name} {i} at {span} starts before {typeof(T).Name} {i - 1} at {previous}.");
        return new($"{typeof(T).Name} {i} at {span} overlaps {typeof(T).Name} {i - 1} at {previous}.");
    }

    public ReadOnlySpan<T> Items => _items;

    /// <summary>
    /// The layer's own array, for views inside the library that index it on every token and must not
    /// copy it (the cast stage's token view). Read-only by convention: nothing may write to it.
    /// </summary>
    internal T[] SharedArray => _items;
    public int Count => _items.Length;
    public ref readonly T this[int index] => ref _items[index];

    /// <summary>Index of the first item whose start is at or after <paramref name="offset"/> (Count if none).</summary>
    public int FirstStartingAtOrAfter(int offset)
    {
        int lo = 0, hi = _items.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Index of the item that contains <paramref name="offset"/>, or -1 (for non-overlapping layers).</summary>
    public int IndexAt(int offset)
    {
        int i = FirstStartingAtOrAfter(offset + 1) - 1;
        return i >= 0 && _items[i].Span.Contains(offset) ? i : -1;
    }

    /// <summary>Indexes [from, to) of the items that lie inside <paramref name="span"/>.</summary>
    public (int From, int To) Within(TextSpan span)
    {
        int from = FirstStartingAtOrAfter(span.Start);
        int to = from;
        while (to < _items.Length && _items[to].Span.Start < span.End) to++;
        while (to > from && _items[to - 1].Span.End > span.End) to--;
        return (from, to);
    }
}
