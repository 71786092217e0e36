using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Fabula.Tests.Quotations;

public class QuotationFinderTests
{
    // The quotations of a story as compact text: " | " between quotations, "/" for a line break.
    private static string Show(string text)
    {
        var story = Pipeline.Default.Run(text);
        var parts = new List<string>();
        foreach (ref readonly var q in story.Layer<Quotation>().Items)
            parts.Add(story.Text.Copy(q.Span).Replace("\n\n", "/").Replace('\n', '/'));
        return string.Join(" | ", parts);
    }

    [Theory]
    [InlineData("“Run,” said Alec. “Now!”", "“Run,” | “Now!”")]
    [InlineData("\"Run,\" said Alec. \"Now!\"", "\"Run,\" | \"Now!\"")]
    [InlineData("Alec's dog wasn't barking.", "")]
    [InlineData("He said,\"Stay.\"", "\"Stay.\"")]
    [InlineData("She stared. \"What?\"", "\"What?\"")]
    [InlineData("“I heard him say ‘never’ twice,” said Ana.", "“I heard him say ‘never’ twice,”")]
    [InlineData("“My aunt said, “Go home,” and left,” said Ana.", "“My aunt said, “Go home,” and left,”")]
    [InlineData("„Komm her“, sagte Anna.", "„Komm her“")]
    [InlineData("« Viens ici », dit Anna.", "« Viens ici »")]
    // A quotation going on from a word is a quoted term or title, not speech, unless the word is a verb of saying.
    [InlineData("The “Red Death” had long devastated the country.", "")]
    [InlineData("The main building was called “the house,” to tell it apart.", "")]
    [InlineData("She said “Thank you” and left.", "“Thank you”")]
    public void Finds_double_quotes(string text, string expected) => Assert.Equal(expected, Show(text));

    // In a document whose dialogue mark is the single quote, apostrophes and possessives stay words.
    private const string British = "‘Come,’ said Ann. ‘Quick.’\n\n‘Why?’ asked Tom.\n\n";

    [Theory]
    [InlineData(British + "‘Alec's dog is barking,’ he said.", "‘Alec's dog is barking,’")]
    [InlineData(British + "‘Take it to the Joneses’ house,’ he said.", "‘Take it to the Joneses’ house,’")]
    [InlineData(British + "‘’Tis late,’ he said, at ten o’clock.", "‘’Tis late,’")]
    [InlineData(British + "He liked rock 'n' roll and 'tis all.", "")]
    [InlineData(British + "It was the Joneses’ dog. Alec’s too.", "")]
    [InlineData(British + "'Wait,' she said. 'I'm coming.'", "'Wait,' | 'I'm coming.'")]
    [InlineData(British + "‘She said “never”,’ he said.", "‘She said “never”,’")]
    [InlineData(British + "“Hush,” she said.", "“Hush,”")]
    // A single quotation going on from a word inside a single-quoted one is nested in it.
    [InlineData(British + "‘She was glad to say ‘good-by,’ at last,’ he said.", "‘She was glad to say ‘good-by,’ at last,’")]
    public void Finds_single_quote_dialogue(string text, string expected)
    {
        string all = Show(text);
        Assert.StartsWith("‘Come,’ | ‘Quick.’ | ‘Why?’", all);
        Assert.Equal(expected, all["‘Come,’ | ‘Quick.’ | ‘Why?’".Length..].TrimStart(' ', '|'));
    }

    [Theory]
    // Where double quotes are the dialogue mark, single marks never open speech.
    [InlineData("“Yes,” he said.\n\n“No.”\n\nHe said 'maybe' to the Joneses' dog.", "“Yes,” | “No.”")]
    public void Single_quotes_are_not_dialogue_in_a_double_quote_document(string text, string expected) =>
        Assert.Equal(expected, Show(text));

    [Theory]
    // The opening mark repeated at each paragraph start, no closing mark until the end: one quotation.
    [InlineData("“It began in May.\n\n“Then it rained.\n\n“And that was all.” He stopped.",
        "“It began in May./“Then it rained./“And that was all.”")]
    [InlineData("\"First part.\n\n\"Second part,\" he said.", "\"First part./\"Second part,\"")]
    public void A_quotation_runs_over_paragraphs(string text, string expected) => Assert.Equal(expected, Show(text));

    [Fact]
    public void A_quotation_over_paragraphs_knows_its_first_and_last_paragraph()
    {
        var story = Pipeline.Default.Run("Intro.\n\n“One.\n\n“Two.\n\n“Three.” Done.");
        var q = Assert.Single(story.Layer<Quotation>().Items.ToArray());
        Assert.Equal((1, 3), (q.Paragraph, q.LastParagraph));
    }

