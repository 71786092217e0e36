using System.Collections.Frozen;
using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Splits each chapter's text (below its heading) into scenes. A scene ends at:
/// <list type="bullet">
/// <item>a paragraph that is only a break mark ("***", "* * *", "~", "---", "#", "oOo", "§") or
///   a section numeral ("II"); the mark belongs to no scene;</item>
/// <item>a blank gap wider than the text's usual one, when such gaps are rare (the usual gap is
///   the most common one between paragraphs, 0 or 1 blank line; a text that varies its spacing
///   often gets no scenes from gaps);</item>
/// <item>a short paragraph of its own that only moves time ("Two weeks later.", "The next
///   morning"), which starts the next scene (patterns in Data/structure/time-shifts.txt).</item>
/// </list>
/// Scenes are numbered from 0 through the story; a chapter without breaks is one scene.
/// </summary>
public sealed class SceneFinder : IStage
{
    private const int MaxMarkLength = 40;
    private const int MaxTimeShiftLength = 60;

    // Wide gaps make scenes only when at most this share of paragraphs (in percent) has one.
    private const int MaxWideGapPercent = 3;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LetterMarks =
        WordList.Load("structure/scene-break-marks.txt", ignoreCase: true).GetAlternateLookup<ReadOnlySpan<char>>();

    public void Run(Story story)
    {
        var text = story.Text.AsSpan();
        var paragraphLayer = story.Layer<Paragraph>();
        var paragraphs = paragraphLayer.Items;
        var tokens = story.Layer<Token>();
        var chapters = story.Layer<Chapter>().Items;
        int wideGap = WideGap(paragraphLayer, chapters);
        var scenes = new List<Scene>();
        foreach (ref readonly var chapter in chapters)
        {
            var (from, to) = paragraphLayer.Within(chapter.Span);
            int bodyStart = chapter.Heading.Length > 0 ? chapter.Heading.End : chapter.Span.Start;
            int first = -1, last = -1;
            bool afterBreak = true;
            for (int p = from; p < to; p++)
            {
                var span = paragraphs[p].Span;
                if (span.Start < bodyStart) continue;
                var kind = Classify(text, span, tokens);
                if (kind == Break.ChapterText)
                {
                    // AO3: what stands above "Chapter Text" is the chapter's notes, not a scene.
                    first = -1;
                    afterBreak = true;
                    continue;
                }
                if (kind == Break.Mark)
                {
                    Close(chapter.Index, paragraphs, ref first, last, scenes);
                    afterBreak = true;
                    continue;
                }
                bool starts = kind == Break.TimeShift || !afterBreak && paragraphs[p].GapBefore >= wideGap;
                if (starts) Close(chapter.Index, paragraphs, ref first, last, scenes);
                if (first < 0) first = p;
                last = p;
                afterBreak = false;
            }
            Close(chapter.Index, paragraphs, ref first, last, scenes);
        }
        story.Add(scenes);
    }

    private enum Break : byte { None, Mark, TimeShift, ChapterText }

    private static void Close(int chapter, ReadOnlySpan<Paragraph> paragraphs, ref int first, int last, List<Scene> scenes)
    {
        if (first < 0) return;
        scenes.Add(new Scene(TextSpan.FromBounds(paragraphs[first].Span.Start, paragraphs[last].Span.End), scenes.Count, chapter));
        first = -1;
    }

    private static Break Classify(ReadOnlySpan<char> text, TextSpan span, SpanLayer<Token> tokens)
    {
        if (span.Length > MaxTimeShiftLength) return Break.None;
        var line = text.Slice(span.Start, span.Length);
        if (span.Length <= MaxMarkLength && IsBreakMark(line)) return Break.Mark;
        if (ChapterHeading.TryRead(text, span, out var heading))
        {
            if (heading.Kind == HeadingKind.ChapterText) return Break.ChapterText;
            if (heading.Kind == HeadingKind.Numeral && heading.Title.Length == 0) return Break.Mark;   // section "II"
        }
        return TimeShifts.Matches(text, span, tokens) ? Break.TimeShift : Break.None;
    }

    /// <summary>"***", "* * *", "~", "---", "#", "§", "oOo", "o0o": a line that only marks a break.</summary>
    public static bool IsBreakMark(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty) return false;
        bool symbols = true;
        foreach (char c in line)
            if (!char.IsWhiteSpace(c) && !IsMarkSymbol(c)) { symbols = false; break; }
        return symbols || LetterMarks.Contains(line);
    }

    private static bool IsMarkSymbol(char c) => c is '*' or '~' or '-' or '—' or '–' or '―' or '#' or '+' or '§' or '•' or '·'
        or '=' or '_' or '/' or '\\' or '|' or '°' or '¤' or '♦' or '◇' or '◆' or '❖' or '✦' or '✧' or '❦' or '❧' or '⁂'
        or '※' or '⁕' or '✱' or '✲' or '✳' or '✻' or '✼' or '❋' or '⸻' or '⸺' or '^' or '<' or '>' or '○' or '●' or '□' or '■';

    // The gap that marks a scene: one blank line more than the usual gap between paragraphs
    // inside chapters, if the usual gap is 0 or 1 and wider ones are rare; else none.
    private static int WideGap(SpanLayer<Paragraph> paragraphLayer, ReadOnlySpan<Chapter> chapters)
    {
        Span<int> counts = stackalloc int[8];
        int total = 0;
        var paragraphs = paragraphLayer.Items;
        foreach (ref readonly var chapter in chapters)
        {
            var (from, to) = paragraphLayer.Within(chapter.Span);
            int bodyStart = chapter.Heading.Length > 0 ? chapter.Heading.End : chapter.Span.Start;
            bool first = true;
            for (int p = from; p < to; p++)
            {
                if (paragraphs[p].Span.Start < bodyStart) continue;
                if (first) { first = false; continue; }   // the gap below a heading is no scene break
                counts[Math.Min(7, paragraphs[p].GapBefore)]++;
                total++;
            }
        }
        if (total == 0) return int.MaxValue;
        int usual = 0;
        for (int g = 1; g < counts.Length; g++)
            if (counts[g] > counts[usual]) usual = g;
        if (usual > 1) return int.MaxValue;
        int wider = 0;
        for (int g = usual + 1; g < counts.Length; g++) wider += counts[g];
        return wider * 100 <= total * MaxWideGapPercent ? usual + 1 : int.MaxValue;
    }
}
