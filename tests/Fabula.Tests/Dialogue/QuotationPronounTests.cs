using FsCheck.Xunit;
using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>
/// The first- and second-person pronouns of the quotations, found 64 characters at a time: the same words
/// as reading each quotation letter by letter, wherever a quotation starts and ends and whatever letters it holds.
/// </summary>
public sealed class QuotationPronounTests
{
    private static readonly string[] Pieces = ["I", "my", "Me", "mine", "myself", "you", "Your", "yours", "yourself", "thee", "thou", "Thy", "thine",
        "time", "Tom", "it", "maybe", "yourselves", "I'm", "my-self", "Éloise", "naïve", "ïmy", "Жmy", "you’ll", "myyourself", "the", "lantern",
        ",", ".", "—", "!", "?", " ", " ", "  "];

    [Property(MaxTest = 200)]
    public void Finds_the_pronouns_a_letter_by_letter_reading_finds(int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (int q = random.Next(1, 6); q > 0; q--)
        {
            text.Append("\"");
            for (int k = random.Next(0, 40); k > 0; k--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0) text.Append(' ');
            }
            text.Append(random.Next(2) == 0 ? "\" said Wren. " : "\"\n\n");
        }
        var story = Pipeline.Default.Run(text.ToString());
        var quotes = story.Layer<Quotation>();
        var attributions = new List<Attribution>();
        for (int k = 0; k < quotes.Count; k++) attributions.Add(new Attribution(quotes[k].Span, k, 2 * k, 2 * k + 1, 1, AttributionMethod.None));
        var none = new SpanLayer<Mention>([], story.Text.Length);

        var found = QuotationPronouns.AddTo(story.Text, none, quotes, attributions);

        Assert.Equal(LetterByLetter(story.Text, quotes, attributions), found);
    }

    [Fact]
    public void A_pronoun_after_a_letter_beyond_ASCII_is_no_word_of_its_own()
    {
        var story = Pipeline.Default.Run("\"Ïmy hat, my coat, and you,\" said Wren.");
        var quotes = story.Layer<Quotation>();
        var found = QuotationPronouns.AddTo(story.Text, new SpanLayer<Mention>([], story.Text.Length), quotes,
            [new Attribution(quotes[0].Span, 0, 7, 8, 1, AttributionMethod.None)]);

        Assert.Equal(["my:7", "you:8"], found.Select(m => $"{story.Text[m.Span]}:{m.Character}"));
    }

    // The rule, one character at a time: a word is a run of letters after the quotation's start or a character that is no letter.
    private static List<Mention> LetterByLetter(StoryText text, SpanLayer<Quotation> quotes, List<Attribution> attributions)
    {
        var found = new List<Mention>();
        var chars = text.AsSpan();
        for (int k = 0; k < quotes.Count; k++)
        {
            var span = quotes[k].Span;
            for (int start = span.Start; start < span.End; start++)
            {
                if (!char.IsLetter(chars[start]) || start > span.Start && char.IsLetter(chars[start - 1])) continue;
                int end = start;
                while (end < span.End && char.IsLetter(chars[end])) end++;
                var word = chars[start..end];
                if (word.Length > 8) continue;
                if (DialogueWords.IsFirstPersonSingular(word)) found.Add(new Mention(TextSpan.FromBounds(start, end), MentionKind.Pronoun, attributions[k].Speaker));
                else if (DialogueWords.IsSecondPerson(word)) found.Add(new Mention(TextSpan.FromBounds(start, end), MentionKind.Pronoun, attributions[k].Addressee));
            }
        }
        return found;
    }
}
