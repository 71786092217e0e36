using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

public sealed class BrokenExchangeTests
{
    private static string[] Speakers(string text) => SpokenLines.FirstNames(text);

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
        // "cried one of the women": someone else speaks, whom the cast knows only as "one".
        var speakers = Speakers("""
            Mr. Durbin rode down the lane on a gray mare. At the gate Mr. Durbin met Jack Hale, and Jack Hale nodded to him.

            "Good night, Sir Jack," said Mr. Durbin.

            The pedestrian halted and turned round.

            "Oh, how delicious!" cried one of the women.

            "It was only my whim," said Mr. Durbin.
            """);
        Assert.Equal("one", speakers[1]);
    }

    [Fact]
    public void A_tag_naming_someone_unknown_names_the_one_the_answer_calls_by_name()
    {
        // "my brother's wife" is no one the cast knows; the answer opens by calling her Rose.
        var speakers = Speakers("""
            "I wonder when in the world you are going to do anything, Rudolf?" said my brother's wife.

            "My dear Rose," I answered, laying down my spoon, "why should I do anything?"

            "You are nine-and-twenty," she observed.

            Rose was fond of me, and Rose was cross with me. Rudolf was idle, and Rudolf knew it.
            """);
        Assert.Equal("Rose", speakers[0]);
    }

    [Fact]
    public void A_sentence_ending_in_a_preposition_does_not_hide_the_next_sentence_s_subject()
    {
        // "...the punches with. She found nothing but the cat.": "She" acts, not the cat.
        var speakers = Speakers("""
            Aunt Polly came into the room with the broom and looked under the bed.

            "Well, I lay if I get hold of you I'll--" said Aunt Polly.

            She did not finish, for she needed breath to punctuate the punches with. She found nothing but the cat.

            "I never did see the beat of that boy!"
            """);
        Assert.Equal(["Aunt", "Aunt"], speakers);
    }

    [Fact]
    public void Of_three_present_a_line_calling_the_one_the_last_speaker_spoke_of_is_said_by_the_third()
    {
        var speakers = Speakers("""
            Aunt Polly had sewed up the collar herself. Tom Sawyer came in wet, and Tom grinned. Sid Sawyer sat by the fire, and Sid watched Tom.

            "Well, now, I thought you sewed his collar with white thread, but it's black," said Sid.

            "Why, I did sew it with white! Tom!"
            """);
        Assert.Equal(["Sid", "Aunt"], speakers);
    }

    [Fact]
    public void A_line_that_turns_to_someone_with_and_calls_them()
    {
        // "—and Fergus, what have you been doing?" calls Fergus, who answers; Rose, named last, does not.
        var speakers = Speakers("""
            Mrs. Hale sat by the fire. Fergus came in from the yard, and Fergus sat down by his sister. Rose smiled at Fergus, and Rose poured the tea.

            "That's my brave boy!" said Mrs. Hale. "—and Fergus, what have you been doing?"

            "Badger-baiting."
            """);
        Assert.Equal(["Mrs.", "Mrs.", "Fergus"], speakers);
    }
}
