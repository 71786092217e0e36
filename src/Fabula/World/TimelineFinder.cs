using System.Globalization;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.World;

/// <summary>
/// The story's time (docs/json.md, <c>timeline</c>): temporal expressions read in one pass over the
/// tokens at numbers, units of time and time words ("two weeks passed", "a month later", "three
/// months along", "the next day", "over the years", "that night", "in May 1811", "at nine
/// o'clock"), with the ages the attribute stage found; then each scene placed in story time by the
/// shift that opens it, and flagged as a flashback when it opens by going back ("Ten years
/// earlier") or in the past perfect. Adds the <see cref="TimeExpression"/> layer and <see cref="StoryClock"/>.
/// </summary>
public sealed class TimelineFinder : IStage
{
    private const int OpeningSentences = 4, PluperfectSentences = 3;

    public void Run(Story story)
    {
        var view = WorldView.Of(story);
        var words = WorldTables.Shared;
        var found = new List<TimeExpression>();
        // PERF: which distinct words can start an expression, decided once per word (the table's words
        // marked among the story's; digits; a hyphenated word only when it is a number, "twenty-one"):
        // most tokens are passed over with one array look-up.
        var starts = view.InTable(words.TimeStarts);
        var go = view.PerWord(w => w.Length > 0 && (char.IsAsciiDigit(w[0]) || w.Length > 6 && w.Contains('-') && words.NumberValue(w) > 0));
        for (int t = 0; t < go.Length; t++) go[t] |= starts[t];
        var units = view.Screen(words.TimeUnits.Dictionary.Keys);
        var types = view.Types;
        for (int i = view.NextMarked(go, 0); i < types.Length; i = view.NextMarked(go, i + 1))
        {
            int type = types[i];
            if (type >= 0)
            {
                // "a", "an" count only with a unit of time at most three words on ("a few months", "a couple of days").
                if (view.Span(i).Length <= 2 && (view.Is(i, "a") || view.Is(i, "an"))
                    && !IsUnit(view, units, i + 1) && !IsUnit(view, units, i + 2) && !IsUnit(view, units, i + 3)) continue;
            }
            else
            {
                if (!view.IsWord(i)) continue;
                // Numbers in digits ("1811", "10:30") and long words the cast stage did not type.
                var word = view[i];
                if (!words.TimeStarts.Contains(word) && !char.IsAsciiDigit(word[0]) && !(word.Length > 6 && word.Contains('-'))) continue;
            }
            int next = Read(view, words, i, found);
            if (next > i) i = next;
        }
        // Said, not told: an expression inside a quotation does not move the story's clock.
        for (int k = 0; k < found.Count; k++)
        {
            int token = view.TokenAt(found[k].Span.Start);
            if (token >= 0 && view.InQuotation(token)) found[k] = found[k] with { Narration = false };
        }
        if (story.Find<CharacterFacts>() is { } facts)
            foreach (var age in facts.Ages)
                found.Add(new TimeExpression(age.Span, "age", age.Value, true));
        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        var layer = story.Add(found, allowOverlap: true);
        story.Set(Clock(story, view, layer));
    }

    // Whether token k may be a unit of time (a word the screen of units marks).
    private static bool IsUnit(WorldView view, bool[] units, int k) => view.IsWord(k) && view.May(units, k);

