using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

public sealed class BrokenExchangeTests
{
    // Each quotation's speaker, by first name ("?" when unknown).
    private static string[] Speakers(string text)
    {
        var story = Pipeline.Default.Run(text);
        var cast = story.Get<CastList>();
        return [.. story.Layer<Attribution>().Items.ToArray().Select(a => a.Speaker >= 0 ? cast[a.Speaker].Name.Split(' ')[0] : "?")];
    }

    [Fact]
    public void A_line_after_narration_that_calls_the_last_speaker_is_said_by_the_one_spoken_to()
    {
        var speakers = Speakers("""
            Tom Harper stood in the kitchen by the jam pot. Tom was nine, and Tom was hungry. Aunt Mary came in with the broom and looked at Tom.

            "You have been at the jam again," said Aunt Mary. "Hand me that switch, Tom."

            The switch hovered in the air.

            "Look behind you, Aunt Mary!"
            """);
        Assert.Equal(["Aunt", "Aunt", "Tom"], speakers);
    }

    [Fact]
    public void An_untagged_line_after_narration_stays_unknown_when_it_calls_no_one_and_no_turn_follows()
    {
        var speakers = Speakers("""
            Tom Harper stood in the kitchen by the jam pot. Tom was nine, and Tom was hungry. Aunt Mary came in with the broom and looked at Tom.

            "You have been at the jam again," said Aunt Mary. "Hand me that switch, Tom."

            The switch hovered in the air.

            "What a fine day it is!"
            """);
        Assert.Equal("?", speakers[2]);
    }

    [Fact]
    public void A_line_between_two_turns_of_one_speaker_across_narration_of_someone_unknown_is_said_by_the_other_party()
    {
        // "The pedestrian" is no one the cast knows: the paragraph is no beat that settles the line.
        var speakers = Speakers("""
            Mr. Durbin rode down the lane on a gray mare. At the gate Mr. Durbin met Jack Hale, and Jack Hale nodded to him.

            "Good night, Sir Jack," said Mr. Durbin.

            The pedestrian halted and turned round.

            "Why do you call me that, sir?"

            "It was only my whim," said Mr. Durbin.
            """);
        Assert.Equal(["Mr.", "Jack", "Mr."], speakers);
    }

    [Fact]
    public void A_line_after_a_tag_naming_someone_unknown_is_not_filled_by_the_exchange()
    {
        // "cried one of the women": someone else speaks, whom the cast does not know.
        var speakers = Speakers("""
            Mr. Durbin rode down the lane on a gray mare. At the gate Mr. Durbin met Jack Hale, and Jack Hale nodded to him.

            "Good night, Sir Jack," said Mr. Durbin.

            The pedestrian halted and turned round.

            "Oh, how delicious!" cried one of the women.

            "It was only my whim," said Mr. Durbin.
            """);
        Assert.Equal("?", speakers[1]);
    }
}
