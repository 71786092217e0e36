using Fabula.Cast;
using Fabula.Content;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// Consistency findings about the world (docs/json.md, <c>consistency</c>): one attribute with
/// contradicting values ("attribute-conflict"), ages that do not fit the timeline ("age-timeline"),
/// a character who speaks after their death ("speaks-after-death", when the dialogue stage has
/// attributed the quotations). Also sets the content stage's <see cref="ICharacterAges"/> hook.
/// </summary>
public sealed class WorldConsistency : IStage
{
    public void Run(Story story)
    {
        if (story.Find<CharacterFacts>() is not { } facts || story.Find<CastList>() is not { } cast) return;
        var clock = story.Find<StoryClock>() ?? new StoryClock([], []);
        var findings = story.Find<ConsistencyFindings>() ?? new ConsistencyFindings();
        var flashback = Flashbacks(story, clock);
        Conflicts(story, cast, findings);
        AgeFindings(story, cast, facts, clock, flashback, findings);
        SpeechAfterDeath(story, cast, facts, flashback, findings);
        story.Set(findings);
        story.Set<ICharacterAges>(new CharacterAges(story, facts, clock));
    }

    // Eyes and hair hold one colour: two values that share no colour word contradict ("green", then
    // "blue"). The second must be stated with the character's name ("Luke's blue eyes"): a pronoun
    // the cast resolved wrongly would otherwise make most of these findings.
    private static void Conflicts(Story story, CastList cast, ConsistencyFindings findings)
    {
        if (!story.Has<CharacterAttribute>() || !story.Has<Mention>()) return;
        var first = new Dictionary<(int, string), CharacterAttribute>();
        var reported = new HashSet<(int, string)>();
        var words = WorldTables.Shared;
        foreach (ref readonly var a in story.Layer<CharacterAttribute>().Items)
        {
            if (a.Name is not ("eyes" or "hair")) continue;
            if (!first.TryGetValue((a.Character, a.Name), out var before)) { first[(a.Character, a.Name)] = a; continue; }
            if (Named(story, a.Span) && !Colours(before.Value, words).Overlaps(Colours(a.Value, words)) && Colours(before.Value, words).Count > 0 && Colours(a.Value, words).Count > 0
                && reported.Add((a.Character, a.Name)))
                findings.Items.Add(new ConsistencyFinding("attribute-conflict",
                    $"{cast[a.Character].Name}: {a.Name} {before.Value}, then {a.Value}", [before.Value, a.Value], [before.Span, a.Span]));
        }
    }

    // Does the statement open with the character's name (not a pronoun, which may be resolved wrongly)?
    private static bool Named(Story story, TextSpan statement)
    {
        var mentions = story.Layer<Mention>();
        for (int m = mentions.FirstStartingAtOrAfter(statement.Start); m < mentions.Count && mentions[m].Span.Start == statement.Start; m++)
            if (mentions[m].Kind == MentionKind.Name) return true;
        return false;
    }

