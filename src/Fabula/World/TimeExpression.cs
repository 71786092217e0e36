using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// A temporal expression: <c>Kind</c> is date, time, season, weekday, duration, relative or age;
/// <c>Value</c> its normalized meaning (docs/json.md: "+P2W" two weeks later, "-PxY" years
/// before, "P3M" three months long, "T09:00", "--05" May, "1811", "12" an age). <c>Narration</c>
/// is false inside a quotation (said, not told: it does not move the story's clock).
/// </summary>
public readonly record struct TimeExpression(TextSpan Span, string Kind, string Value, bool Narration) : ISpanned;

/// <summary>Where a scene stands in story time: the shift that opens it, a lower bound of days since the start, a flashback flag.</summary>
public readonly record struct SceneTime(string? Elapsed, int Day, bool Flashback);

/// <summary>Story time of every scene, and the years the story's clock moves (for ages).</summary>
public sealed class StoryClock(SceneTime[] scenes, List<(int Position, int Years, bool Vague)> yearShifts)
{
    public SceneTime[] Scenes => scenes;

    /// <summary>Forward shifts of a year or more in narration, in text order: exact years, or vague ("years later").</summary>
    public List<(int Position, int Years, bool Vague)> YearShifts => yearShifts;

    /// <summary>Years the clock moves between two offsets (exact ones, and whether a vague shift lies between).</summary>
    public (int Years, bool Vague) Between(int from, int to)
    {
        int years = 0;
        bool vague = false;
        foreach (var (position, y, v) in yearShifts)
        {
            if (position < from) continue;
            if (position >= to) break;
            years += y;
            vague |= v;
        }
        return (years, vague);
    }
}
