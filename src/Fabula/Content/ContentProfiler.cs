using Fabula.Output;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Content;

/// <summary>
/// The content stage: scans every paragraph's sentences for the warnings of docs/content.md, then
/// rates the story as AO3 would, lists the archive warnings it supports, audits the author's
/// declared tags (AO3 downloads) and times the reading. Result: <c>story.Get&lt;ContentProfile&gt;()</c>.
/// </summary>
public sealed class ContentProfiler : IStage
{
    /// <summary>
    /// A passage supports a warning when its confidence reaches this. Weaker passages are still listed
    /// as evidence, but they do not add up: in a long novel, dozens of doubtful passages ("a chink of
    /// light", "half-starved") are no more evidence of a warning than one.
    /// </summary>
    public const float SupportingPassage = 0.6f;

    /// <summary>A warning is reported when the noisy-or of its supporting passages reaches this.</summary>
    public const float ReportThreshold = 0.6f;

    /// <summary>Silent reading speed of adults for English fiction (Brysbaert 2019, J. Memory and Language 109).</summary>
    public const int WordsPerMinute = 260;

    public void Run(Story story) => story.Set(Profile(story));

    public static ContentProfile Profile(Story story, List<DroppedHit>? dropped = null)
    {
        var hits = Scan(story, dropped);
        int[]? chapterWords = null;
        int words;
        if (story.Has<Token>() && story.Has<Chapter>() && story.Layer<Chapter>().Count > 0)
        {
            // The whole story's words and each chapter's, in one pass over the tokens.
            var tokens = story.Layer<Token>();
            var chapters = story.Layer<Chapter>().Items;
            var parts = new (int From, int To)[chapters.Length];
            for (int i = 0; i < chapters.Length; i++) parts[i] = Within(tokens, chapters[i].Span);
            chapterWords = new int[chapters.Length];
            words = WordCounter.Count(tokens.Items, parts, chapterWords);
        }
        else words = story.Has<Token>() ? WordCounter.Count(story.Layer<Token>().Items) : WordCounter.Count(story.Text.AsSpan());
        var findings = Aggregate(story, hits, words);
        var (rating, reasons) = RatingRules.Rate(findings);
        var archive = RatingRules.ArchiveWarnings(findings);
        var archiveWarnings = new List<string>();
        foreach (var (warning, reason) in archive)
        {
            archiveWarnings.Add(warning);
            reasons.Add($"{warning}: {reason}");
        }
        var audit = story.Source.Declared is { } declared ? TagAuditor.Audit(declared, findings, rating, archiveWarnings) : null;
        if (archiveWarnings.Count == 0) archiveWarnings.Add(RatingRules.NoWarningsApply);
        return new ContentProfile(rating, reasons, archiveWarnings, findings.Warnings, audit, Time(story, words, chapterWords));
    }

