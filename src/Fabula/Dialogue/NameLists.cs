using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// Names said in a list of three or more, joined by commas and "and" ("Alexander, Bartholomew, Abraham, Tobias, and Roger",
/// read off a row of tombstones), are no one present: the narration counts them, it does not show them acting.
/// </summary>
internal sealed class NameLists(StoryText text, SpanLayer<Mention> mentions)
{
    private const int Least = 3;

    /// <summary>Whether the name mention <paramref name="m"/> is one of a list of at least three names.</summary>
    public bool Listed(int m)
    {
        if (mentions[m].Kind != MentionKind.Name) return false;
        int count = 1;
        for (int i = m; i > 0 && count < Least && Joined(i - 1, i); i--) count++;
        for (int i = m; i + 1 < mentions.Count && count < Least && Joined(i, i + 1); i++) count++;
        return count >= Least;
    }

    // Two name mentions with only ", ", " and " or ", and " between them.
    private bool Joined(int a, int b)
    {
        if (mentions[a].Kind != MentionKind.Name || mentions[b].Kind != MentionKind.Name) return false;
        int from = mentions[a].Span.End, to = mentions[b].Span.Start;
        if (to <= from || to - from > 6) return false;
        var between = text.AsSpan()[from..to];
        return between is ", " or " and " or ", and " or ",\nand " or ",\n" or "\nand ";
    }
}
