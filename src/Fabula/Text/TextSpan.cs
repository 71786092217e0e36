namespace Fabula.Text;

/// <summary>Half-open [Start, End), in UTF-16 offsets into the <see cref="StoryText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    public override string ToString() => $"[{Start}..{End})";
}