    /// <summary>Every hit of the story, paragraph by paragraph (each paragraph's sentences scanned together).</summary>
    public static List<ContentHit> Scan(Story story, List<DroppedHit>? dropped = null)
    {
        var scanner = new PassageScanner(ContentLexicon.Default);
        var ages = story.Find<ICharacterAges>();
        var hits = new List<ContentHit>();
        var paragraphs = story.Layer<Paragraph>().Items;
        var sentences = story.Has<Sentence>() ? story.Layer<Sentence>().Items : [];
        var spans = new List<TextSpan>();
        int s = 0;
        for (int p = 0; p < paragraphs.Length; p++)
        {
            spans.Clear();
            while (s < sentences.Length && sentences[s].Paragraph < p) s++;
            while (s < sentences.Length && sentences[s].Paragraph == p) spans.Add(sentences[s++].Span);
            if (spans.Count == 0) spans.Add(paragraphs[p].Span);
            scanner.ScanParagraph(story.Text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans),
                ages, paragraphs[p].Span, hits, dropped);
        }
        return hits;
    }

    private static ContentFindings Aggregate(Story story, List<ContentHit> hits, int words)
    {
        var byCategory = new List<ContentHit>?[ContentTaxonomy.All.Count];
        foreach (var hit in hits) (byCategory[hit.Category.Index] ??= []).Add(hit);
        string? mainDeath = MarkMainCharacterDeaths(story, byCategory[ContentTaxonomy.Death.Index], words);
        var warnings = new List<ContentWarning>();
        var unreported = new List<ContentWarning>();
        foreach (var category in ContentTaxonomy.All)
        {
            var list = byCategory[category.Index];
            if (list is null) continue;
            list.Sort((a, b) => a.Passage.Start != b.Passage.Start ? a.Passage.Start.CompareTo(b.Passage.Start) : a.Trigger.Start.CompareTo(b.Trigger.Start));
            double none = 1;
            var severity = Severity.Mentioned;
            foreach (var hit in list)
            {
                if (hit.Confidence < SupportingPassage) continue;
                none *= 1 - hit.Confidence;
                if (hit.Severity > severity) severity = hit.Severity;
            }
            float confidence = (float)Math.Round(Math.Min(0.99, 1 - none), 2);
            if (confidence >= ReportThreshold) warnings.Add(new ContentWarning(category, severity, confidence, list));
            else unreported.Add(new ContentWarning(category, severity, confidence, list));
        }
        return new ContentFindings(warnings, mainDeath) { Unreported = unreported };
    }

    /// <summary>
    /// A death whose nearest name is a main character: one the cast stage says is main
    /// (<see cref="IMainCharacters"/>, by default <see cref="CastMainCharacters"/>), or else one the story names at least
    /// <see cref="MainCharacterMentions"/> times. Marks those hits "main character"; returns the reason.
    /// </summary>
    private static string? MarkMainCharacterDeaths(Story story, List<ContentHit>? deaths, int words)
    {
        if (deaths is null) return null;
        var cast = story.Find<IMainCharacters>() ?? (story.Find<Cast.CastList>() is { } list ? new CastMainCharacters(list) : null);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in deaths)
            if (!d.Name.IsEmpty && d.Severity >= Severity.Depicted && counts.Count < 64) counts.TryAdd(story.Text.Copy(d.Name), 0);
        if (counts.Count == 0) return null;
        if (cast is null) CountNames(story.Text.AsSpan(), counts);
        int needed = MainCharacterMentions(words);
        // A main character's death needs two passages naming them in a novel (one in a story under
        // 20,000 words, where a named death is rarely incidental), or one strong one (a killing).
        int passagesNeeded = words < 20_000 ? 1 : 2;
        var passagesOf = new Dictionary<string, (int Count, float Best, int First)>(StringComparer.Ordinal);
        for (int i = 0; i < deaths.Count; i++)
        {
            var d = deaths[i];
            if (d.Name.IsEmpty || d.Severity < Severity.Depicted) continue;
            var name = story.Text[d.Name];
            bool main = cast?.IsMainCharacter(name) ?? counts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out int n) && n >= needed;
            if (!main) continue;
            deaths[i] = d with { Aspect = "main character" };
            string key = name.ToString();
            var (count, best, first) = passagesOf.GetValueOrDefault(key, (0, 0f, d.Passage.Start));
            passagesOf[key] = (count + 1, Math.Max(best, d.Confidence), Math.Min(first, d.Passage.Start));
        }
        foreach (var (name, (count, best, first)) in passagesOf)
            if (count >= passagesNeeded || best >= 0.8f)
                return cast is not null
                    ? $"death of {name}, a main character ({count} passage{(count == 1 ? "" : "s")}), first at {first}"
                    : $"death of {name}, named {counts[name]} times ({count} passage{(count == 1 ? "" : "s")}), first at {first}";
        return null;
    }

    /// <summary>How often a name must occur for its bearer to count as a main character, without a cast list.</summary>
    public static int MainCharacterMentions(int words) => Math.Max(5, words / 2000);

    private static void CountNames(ReadOnlySpan<char> text, Dictionary<string, int> counts)
    {
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (char.IsUpper(text[s]) && lookup.TryGetValue(text[s..i], out int n)) lookup[text[s..i]] = n + 1;
        }
    }

    /// <summary>The reading time of the story (<paramref name="total"/> words) and of each chapter (<paramref name="chapterWords"/> words, when counted).</summary>
    private static ReadingTime Time(Story story, int total, int[]? chapterWords)
    {
        var text = story.Text;
        var chapters = new List<ChapterReadingTime>();
        if (story.Has<Chapter>() && story.Layer<Chapter>().Count > 0)
        {
            var items = story.Layer<Chapter>().Items;
            for (int i = 0; i < items.Length; i++)
            {
                int words = chapterWords?[i] ?? WordsIn(story, items[i].Span);
                chapters.Add(new ChapterReadingTime(items[i].Index, words, Minutes(words)));
            }
        }
        else
        {
            // No chapter layer yet: the chapters the document's markup states (AO3, EPUB, DOCX).
            var marks = story.Source.ChapterMarks;
            for (int i = 0; i < marks.Count; i++)
            {
                int start = Math.Clamp(marks[i].Start, 0, text.Length);
                int end = i + 1 < marks.Count ? Math.Clamp(marks[i + 1].Start, start, text.Length) : text.Length;
                int words = WordsIn(story, TextSpan.FromBounds(start, end));
                chapters.Add(new ChapterReadingTime(i, words, Minutes(words)));
            }
        }
        return new ReadingTime(WordsPerMinute, total, Minutes(total), chapters);
    }

    /// <summary>Words as a reader counts them, from the token layer where the story has one.</summary>
    private static int WordsIn(Story story, TextSpan span)
    {
        if (!story.Has<Token>()) return WordCounter.Count(story.Text[span]);
        var tokens = story.Layer<Token>();
        var (from, to) = tokens.Within(span);
        return WordCounter.Count(tokens.Items[from..to]);
    }

    /// <summary>
    /// The tokens inside a span, as <see cref="SpanLayer{T}.Within"/> finds them; PERF: the end found by a binary search,
    /// not a walk over the span's tokens.
    /// </summary>
    private static (int From, int To) Within(SpanLayer<Token> tokens, TextSpan span)
    {
        var items = tokens.Items;
        int from = tokens.FirstStartingAtOrAfter(span.Start);
        int to = Math.Max(from, tokens.FirstStartingAtOrAfter(span.End));
        while (to > from && items[to - 1].Span.End > span.End) to--;
        return (from, to);
    }

    private static int Minutes(int words) => words == 0 ? 0 : (words + WordsPerMinute - 1) / WordsPerMinute;
}