    // Reads the expression starting at token i, if any; returns its last token (or i - 1).
    private static int Read(WorldView view, WorldTables words, int i, List<TimeExpression> found)
    {
        bool narration = true;   // set by the caller
        var word = view[i];

        // A count and a unit: "two weeks", "a few months", "several years", "a couple of days".
        int unitAt = -1;
        string count = "";
        int value = words.NumberValue(word);
        bool article = view.Is(i, "a") || view.Is(i, "an");
        if (value > 0 && value < 1000 && !(word.Length == 4 && char.IsAsciiDigit(word[0])))
        {
            unitAt = i + 1;
            if (value >= 20 && view.IsWord(i + 1) && words.NumberValue(view[i + 1]) is > 0 and < 10 and var units) { value += units; unitAt++; }
            count = value.ToString(CultureInfo.InvariantCulture);
        }
        else if (article || words.VagueNumbers.Contains(word))
        {
            unitAt = i + 1;
            if (article && view.IsWord(unitAt) && words.VagueNumbers.Contains(view[unitAt])) { unitAt++; article = false; }
            if (view.Is(unitAt, "of")) unitAt++;
            count = article ? "1" : "x";
        }
        if (unitAt > 0 && view.IsWord(unitAt) && view.SentenceOf[unitAt] == view.SentenceOf[i] && words.TimeUnits.TryGetValue(view[unitAt], out var unit))
        {
            int last = unitAt;
            string? direction = Direction(view, last + 1, ref last);
            if (direction is null && view.Is(i - 1, "after")) direction = "+";
            bool over = view.Is(i - 1, "for") || view.Is(i - 1, "over") || view.Is(i - 1, "during") || view.Is(i - 1, "within");
            // "one day" is a day at all, "a day" one of many: neither is a length of time.
            if (direction is null && ((article || count == "1") && !over || view.Is(last + 1, "old") || view.Is(last + 1, "older") || view.Is(last + 1, "younger"))) return i - 1;
            string kind = direction is null ? "duration" : "relative";
            if (view.Is(last + 1, "along")) { kind = "duration"; direction = null; last++; }
            found.Add(new TimeExpression(Span(view, i, last), kind, (direction ?? "") + Iso(count, unit), narration));
            return last;
        }

        // A unit without a count: "years later", "months passed", "over the years".
        if (words.TimeUnits.TryGetValue(word, out unit) && (view.IsLower(i) || view.Initial[i]))
        {
            int last = i;
            if (view.Is(i - 1, "the") && (view.Is(i - 2, "over") || view.Is(i - 2, "through")) && word.EndsWith('s'))
            {
                found.Add(new TimeExpression(Span(view, i - 2, i), "duration", Iso("x", unit), narration));
                return i;
            }
            if (word.EndsWith('s') && Direction(view, i + 1, ref last) is { } direction && !view.IsWord(i - 1) || word.EndsWith('s') && view.Is(i + 1, "later"))
            {
                last = i;
                string d = Direction(view, i + 1, ref last) ?? "+";
                found.Add(new TimeExpression(Span(view, i, last), "relative", d + Iso("x", unit), narration));
                return last;
            }
            // "the next day", "the following week", "next year", "the day before"
            int anchor = i - 1;
            if (view.IsWord(anchor) && words.TimeAnchors.TryGetValue(view[anchor], out var relation) && relation is "next" or "previous"
                && !(relation == "previous" && view.Is(anchor - 1, "the")))   // "the last day" is an end, not yesterday
            {
                int first = view.Is(anchor - 1, "the") ? anchor - 1 : anchor;
                found.Add(new TimeExpression(Span(view, first, i), "relative", (relation == "next" ? "+" : "-") + Iso("1", unit), narration));
                return i;
            }
            return i - 1;
        }

        // Time words: "that night", "the next morning", "in the spring", "on Monday", "in May 1811", "yesterday".
        if (words.TimeWords.TryGetValue(word, out var time))
        {
            switch (time.Kind)
            {
                case "relative":
                    found.Add(new TimeExpression(Span(view, i, i), "relative", time.Value, narration));
                    return i;
                case "weekday":
                    if (view.IsLower(i)) return i - 1;
                    found.Add(new TimeExpression(Span(view, i, i), "weekday", time.Value, narration));
                    return i;
                case "month":
                    return Month(view, words, i, time.Value, narration, found);
                default:
                    if (!view.IsLower(i) && !view.Initial[i]) return i - 1;
                    int anchor = i - 1, first = i;
                    string? relation = null;
                    if (view.IsWord(anchor) && words.TimeAnchors.TryGetValue(view[anchor], out var r)) { relation = r; first = view.Is(anchor - 1, "the") ? anchor - 1 : anchor; }
                    else if (view.Is(anchor, "the") && (view.Is(anchor - 1, "in") || view.Is(anchor - 1, "during"))) first = anchor - 1;
                    else if (view.Is(anchor, "at") || view.Is(anchor, "by") || view.Is(anchor, "till") || view.Is(anchor, "until")) first = anchor;
                    else return i - 1;
                    if (relation is "next" or "previous")
                        found.Add(new TimeExpression(Span(view, first, i), "relative", (relation == "next" ? "+" : "-") + (time.Kind == "season" ? "P1Y" : "P1D"), narration));
                    else
                        found.Add(new TimeExpression(Span(view, first, i), time.Kind, time.Value, narration));
                    return i;
            }
        }

        // Clock times: "nine o'clock", "half past ten", "10:30".
        if (word.Equals("o'clock", StringComparison.OrdinalIgnoreCase) || word.Equals("o’clock", StringComparison.OrdinalIgnoreCase))
        {
            int hour = view.IsWord(i - 1) ? words.NumberValue(view[i - 1]) : -1;
            if (hour is >= 1 and <= 12)
            {
                int first = i - 1, minutes = 0;
                if (view.Is(first - 1, "past") && view.Is(first - 2, "half")) { first -= 2; minutes = 30; }
                found.Add(new TimeExpression(Span(view, first, i), "time", $"T{hour:00}:{minutes:00}", narration));
            }
            return i;
        }
        if (word.Length is 4 or 5 && word[^3] == ':' && int.TryParse(word[..^3], CultureInfo.InvariantCulture, out int h) && h < 24
            && int.TryParse(word[^2..], CultureInfo.InvariantCulture, out int m) && m < 60)
        {
            found.Add(new TimeExpression(Span(view, i, i), "time", $"T{h:00}:{m:00}", narration));
            return i;
        }

        // A year: "in 1811", "since 1799".
        if (word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1000 and <= 2199
            && (view.Is(i - 1, "in") || view.Is(i - 1, "of") || view.Is(i - 1, "since") || view.Is(i - 1, "until") || view.Is(i - 1, "by") || view.Is(i - 1, "year")))
        {
            found.Add(new TimeExpression(Span(view, i, i), "date", year.ToString(CultureInfo.InvariantCulture), narration));
            return i;
        }
        return i - 1;
    }

