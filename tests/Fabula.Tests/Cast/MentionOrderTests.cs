using FsCheck.Xunit;
using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Tests.Cast;

/// <summary>
/// The cast stage merges its mention runs (names, pronouns, nominals) into text order instead of
/// sorting them: the result must be what a stable sort by start, longer first, gives, for any runs.
/// </summary>
public class MentionOrderTests
{
    [Property(MaxTest = 300)]
    public void Merged_runs_are_in_text_order(int seed, byte runCount)
    {
        var random = new Random(seed);
        var mentions = new List<Mention>();
        for (int r = 0; r < runCount % 6; r++)
        {
            int start = random.Next(0, 50);
            var run = new List<Mention>();
            for (int k = random.Next(0, 30); k > 0; k--)
            {
                run.Add(new Mention(new TextSpan(start, random.Next(1, 12)), (MentionKind)random.Next(0, 3), random.Next(-1, 5)));
                start += random.Next(0, 20);
            }
            mentions.AddRange(run.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length));
        }
        var expected = mentions.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length).ToList();

        var merged = CastFinder.InTextOrder([.. mentions]);

        Assert.Equal(expected, merged);
    }

    [Fact]
    public void A_pronoun_inside_a_nominal_comes_after_it()
    {
        // "his mother": the nominal (longer) first, then the pronoun "his" at the same start, then a later name.
        var name = new Mention(new TextSpan(20, 4), MentionKind.Name, 0);
        var pronoun = new Mention(new TextSpan(0, 3), MentionKind.Pronoun, 0);
        var nominal = new Mention(new TextSpan(0, 10), MentionKind.Nominal, -1);

        var merged = CastFinder.InTextOrder([name, pronoun, nominal]);

        Assert.Equal([nominal, pronoun, name], merged);
    }
}
