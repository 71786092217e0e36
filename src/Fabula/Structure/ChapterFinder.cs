using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Structure;

/// <summary>
/// Finds chapters. When the document's markup states them (<see cref="StorySource.ChapterMarks"/>:
/// HTML, EPUB, DOCX), those are the chapters. Otherwise chapters start at heading paragraphs:
/// <list type="bullet">
/// <item>"Chapter 3", "CHAPTER XXVII", "Chapter Three: Title", "STAVE I", "Letter 4"; "Prologue", "Epilogue";</item>
/// <item>a numeral alone on its line ("IV", "12.") — only when the text has fewer than three
///   chapter headings (otherwise numerals number sections inside chapters) and only while they count
///   up (1, 2, 3 …, restarting at 1);</item>
/// <item>"Chapter Text", which a copied Archive of Our Own page carries where each chapter's text
///   starts; when that chapter's "Chapter 2: Title" line stands above it (above the notes), the
///   chapter starts there.</item>
/// </list>
/// A short line after a heading that reads as a title ("CHAPTER I" / "THERE IS NO ONE LEFT")
/// becomes the chapter's title. "PART ONE" and "BOOK I" headings do not count as chapters: each
/// starts the chapter that follows it — unless the text has no chapter headings, and then the
/// parts are the chapters. A table of contents is not chapters: a heading with no text before the
/// next heading is dropped, and so is the last entry of a run of three or more such headings when
/// its number continues the run (the contents followed by a preface). Chapters are numbered from
/// 0 and run from their heading to the next chapter, without overlap. Text before the first
/// heading belongs to no chapter, unless it holds at least <see cref="FrontMatterTokens"/> tokens
/// (about a thousand words: more than a title page, contents and dedication): then it is a
/// chapter of its own, without title or heading. A text without headings is one chapter.
/// </summary>
public sealed class ChapterFinder : IStage
{
    /// <summary>Text before the first heading with at least this many tokens is a chapter.</summary>
    public const int FrontMatterTokens = 1200;

    // Keyword chapter headings ("Chapter 3") from this many on make numerals section numbers.
    private const int ChapterHeadingsOverNumerals = 3;

    // Numbered stanzas of a poem count up too; chapters run longer than this (median, in chars).
    private const int MinNumberedChapterLength = 1500;

    public void Run(Story story)
    {
        var text = story.Text.AsSpan();
        var paragraphs = story.Layer<Paragraph>().Items;
        var tokens = story.Layer<Token>();
        var starts = story.Source.ChapterMarks.Count > 0
            ? FromMarks(story, text, paragraphs)
            : FromHeadings(text, paragraphs);
        story.Add(Build(story.Text, paragraphs, tokens, starts));
    }

    /// <summary>Where a chapter starts: its first paragraph, its heading's paragraphs, its title.</summary>
    private record struct ChapterStart(int First, int HeadingFrom, int HeadingTo, TextSpan Title, string? MarkTitle, bool Named);

    private static List<ChapterStart> FromMarks(Story story, ReadOnlySpan<char> text, ReadOnlySpan<Paragraph> paragraphs)
    {
        var layer = story.Layer<Paragraph>();
        var marks = new List<ChapterMark>(story.Source.ChapterMarks);
        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var starts = new List<ChapterStart>();
        foreach (var mark in marks)
        {
            int p = layer.FirstStartingAtOrAfter(Math.Max(0, mark.Start));
            if (p >= paragraphs.Length || starts.Count > 0 && starts[^1].First >= p) continue;
            // The mark's first paragraph is its heading when it reads as one or repeats the title.
            var first = text.Slice(paragraphs[p].Span.Start, paragraphs[p].Span.Length);
            bool isHeading = ChapterHeading.TryRead(text, paragraphs[p].Span, out _)
                             || mark.Title is { } t && first.Trim().Equals(t.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
            starts.Add(new ChapterStart(p, p, isHeading ? p : p - 1, default, mark.Title, false));
        }
        return starts;
    }

    private struct Candidate(int paragraph, ChapterHeading heading)
    {
        public readonly int Paragraph = paragraph;
        public readonly ChapterHeading Heading = heading;
        public HeadingKind Kind => Heading.Kind;
        public bool IsChapterLevel => Heading.Kind != HeadingKind.Part;
        public int Last = paragraph;          // last paragraph of the heading (its title line)
        public TextSpan Title = heading.Title;
        public bool Dropped;
        public bool HasChapterText;           // an AO3 "Chapter Text" line below it
    }

    private static List<ChapterStart> FromHeadings(ReadOnlySpan<char> text, ReadOnlySpan<Paragraph> paragraphs)
    {
        var found = new List<Candidate>();
        for (int p = 0; p < paragraphs.Length; p++)
            if (ChapterHeading.TryRead(text, paragraphs[p].Span, out var heading))
                found.Add(new Candidate(p, heading));
        var candidates = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);

        TakeTitles(text, paragraphs, candidates);
        KeepCountingNumerals(paragraphs, candidates);
        DropLettersInsideChapters(candidates);
        JoinChapterText(candidates);
        DropEmpty(paragraphs.Length, candidates);

        bool anyChapter = false;
        foreach (ref var c in candidates)
            if (!c.Dropped && c.IsChapterLevel) { anyChapter = true; break; }

        var starts = new List<ChapterStart>();
        int partStart = -1;
        foreach (ref var c in candidates)
        {
            if (c.Dropped) continue;
            if (c.Kind == HeadingKind.Part && anyChapter)
            {
                if (partStart < 0) partStart = c.Paragraph;
                continue;
            }
            int first = partStart >= 0 ? partStart : c.Paragraph;
            partStart = -1;
            starts.Add(new ChapterStart(first, c.Paragraph, c.Last, c.Title, null, c.Kind == HeadingKind.Named));
        }
        return starts;
    }