    [Theory]
    // An unclosed quotation closes at its paragraph end when the next paragraph is narration.
    [InlineData("“Run, he said.\n\nThey ran. “Now!” she cried.", "“Run, he said. | “Now!”")]
    // A stray closing mark opens nothing; the rest of the book is unaffected.
    [InlineData("He left.” Then it rained.\n\n“Go,” she said.", "“Go,”")]
    [InlineData("He wrote \" once.\n\n\"Go,\" she said.", "\"Go,\"")]
    // A missing closing mark before a new opening mark: the first quotation ends before it.
    [InlineData("“Run, he said. “Now!”", "“Run, he said. | “Now!”")]
    [InlineData("\"Run, he said. \"Now!\"", "\"Run, he said. | \"Now!\"")]
    public void Unbalanced_marks_are_recovered_locally(string text, string expected) => Assert.Equal(expected, Show(text));

    private const string DashStory = "—Hello.\n\n—Who is there?\n\n—Me.\n\n";

    [Theory]
    [InlineData(DashStory + "—Come here —said Ana—. Now.", "—Come here | Now.")]
    [InlineData(DashStory + "—Back to barracks! he said sternly.", "—Back to barracks!")]
    [InlineData(DashStory + "—Thanks, old chap, he cried briskly. That will do nicely.", "—Thanks, old chap, | That will do nicely.")]
    [InlineData(DashStory + "—Tell me, Mulligan, Stephen said quietly.", "—Tell me, Mulligan,")]
    [InlineData(DashStory + "--I don't know, Stephen said.", "--I don't know,")]
    [InlineData(DashStory + "She walked out. The door shut.", "")]
    [InlineData("— I —\n\n" + DashStory, "")]
    public void Finds_dash_dialogue(string text, string expected)
    {
        string all = Show(text);
        Assert.StartsWith("—Hello. | —Who is there? | —Me.", all);
        Assert.Equal(expected, all["—Hello. | —Who is there? | —Me.".Length..].TrimStart(' ', '|'));
    }

    [Fact]
    public void A_dash_paragraph_is_not_speech_in_a_quoting_document() =>
        Assert.Equal("“Yes,” | “No.”", Show("“Yes,” he said.\n\n“No.”\n\n—and then silence."));

    [Fact]
    public void Narration_beside_a_quotation_is_its_paragraph_text_up_to_the_neighbours()
    {
        var story = Pipeline.Default.Run("Then Ana said, “Run,” and pointed. “Now!”\n\n“Why?”");
        string Text(TextSpan span) => story.Text.Copy(span);
        Assert.Equal("Then Ana said,", Text(QuotationContext.NarrationBefore(story, 0)));
        Assert.Equal("and pointed.", Text(QuotationContext.NarrationAfter(story, 0)));
        Assert.Equal("and pointed.", Text(QuotationContext.NarrationBefore(story, 1)));
        Assert.Equal("", Text(QuotationContext.NarrationAfter(story, 1)));
        Assert.Equal("", Text(QuotationContext.NarrationBefore(story, 2)));
    }

    [Theory]
    [InlineData("he said", true)]
    [InlineData("said Buck Mulligan", true)]
    [InlineData("Stephen said quietly", true)]
    [InlineData("his mother said", true)]
    [InlineData("she quietly said", true)]
    [InlineData("Come up, you", false)]
    [InlineData("He laughed", false)]
    [InlineData("you fearful jesuit", false)]
    public void Recognises_clauses_of_saying(string clause, bool expected) =>
        Assert.Equal(expected, QuotationFinder.IsSpeechClause(clause, 0, clause.Length));
}

public class QuotationInvariantsTests
{
    // Texts dense in speech marks, apostrophes, dashes and paragraph breaks.
    private static readonly string[] Pieces =
    [
        "Ana", "ran", "said", "he", "Alec's", "'tis", "Joneses'", "o'clock", "don’t", "rock 'n' roll",
        "\"", "“", "”", "‘", "’", "'", "„", "«", "»", "—", "―", "--", "-", " —", "— ",
        ".", ",", "!", "?", " ", " ", " ", "\n", "\n\n", "\n\n", "\n   ",
    ];

    private static Arbitrary<string> SpeechLike() =>
        Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Quotations_lie_in_their_paragraphs_and_narration_beside_them_is_outside_them() =>
        Prop.ForAll(SpeechLike(), text =>
        {
            var story = Pipeline.Default.Run(text);
            var paragraphs = story.Layer<Paragraph>();
            var quotations = story.Layer<Quotation>();
            for (int i = 0; i < quotations.Count; i++)
            {
                var q = quotations[i];
                if (q.Span.IsEmpty || q.Paragraph > q.LastParagraph) return false;
                if (!paragraphs[q.Paragraph].Span.Contains(q.Span.Start)) return false;
                if (q.Span.End <= paragraphs[q.LastParagraph].Span.Start || q.Span.End > paragraphs[q.LastParagraph].Span.End) return false;
                var before = QuotationContext.NarrationBefore(story, i);
                var after = QuotationContext.NarrationAfter(story, i);
                if (before.End > q.Span.Start || after.Start < q.Span.End) return false;
                if (i > 0 && before.Start < quotations[i - 1].Span.End) return false;
                if (i + 1 < quotations.Count && after.End > quotations[i + 1].Span.Start) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
}
