using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

public sealed class SpokenOfTests
{
    private static string[] Speakers(string text) => SpokenLines.Speakers(text);

    [Fact]
    public void A_beat_gives_no_line_to_the_one_it_speaks_of_by_name()
    {
        var speakers = Speakers("""
            Mr. Grimsby sat at the head of the table. Walter Pell came in from the yard with his boots covered in snow, and Mr. Grimsby looked up.

            Walter Pell stamped his boots by the door. "Take Walter Pell's coat, and bring up some soup."
            """);
        Assert.Equal("Mr. Grimsby", speakers[0]);
    }

    [Fact]
    public void A_line_that_says_who_its_speaker_is_may_name_them()
    {
        var speakers = Speakers("""
            Mr. Grimsby sat at the head of the table. Walter Pell came in from the yard with his boots covered in snow, and Mr. Grimsby looked up.

            Walter Pell stamped his boots by the door. "My name is Walter Pell, and I have come for the horse."
            """);
        Assert.Equal("Walter Pell", speakers[0]);
    }

    [Fact]
    public void Names_read_off_in_a_list_are_no_one_present_for_a_tag_to_mean()
    {
        var speakers = Speakers("""
            Mary Lennox walked up to the gate of the churchyard at dusk. Mary Lennox read the old stones by the wall: Alexander Pirrip, Bartholomew Pirrip, Tobias Pirrip, and Roger Pirrip lay there.

            "Keep still!" said the man.
            """);
        Assert.Equal("?", speakers[0]);
    }
}