    // "CHAPTER I" / "THERE IS NO ONE LEFT": a title-like line right after a heading is its title.
    private static void TakeTitles(ReadOnlySpan<char> text, ReadOnlySpan<Paragraph> paragraphs, Span<Candidate> candidates)
    {
        for (int i = 0; i < candidates.Length; i++)
        {
            ref var c = ref candidates[i];
            if (c.Kind == HeadingKind.ChapterText || c.Title.Length > 0) continue;
            int next = c.Paragraph + 1;
            // A title needs text after it, before the next heading ("Chapter 1" / "Now." is text).
            if (next >= paragraphs.Length - 1) continue;
            if (i + 1 < candidates.Length && candidates[i + 1].Paragraph <= next + 1) continue;
            var span = paragraphs[next].Span;
            if (ChapterHeading.LooksLikeTitle(text.Slice(span.Start, span.Length), ownLine: true))
            {
                c.Title = span;
                c.Last = next;
            }
        }
    }

    // Numerals alone on a line are chapters only while they count up: 1, 2, 3 … (a new part may
    // restart at 1). In a text with chapter headings they number sections inside chapters —
    // unless, with a title of their own and after the last chapter heading, they carry on the
    // chapters' count ("ADVENTURE VI. …", then "VII. THE ADVENTURE OF …" to the end).
    private static void KeepCountingNumerals(ReadOnlySpan<Paragraph> paragraphs, Span<Candidate> candidates)
    {
        int chapterHeadings = 0, numerals = 0, lastChapterHeading = -1;
        for (int i = 0; i < candidates.Length; i++)
            if (candidates[i].Kind is HeadingKind.Chapter or HeadingKind.Letter) { chapterHeadings++; lastChapterHeading = i; }
        bool sections = chapterHeadings >= ChapterHeadingsOverNumerals;
        int last = 0;
        for (int i = 0; i < candidates.Length; i++)
        {
            ref var c = ref candidates[i];
            if (c.Kind is HeadingKind.Chapter or HeadingKind.Letter) { last = c.Heading.Number; continue; }
            if (c.Kind != HeadingKind.Numeral) continue;
            bool counts = sections
                ? i > lastChapterHeading && c.Heading.Title.Length > 0 && c.Heading.Number == last + 1
                : c.Heading.Number == 1 || c.Heading.Number == last + 1;
            if (!counts)
            {
                c.Dropped = true;
                continue;
            }
            last = c.Heading.Number;
            numerals++;
        }
        if (sections) return;
        if (numerals >= 2)
        {
            var lengths = new List<int>(numerals);
            for (int i = 0; i < candidates.Length; i++)
            {
                if (candidates[i].Kind != HeadingKind.Numeral || candidates[i].Dropped) continue;
                int end = i + 1 < candidates.Length ? paragraphs[candidates[i + 1].Paragraph].Span.Start : paragraphs[^1].Span.End;
                lengths.Add(end - paragraphs[candidates[i].Last].Span.End);
            }
            lengths.Sort();
            if (lengths[lengths.Count / 2] >= MinNumberedChapterLength) return;
        }
        foreach (ref var c in candidates)
            if (c.Kind == HeadingKind.Numeral) c.Dropped = true;
    }

