using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Evaluation;
using Fabula.Quotations;
using Fabula.Reading;
using Fabula.Text;
using Xunit;

namespace Fabula.Tests.Evaluation;

/// <summary>
/// How a gold speaker is matched to one of our characters: by names first; a speaker the excerpt
/// only describes, by our descriptions; never by pronouns inside quotations, which we resolve from
/// our own attributions.
/// </summary>
public class SpeakerScoreTests
{
    // Sentences of the excerpt, tokens as LitBank writes them.
    private static readonly string[][] Sentences =
    [
        ["Mary", "walked", "along", "the", "road", "."],
        ["A", "stranger", "stood", "at", "the", "gate", "."],
        ["\"", "I", "am", "lost", ",", "\"", "said", "the", "stranger", "."],
        ["\"", "Good", "morning", ",", "\"", "said", "Mary", "."],
    ];

    private static readonly string Text = string.Join("\n\n", Sentences.Select(s => string.Join(' ', s)));

    // `linked`: LitBank leaves "said Mary" out of Mary's chain and links it to "Mary" at the start by apposition.
    private static LitBankBook Book(bool linked = false) => new("test", "test.txt", Sentences,
        [new GoldQuote("Q1", new TokenRange(2, 0, 2, 5), "\" I am lost , \""), new GoldQuote("Q2", new TokenRange(3, 0, 3, 4), "\" Good morning , \"")],
        [new GoldAttribution("Q1", "stranger"), new GoldAttribution("Q2", "Mary")],
        [
            new GoldMention("T0", new TokenRange(0, 0, 0, 0), "Mary", "PER", "PROP"),
            new GoldMention("T1", new TokenRange(1, 0, 1, 1), "A stranger", "PER", "NOM"),
            new GoldMention("T2", new TokenRange(2, 1, 2, 1), "I", "PER", "PRON"),
            new GoldMention("T3", new TokenRange(2, 7, 2, 8), "the stranger", "PER", "NOM"),
            new GoldMention("T4", new TokenRange(3, 6, 3, 6), "Mary", "PER", "PROP"),
        ],
        linked ? [new("T0", "Mary"), new("T1", "stranger"), new("T2", "stranger"), new("T3", "stranger")]
               : [new("T0", "Mary"), new("T1", "stranger"), new("T2", "stranger"), new("T3", "stranger"), new("T4", "Mary")],
        linked ? [new GoldMentionLink("APPOS", "T4", "T0")] : []);

    // A story over the same text: Mary (0) and the stranger (1), our quotations given to `speakers`;
    // `describedAs` is the character our description "the stranger" refers to (-1: we have no such mention).
    // `nameFirst`: whether our cast found "Mary" at the start too, or only in "said Mary".
    private static SpeakerScore Score(int[] speakers, int describedAs, bool linked = false, bool nameFirst = true)
    {
        var story = new Story(new StoryText(Text), StorySource.Plain("test.txt"));
        int Find(string s, int from = 0) => Text.IndexOf(s, from, StringComparison.Ordinal);
        var first = new TextSpan(Find("\" I"), "\" I am lost , \"".Length);
        var second = new TextSpan(Find("\" Good"), "\" Good morning , \"".Length);
        story.Add(new[] { new Quotation(first, 2, 2), new Quotation(second, 3, 3) });
        var mentions = new List<Mention>
        {
            new(new TextSpan(Find("I am"), 1), MentionKind.Pronoun, 1), // "I" in the stranger's line
        };
        if (nameFirst) mentions.Insert(0, new(new TextSpan(0, 4), MentionKind.Name, 0));
        if (describedAs >= 0) mentions.Add(new(new TextSpan(Find("the stranger"), "the stranger".Length), MentionKind.Nominal, describedAs));
        mentions.Add(new(new TextSpan(Find("Mary ."), 4), MentionKind.Name, 0));
        story.Add(mentions);
        story.Set(new CastList([new Character(0) { Name = "Mary" }, new Character(1) { Name = "the stranger" }]));
        story.Add(new[]
        {
            new Attribution(first, 0, speakers[0], -1, 0.9f, AttributionMethod.Nominal),
            new Attribution(second, 1, speakers[1], -1, 0.9f, AttributionMethod.Explicit),
        });
        var alignment = ExcerptAlignment.Align(Text, Sentences);
        var book = Book(linked);
        return SpeakerScore.Of(story, alignment, book, QuotationMatch.Of(story, alignment, book.Quotes));
    }

    [Fact]
    public void A_described_speaker_is_matched_through_our_description()
    {
        var score = Score([1, 0], describedAs: 1);
        Assert.Equal((2, 2, 0), (score.Found, score.Right, score.Unmatched));
        Assert.Equal(SpeakerVerdict.Right, score.Checks[0].Verdict);
        Assert.Equal("A stranger", score.Checks[0].GoldSpeaker);
    }

    [Fact]
    public void A_pronoun_inside_a_quotation_matches_no_one()
    {
        // Our "I" inside the line points at the stranger only because we gave the line to the stranger.
        var score = Score([1, 0], describedAs: -1);
        Assert.Equal((2, 1, 1), (score.Found, score.Right, score.Unmatched));
        Assert.Equal(SpeakerVerdict.Unmatched, score.Checks[0].Verdict);
    }

    [Fact]
    public void A_character_matched_by_name_is_not_matched_again_by_a_description()
    {
        // Our Mary holds the description too: the described speaker is not Mary, whatever we said.
        var score = Score([0, 0], describedAs: 0);
        Assert.Equal(SpeakerVerdict.Unmatched, score.Checks[0].Verdict);
    }

    [Fact]
    public void A_name_linked_by_apposition_matches_its_chain()
    {
        Assert.Equal(SpeakerVerdict.Right, Score([1, 0], describedAs: 1, linked: true, nameFirst: false).Checks[1].Verdict);
    }
}