    // "later", "after", "afterwards", "passed", "went by", "had passed" (+); "ago", "earlier", "before", "previously" (-).
    private static string? Direction(WorldView view, int k, ref int last)
    {
        if (view.Is(k, "later") || view.Is(k, "afterwards") || view.Is(k, "afterward") || view.Is(k, "after") && !view.IsWord(k + 1) || view.Is(k, "passed")) { last = k; return "+"; }
        if ((view.Is(k, "had") || view.Is(k, "have")) && view.Is(k + 1, "passed")) { last = k + 1; return "+"; }
        if (view.Is(k, "went") && view.Is(k + 1, "by")) { last = k + 1; return "+"; }
        if (view.Is(k, "ago") || view.Is(k, "earlier") || view.Is(k, "before") && !view.IsWord(k + 1) || view.Is(k, "previously")) { last = k; return "-"; }
        return null;
    }

    // "May 5", "5 May", "in May", "May 1811"; "may" lower case is a verb, a bare "March" a verb or a name.
    private static int Month(WorldView view, WorldTables words, int i, string month, bool narration, List<TimeExpression> found)
    {
        if (view.IsLower(i)) return i - 1;
        int first = i, last = i;
        string day = "", year = "";
        if (view.IsWord(i + 1) && int.TryParse(view[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            if (n is >= 1 and <= 31) { day = "-" + n.ToString("00", CultureInfo.InvariantCulture); last = i + 1; }
            else if (n is >= 1000 and <= 2199) { year = n.ToString(CultureInfo.InvariantCulture); last = i + 1; }
        }
        if (view.IsWord(i - 1) && words.OrdinalValue(view[i - 1]) is >= 1 and <= 31 and var d) { day = "-" + d.ToString("00", CultureInfo.InvariantCulture); first = i - 1; }
        else if (view.Is(i - 1, "of") && view.IsWord(i - 2) && words.OrdinalValue(view[i - 2]) is >= 1 and <= 31 and var d2) { day = "-" + d2.ToString("00", CultureInfo.InvariantCulture); first = i - 3 >= 0 && view.Is(i - 3, "the") ? i - 3 : i - 2; }
        bool anchored = day.Length > 0 || year.Length > 0 || view.Is(i - 1, "in") || view.Is(i - 1, "of") || view.Is(i - 1, "since") || view.Is(i - 1, "until")
                        || view.Is(i - 1, "early") || view.Is(i - 1, "late") || view.Is(i - 1, "last") || view.Is(i - 1, "next");
        if (!anchored || month == "05" && day.Length == 0 && year.Length == 0 && !view.Is(i - 1, "in") && !view.Is(i - 1, "of")) return i - 1;
        string value = year.Length > 0 ? year + "-" + month : "--" + month + day;
        found.Add(new TimeExpression(Span(view, first, last), "date", value, narration));
        return last;
    }

    private static TextSpan Span(WorldView view, int first, int last) => TextSpan.FromBounds(view.Span(first).Start, view.Span(last).End);

    // ISO 8601 duration of a count ("2", "x" for an unknown number) of a unit: P2W, PT3H, PxY.
    private static string Iso(string count, TimeUnit unit)
    {
        string n = count == "x" ? "x" : unit.Count == 1 ? count : (int.Parse(count, CultureInfo.InvariantCulture) * unit.Count).ToString(CultureInfo.InvariantCulture);
        return unit.Designator switch
        {
            "S" => "PT" + n + "S",
            "MIN" => "PT" + n + "M",
            "H" => "PT" + n + "H",
            var d => "P" + n + d,
        };
    }

    /// <summary>Days an ISO value moves at least ("+P2W" 14; "+PxY" 730: "years" are two or more).</summary>
    internal static int Days(string value, out bool vague)
    {
        vague = value.Contains('x');
        int p = value.IndexOf('P');
        if (p < 0 || value.Contains('T')) return 0;
        var body = value.AsSpan(p + 1, value.Length - p - 2);
        int n = vague ? 2 : int.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : 0;
        return value[^1] switch { 'D' => n, 'W' => 7 * n, 'M' => 30 * n, 'Y' => 365 * n, _ => 0 };
    }

    private static StoryClock Clock(Story story, WorldView view, SpanLayer<TimeExpression> timeline)
    {
        var yearShifts = new List<(int, int, bool)>();
        foreach (ref readonly var t in timeline.Items)
        {
            // "for years", "two years" say how long something lasts; only a relative shift moves the clock.
            if (!t.Narration || t.Kind != "relative" || t.Value[0] == '-') continue;
            int days = Days(t.Value, out bool vague);
            if (days >= 365) yearShifts.Add((t.Span.Start, vague ? 0 : days / 365, vague));
        }
        if (!story.Has<Scene>()) return new StoryClock([], yearShifts);
        var scenes = story.Layer<Scene>();
        var paragraphs = story.Layer<Paragraph>();
        var sentences = story.Layer<Sentence>();
        var result = new SceneTime[scenes.Count];
        int day = 0;
        for (int s = 0; s < scenes.Count; s++)
        {
            var scene = scenes[s].Span;
            // The opening: the scene's first paragraph with words (a heading line is skipped).
            int p = paragraphs.FirstStartingAtOrAfter(scene.Start);
            var opening = p < paragraphs.Count ? paragraphs[p].Span : scene;
            int chapter = story.Has<Chapter>() ? story.Layer<Chapter>().IndexAt(scene.Start) : -1;
            if (chapter >= 0 && story.Layer<Chapter>()[chapter].Heading is { Length: > 0 } heading && heading.End > opening.Start
                && p + 1 < paragraphs.Count && paragraphs[p + 1].Span.Start < scene.End)
                opening = paragraphs[p + 1].Span;
            string? elapsed = null;
            bool back = false;
            var (from, to) = timeline.Within(opening);
            for (int k = from; k < to; k++)
            {
                var t = timeline[k];
                if (!t.Narration || t.Kind != "relative") continue;
                if (t.Value[0] == '-') { if (t.Value.Contains('Y') || t.Value.Contains('M') || t.Value.Contains('W')) back = true; continue; }
                elapsed ??= t.Value;
            }
            if (elapsed is not null && s > 0) day += Days(elapsed, out _);
            result[s] = new SceneTime(s > 0 ? elapsed : null, day, back || Pluperfect(story.Text, view, sentences, scene));
        }
        return new StoryClock(result, yearShifts);
    }

    // The scene opens in the past perfect: of its first narration sentences, most have "had" before a participle.
    private static bool Pluperfect(StoryText text, WorldView view, SpanLayer<Sentence> sentences, TextSpan scene)
    {
        int s = sentences.FirstStartingAtOrAfter(scene.Start), seen = 0, had = 0;
        for (; s < sentences.Count && seen < OpeningSentences && sentences[s].Span.Start < scene.End; s++)
        {
            var sentence = sentences[s].Span;
            var span = text[sentence];
            if (span.IndexOfAny('"', '“') >= 0) continue;
            seen++;
            if (HasPluperfect(span)) had++;
        }
        return had >= PluperfectSentences;
    }

    private static bool HasPluperfect(ReadOnlySpan<char> sentence)
    {
        int at = 0;
        while (true)
        {
            int k = sentence[at..].IndexOf("had ", StringComparison.Ordinal);
            if (k < 0) return false;
            k += at;
            if (k == 0 || !char.IsLetter(sentence[k - 1]))
            {
                int w = k + 4, e = w;
                while (e < sentence.Length && char.IsLetter(sentence[e])) e++;
                var next = sentence[w..e];
                if (next is "been" or "gone" or "come" or "done" or "seen" or "known" or "taken" or "given" or "made" or "left" or "told" or "heard" or "thought" or "felt"
                    || next.Length > 3 && (next.EndsWith("ed") || next.EndsWith("en"))) return true;
            }
            at = k + 4;
        }
    }
}
