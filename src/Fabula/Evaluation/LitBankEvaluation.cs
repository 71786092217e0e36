using System.Diagnostics;
using Fabula.Quotations;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Evaluation;

/// <summary>Scores the pipeline against LitBank's gold annotations (see ../shared/litbank/README.md).</summary>
public static class LitBankEvaluation
{
    public const string QuotationRule =
        "a gold quotation is found when one of ours, clipped to the excerpt, holds >= 90% of the gold span's " +
        "letters and digits and has at most 10% as many letters and digits outside it (marks, punctuation and " +
        "spacing do not count); one-to-one. Precision counts our quotations that overlap the excerpt.";

    /// <summary>The scores of one book.</summary>
    public sealed record BookScore(string Name, double Coverage, QuotationScore Quotations, CastScore Cast, SpeakerScore Speakers, double Seconds);

    /// <summary>
    /// Runs the pipeline on each annotated book in DIR/original and writes the scores; with
    /// <paramref name="speakerChecks"/>, also writes every scored quotation to that path as TSV (<see cref="SpeakerCheck"/>).
    /// </summary>
    public static int Run(string litbankDir, bool verbose, TextWriter output, Action<string>? speakerChecks = null)
    {
        if (!Directory.Exists(Path.Combine(litbankDir, "original")))
            throw new FabulaInputException($"{litbankDir} does not look like LitBank (no original/ folder)");
        var names = LitBankBook.AnnotatedNames(litbankDir);
        if (names.Count == 0) throw new FabulaInputException($"{litbankDir} has no annotated books");
        var clock = Stopwatch.StartNew();
        var scores = new BookScore[names.Count];
        Parallel.For(0, names.Count, i => scores[i] = Score(LitBankBook.Load(litbankDir, names[i])));
        clock.Stop();

        if (verbose)
        {
            output.WriteLine($"{"book",-44} {"align",6} {"gold",5} {"found",5} {"ours",5} {"right",5} {"recall",7} {"prec",6} {"chars",5} {"c.rec",6} {"purity",6} {"pron",5} {"p.acc",6} {"spk",5} {"s.acc",6}");
            foreach (var s in scores)
            {
                var q = s.Quotations;
                var c = s.Cast;
                output.WriteLine($"{Short(s.Name),-44} {s.Coverage,6:P0} {q.Gold,5} {q.GoldFound,5} {q.Ours,5} {q.OursRight,5} {Ratio(q.GoldFound, q.Gold),7} {Ratio(q.OursRight, q.Ours),6} " +
                                 $"{c.GoldCharacters,5} {Ratio(c.Found, c.GoldCharacters),6} {Ratio(c.OursPure, c.OursScored),6} {c.GoldPronouns,5} {Ratio(c.PronounsRight, c.GoldPronouns),6} {s.Speakers.Found,5} {Ratio(s.Speakers.Right, s.Speakers.Found),6}");
            }
            output.WriteLine();
        }
        var total = new QuotationScore(0, 0, 0, 0);
        double coverage = 0, lowest = 2;
        string lowestName = "";
        foreach (var s in scores)
        {
            total = total.Plus(s.Quotations);
            coverage += s.Coverage;
            if (s.Coverage < lowest) (lowest, lowestName) = (s.Coverage, s.Name);
        }
        output.WriteLine($"LitBank: {scores.Length} books, whole novels, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"alignment: mean token coverage {coverage / scores.Length:P1}, lowest {lowest:P1} ({Short(lowestName)})");
        output.WriteLine($"quotations (micro): recall {Ratio(total.GoldFound, total.Gold)} ({total.GoldFound}/{total.Gold})  " +
                         $"precision {Ratio(total.OursRight, total.Ours)} ({total.OursRight}/{total.Ours})");
        output.WriteLine($"  rule: {QuotationRule}");
        output.WriteLine($"characters (macro over books): recall {Macro(scores, s => s.Cast.Recall)}  purity {Macro(scores, s => s.Cast.Purity)}  " +
                         $"pronoun accuracy {Macro(scores, s => s.Cast.PronounAccuracy)}");
        int pronouns = scores.Sum(s => s.Cast.GoldPronouns), right = scores.Sum(s => s.Cast.PronounsRight);
        output.WriteLine($"  micro: recall {Ratio(scores.Sum(s => s.Cast.Found), scores.Sum(s => s.Cast.GoldCharacters))}  " +
                         $"purity {Ratio(scores.Sum(s => s.Cast.OursPure), scores.Sum(s => s.Cast.OursScored))}  pronoun accuracy {Ratio(right, pronouns)} ({right}/{pronouns})");
        output.WriteLine($"  rule: {CastScore.Rule}");
        var speakers = SpeakerScore.Empty;
        foreach (var s in scores) speakers = speakers.Plus(s.Speakers);
        output.WriteLine($"speakers (micro): accuracy {Ratio(speakers.Right, speakers.Found)} ({speakers.Right}/{speakers.Found}), " +
                         $"gold speaker unmatched {speakers.Unmatched}; macro over books {Macro(scores, s => s.Speakers.Accuracy)}");
        output.WriteLine($"  where the gold speaker is matched to one of our characters: {Ratio(speakers.Right, speakers.Found - speakers.Unmatched)} " +
                         $"({speakers.Right}/{speakers.Found - speakers.Unmatched})");
        if (verbose)
        {
            var by = new List<string>();
            foreach (var method in Enum.GetValues<Dialogue.AttributionMethod>())
                if (speakers.FoundByMethod[(int)method] > 0)
                    by.Add($"{method.ToString().ToLowerInvariant()} {speakers.RightByMethod[(int)method]}/{speakers.FoundByMethod[(int)method]}");
            output.WriteLine($"  by method (right/found): {string.Join(", ", by)}");
        }
        output.WriteLine($"  rule: {SpeakerScore.Rule}");
        if (speakerChecks is not null)
        {
            var tsv = new System.Text.StringBuilder(SpeakerCheck.Header).Append('\n');
            foreach (var check in speakers.Checks) tsv.Append(check.ToTsvLine()).Append('\n');
            speakerChecks(tsv.ToString());
        }
        return 0;
    }

    /// <summary>Runs the pipeline on one book's whole novel and scores it against the excerpt's gold.</summary>
    public static BookScore Score(LitBankBook book)
    {
        var clock = Stopwatch.StartNew();
        var story = Pipeline.Default.Run(StoryReader.ReadFile(book.OriginalPath));
        var alignment = ExcerptAlignment.Align(story.Text.AsSpan(), book.Sentences);
        var quotations = QuotationScore.Of(story, alignment, book.Quotes);
        var cast = CastScore.Of(story, alignment, book);
        var speakers = SpeakerScore.Of(story, alignment, book, QuotationMatch.Of(story, alignment, book.Quotes));
        return new BookScore(book.Name, alignment.Coverage, quotations, cast, speakers, clock.Elapsed.TotalSeconds);
    }

    // The mean over the books where the score is defined.
    private static string Macro(BookScore[] scores, Func<BookScore, double> score)
    {
        var defined = scores.Select(score).Where(x => !double.IsNaN(x)).ToList();
        return defined.Count == 0 ? "-" : defined.Average().ToString("F3");
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "-" : ((double)part / whole).ToString("F3");

    private static string Short(string name) => name.Length <= 44 ? name : name[..43] + "…";
}

/// <summary>Quotation counts of one book or a total: gold quotations, how many we found, our quotations in the excerpt, how many are right.</summary>
public sealed record QuotationScore(int Gold, int GoldFound, int Ours, int OursRight)
{
    public QuotationScore Plus(QuotationScore other) =>
        new(Gold + other.Gold, GoldFound + other.GoldFound, Ours + other.Ours, OursRight + other.OursRight);

    public static QuotationScore Of(Story story, ExcerptAlignment alignment, IReadOnlyList<GoldQuote> gold)
    {
        var match = QuotationMatch.Of(story, alignment, gold);
        int found = 0;
        foreach (int ours in match.OursOfGold)
            if (ours >= 0) found++;
        return new QuotationScore(gold.Count, found, match.OursInExcerpt.Count, found);
    }
}

/// <summary>
/// Which of our quotations matches which gold quotation, by the rule of
/// <see cref="LitBankEvaluation.QuotationRule"/>. Speaker scoring starts from these pairs: the
/// gold speaker of <c>Gold[i]</c> (its ATTRIB) against ours for quotation <c>OursOfGold[i]</c>.
/// </summary>
/// <param name="OursOfGold">For each gold quotation, the index of our matching quotation in the Quotation layer, or -1.</param>
/// <param name="OursInExcerpt">Indexes (in the Quotation layer) of our quotations that overlap the excerpt.</param>
public sealed record QuotationMatch(int[] OursOfGold, IReadOnlyList<int> OursInExcerpt)
{
    private const double MinCovered = 0.90, MaxOutside = 0.10;

    public static QuotationMatch Of(Story story, ExcerptAlignment alignment, IReadOnlyList<GoldQuote> gold)
    {
        var text = story.Text.AsSpan();
        var excerpt = alignment.Excerpt;
        // Letters and digits before each offset of the excerpt, so that any span's word content is one subtraction.
        var words = new int[excerpt.Length + 1];
        for (int i = 0; i < excerpt.Length; i++)
            words[i + 1] = words[i] + (char.IsLetterOrDigit(text[excerpt.Start + i]) ? 1 : 0);
        int Words(int start, int end)
        {
            start = Math.Clamp(start, excerpt.Start, excerpt.End) - excerpt.Start;
            end = Math.Clamp(end, excerpt.Start, excerpt.End) - excerpt.Start;
            return end > start ? words[end] - words[start] : 0;
        }

        // Our quotations clipped to the excerpt (the gold stops at its end).
        var layer = story.Layer<Quotation>();
        var inExcerpt = new List<int>();
        var clipped = new List<TextSpan>();
        for (int k = 0; k < layer.Count; k++)
        {
            var span = layer[k].Span;
            var inside = TextSpan.FromBounds(Math.Max(span.Start, excerpt.Start), Math.Min(span.End, excerpt.End));
            if (inside.Length <= 0 || Words(inside.Start, inside.End) == 0) continue;
            inExcerpt.Add(k);
            clipped.Add(inside);
        }
        var used = new bool[clipped.Count];
        var oursOfGold = new int[gold.Count];
        for (int q = 0; q < gold.Count; q++)
        {
            oursOfGold[q] = -1;
            if (alignment.Range(gold[q].Tokens) is not { } g) continue;
            int goldWords = Words(g.Start, g.End);
            for (int k = 0; k < clipped.Count; k++)
            {
                var o = clipped[k];
                if (used[k] || !o.Overlaps(g)) continue;
                int inside = Words(Math.Max(o.Start, g.Start), Math.Min(o.End, g.End));
                int outside = Words(o.Start, o.End) - inside;
                if (inside >= MinCovered * goldWords && outside <= MaxOutside * goldWords)
                {
                    used[k] = true;
                    oursOfGold[q] = inExcerpt[k];
                    break;
                }
            }
        }
        return new QuotationMatch(oursOfGold, inExcerpt);
    }
}