    // Letters before the first chapter heading (Frankenstein's) or after the last are chapters;
    // letters quoted between chapter headings are part of their chapter.
    private static void DropLettersInsideChapters(Span<Candidate> candidates)
    {
        int first = -1, last = -1;
        for (int i = 0; i < candidates.Length; i++)
            if (candidates[i].Kind == HeadingKind.Chapter) { if (first < 0) first = i; last = i; }
        for (int i = first + 1; i < last; i++)
            if (candidates[i].Kind == HeadingKind.Letter) candidates[i].Dropped = true;
    }

    // AO3: "Chapter 2: Title" … notes … "Chapter Text": one chapter, starting at the first line.
    private static void JoinChapterText(Span<Candidate> candidates)
    {
        int previous = -1;
        for (int i = 0; i < candidates.Length; i++)
        {
            ref var c = ref candidates[i];
            if (c.Dropped) continue;
            if (c.Kind == HeadingKind.ChapterText && previous >= 0)
            {
                ref var heading = ref candidates[previous];
                if (heading.Kind is HeadingKind.Chapter or HeadingKind.Letter or HeadingKind.Named or HeadingKind.Numeral && !heading.HasChapterText)
                {
                    heading.HasChapterText = true;
                    c.Dropped = true;
                    continue;
                }
            }
            previous = i;
        }
    }

    // A table of contents: headings with no text between them.
    private static void DropEmpty(int paragraphCount, Span<Candidate> candidates)
    {
        int run = 0, runLastNumber = -1;
        for (int i = 0; i < candidates.Length; i++)
        {
            ref var c = ref candidates[i];
            if (c.Dropped) continue;
            int next = i + 1;
            while (next < candidates.Length && candidates[next].Dropped) next++;
            int bodyTo = next < candidates.Length ? candidates[next].Paragraph : paragraphCount;
            bool empty = bodyTo <= c.Last + 1 && !c.HasChapterText;
            if (!c.IsChapterLevel)
            {
                // A part heading right before a chapter heading is the normal case.
                if (empty && (next >= candidates.Length || !candidates[next].IsChapterLevel)) c.Dropped = true;
                continue;
            }
            if (empty)
            {
                c.Dropped = true;
                run++;
                runLastNumber = c.Heading.Number;
                continue;
            }
            // The last entry of a contents list followed by a preface: it has text, but its
            // number continues the run of empty headings before it.
            if (run >= 2 && c.Heading.Number > 0 && c.Heading.Number == runLastNumber + 1) c.Dropped = true;
            run = 0;
        }
    }

    private static List<Chapter> Build(StoryText story, ReadOnlySpan<Paragraph> paragraphs, SpanLayer<Token> tokens, List<ChapterStart> starts)
    {
        var chapters = new List<Chapter>();
        if (paragraphs.Length == 0) return chapters;
        if (starts.Count == 0)
        {
            chapters.Add(new Chapter(TextSpan.FromBounds(paragraphs[0].Span.Start, paragraphs[^1].Span.End), 0, null,
                new TextSpan(paragraphs[0].Span.Start, 0)));
            return chapters;
        }
        int firstStart = paragraphs[starts[0].First].Span.Start;
        if (starts[0].First > 0 && tokens.FirstStartingAtOrAfter(firstStart) >= FrontMatterTokens)
            chapters.Add(new Chapter(TextSpan.FromBounds(paragraphs[0].Span.Start, paragraphs[starts[0].First - 1].Span.End), 0, null,
                new TextSpan(paragraphs[0].Span.Start, 0)));
        for (int i = 0; i < starts.Count; i++)
        {
            var s = starts[i];
            int lastParagraph = i + 1 < starts.Count ? starts[i + 1].First - 1 : paragraphs.Length - 1;
            var span = TextSpan.FromBounds(paragraphs[s.First].Span.Start, paragraphs[lastParagraph].Span.End);
            var heading = s.HeadingTo >= s.HeadingFrom
                ? TextSpan.FromBounds(paragraphs[s.HeadingFrom].Span.Start, paragraphs[s.HeadingTo].Span.End)
                : new TextSpan(paragraphs[s.HeadingFrom].Span.Start, 0);
            string? title = s.MarkTitle
                ?? (s.Title.Length > 0 ? OneLine(story[s.Title])
                : s.Named ? OneLine(story[paragraphs[s.HeadingFrom].Span]) : null);
            chapters.Add(new Chapter(span, chapters.Count, title, heading));
        }
        return chapters;
    }

    // A title that wrapped over two lines reads as one.
    private static string OneLine(ReadOnlySpan<char> title)
    {
        if (!title.Contains('\n')) return title.ToString();
        var sb = new System.Text.StringBuilder(title.Length);
        foreach (char c in title)
        {
            if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
