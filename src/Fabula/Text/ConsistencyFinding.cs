namespace Fabula.Text;

/// <summary>
/// Something in the story that does not agree with itself: a name spelt two ways, an attribute with
/// two values, an age that does not fit the timeline. Each comes with the passages that show it.
/// </summary>
public sealed record ConsistencyFinding(string Kind, string Message, IReadOnlyList<string> Forms, IReadOnlyList<TextSpan> Evidence);

/// <summary>The consistency findings of every stage, in the order the stages found them.</summary>
public sealed class ConsistencyFindings
{
    public List<ConsistencyFinding> Items { get; } = [];
}