    // The colour nouns of a value ("dark green" -> green; "fair" names no colour).
    private static HashSet<string> Colours(string value, WorldTables words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(' ', '-'))
            if (words.Colours.Contains(part) && part is not ("dark" or "light" or "pale" or "fair")) set.Add(part == "gray" ? "grey" : part);
        return set;
    }

    private static bool[] Flashbacks(Story story, StoryClock clock)
    {
        var flags = new bool[clock.Scenes.Length];
        for (int s = 0; s < flags.Length; s++) flags[s] = clock.Scenes[s].Flashback;
        return flags;
    }

    private static bool InFlashback(Story story, bool[] flashback, int offset)
    {
        if (!story.Has<Structure.Scene>()) return false;
        int s = story.Layer<Structure.Scene>().IndexAt(offset);
        return s >= 0 && s < flashback.Length && flashback[s];
    }

    // An age that goes down, or that stays while years pass ("12" at the start, "years later" still 12).
    // As with conflicts, the later age must be stated with the character's name.
    private static void AgeFindings(Story story, CastList cast, CharacterFacts facts, StoryClock clock, bool[] flashback, ConsistencyFindings findings)
    {
        var last = new Dictionary<int, AgeStatement>();
        var reported = new HashSet<int>();
        foreach (var age in facts.Ages)
        {
            if (age.Past || InFlashback(story, flashback, age.Span.Start)) continue;
            if (last.TryGetValue(age.Character, out var before) && !reported.Contains(age.Character) && Named(story, age.Span))
            {
                var (years, vague) = clock.Between(before.Span.End, age.Span.Start);
                string? problem = age.Age < before.Age ? $"is {before.Value}, then younger: {age.Value}"
                    : (years > 0 || vague) && age.Age <= before.Age ? $"is {before.Value}, and still {age.Value} after {(vague ? "years" : years + " years")} pass"
                    : years > 0 && age.Age > before.Age + years + 1 ? null
                    : null;
                if (problem is not null)
                {
                    reported.Add(age.Character);
                    findings.Items.Add(new ConsistencyFinding("age-timeline", $"{cast[age.Character].Name} {problem}",
                        [before.Value, age.Value], [before.Span, age.Span]));
                }
            }
            last[age.Character] = age;
        }
    }

    // A quotation tagged with a character's name after the narration says, by name, that they died
    // (outside flashbacks).
    private static void SpeechAfterDeath(Story story, CastList cast, CharacterFacts facts, bool[] flashback, ConsistencyFindings findings)
    {
        if (!story.Has<Attribution>() || facts.Deaths.Count == 0) return;
        var died = new Dictionary<int, Death>();
        foreach (var d in facts.Deaths) if (d.Certain) died.TryAdd(d.Character, d);
        var reported = new HashSet<int>();
        foreach (ref readonly var a in story.Layer<Attribution>().Items)
        {
            // Only a quotation tagged with the speaker's name ("said Jocelyn"): a guessed speaker is no evidence.
            if (a.Speaker < 0 || a.Method != AttributionMethod.Explicit || a.Confidence < 0.8f || !died.TryGetValue(a.Speaker, out var death)) continue;
            if (a.Span.Start <= death.Span.End || InFlashback(story, flashback, a.Span.Start) || !reported.Add(a.Speaker)) continue;
            findings.Items.Add(new ConsistencyFinding("speaks-after-death", $"{cast[a.Speaker].Name} speaks after their death",
                [cast[a.Speaker].Name], [death.Span, a.Span]));
        }
    }
}

/// <summary>
/// The content stage's hook: the youngest age in force, at a span, of the characters mentioned
/// there. An age stated before the span holds, moved on by the exact years the story's clock
/// passes since; after a vague shift ("years later") it is no longer known. A character whose
/// first stated age comes later takes it back to the span when no year passes between.
/// </summary>
internal sealed class CharacterAges : ICharacterAges
{
    private readonly Dictionary<int, List<AgeStatement>> _ages = [];
    private readonly Mention[] _mentions;
    private readonly SpanLayer<Mention>? _layer;
    private readonly StoryClock _clock;

    public CharacterAges(Story story, CharacterFacts facts, StoryClock clock)
    {
        _clock = clock;
        foreach (var age in facts.Ages)
        {
            if (age.Past) continue;
            if (!_ages.TryGetValue(age.Character, out var list)) _ages[age.Character] = list = [];
            list.Add(age);
        }
        _layer = story.Has<Mention>() ? story.Layer<Mention>() : null;
        _mentions = _layer is null ? [] : _layer.Items.ToArray();
    }

    public int? YoungestAgeIn(TextSpan span)
    {
        if (_ages.Count == 0 || _layer is null) return null;
        int? youngest = null;
        for (int m = _layer.FirstStartingAtOrAfter(span.Start); m < _mentions.Length && _mentions[m].Span.Start < span.End; m++)
        {
            int c = _mentions[m].Character;
            if (c < 0 || !_ages.TryGetValue(c, out var list)) continue;
            if (AgeAt(list, span.End) is int age && (youngest is null || age < youngest)) youngest = age;
        }
        return youngest;
    }

    private int? AgeAt(List<AgeStatement> list, int offset)
    {
        AgeStatement? before = null;
        foreach (var a in list) { if (a.Span.Start < offset) before = a; else break; }
        if (before is { } b)
        {
            var (years, vague) = _clock.Between(b.Span.End, offset);
            return vague ? null : b.Age + years;
        }
        var after = list[0];
        var (back, unknown) = _clock.Between(offset, after.Span.Start);
        return unknown || after.Age - back < 0 ? null : after.Age - back;
    }
}
