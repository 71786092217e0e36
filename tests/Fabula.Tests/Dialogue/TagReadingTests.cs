using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>Tagged lines given to the right person: which clause a tag's subject belongs to, beats beside a line, the previous turn.</summary>
public sealed class TagReadingTests
{
    private static string[] Lines(string text)
    {
        var story = Pipeline.Default.Run(text);
        var cast = story.Get<CastList>();
        string Name(int c) => c >= 0 ? cast[c].Name : "?";
        return [.. story.Layer<Attribution>().Items.ToArray().Select(a => $"{Name(a.Speaker)}:{a.Method}")];
    }

    [Fact]
    public void A_beat_after_the_line_outweighs_a_tag_in_the_paragraph_before()
    {
        var lines = Lines("""
            Carl Linstrum and Emil waited at the corner. Carl was cold.

            Alexandra explained the trouble, and Emil sat down by the pole.

            "I'll have to go up after her, Alexandra." Carl thrust his hands into his pockets and ran off.
            """);
        Assert.Equal(["Carl Linstrum:Beat"], lines);
    }

    [Fact]
    public void After_a_line_that_goes_on_into_narration_the_same_man_may_speak_again()
    {
        var lines = Lines("""
            Tom and Alec stood at the foot of the pole. Alec held the lantern.

            "I'll go up after the cat," said Tom. Tom took off his coat and gave it to Alec. He climbed slowly. The cat would not budge.

            "Catch me if I fall," he called down.
            """);
        Assert.Equal(["Tom:Explicit", "Tom:Pronoun"], lines);
    }
}
