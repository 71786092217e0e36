using static Fabula.Tests.Dialogue.SpokenLines;

namespace Fabula.Tests.Dialogue;

/// <summary>Lines said by people the text never names: "said another", "somebody exclaimed".</summary>
public sealed class UnnamedSpeakerTests
{
    [Fact]
    public void A_tag_whose_subject_stands_for_someone_unnamed_brings_in_a_speaker_of_its_own()
    {
        // Each "another" is someone new; the second half of a split line keeps its speaker.
        string[] lines = Speakers("""
            The women of the lane stood about the well while Nell Varley drew her water.

            "She should be ashamed," said a stout matron. "Walking out so bold."

            "The parson says," said another, "that she was always a good girl."

            "What does the parson know of girls?" cried another female, the sharpest of them all.

            "Enough of that," somebody else muttered.
            """);
        Assert.Equal(["the stout matron", "the stout matron", "another", "another", "another female", "somebody else"], lines);
    }

    [Theory]
    // "No one said" is no one; "said one thing" brings in no one.
    [InlineData("""
        Nell Varley walked home. No one said a word to her.

        "Good night," she said at the gate.
        """)]
    [InlineData("""
        Nell Varley looked at the well, and said one thing more.

        "Good night," she said at the gate.
        """)]
    public void A_word_for_someone_that_is_no_tag_subject_brings_in_no_one(string text) =>
        Assert.Equal(["Nell Varley"], Speakers(text));

    [Fact]
    public void A_noun_for_a_person_that_a_tag_makes_speak_is_someone_new_not_whoever_is_named_next()
    {
        // "undertaker" is no noun the cast keeps for described people, but the tag makes one speak; Peter answers, so it is not
        // Peter; Ned Crane, named after, is someone else coming in.
        string[] lines = Speakers("""
            Peter Hale walked down the street and into the shop, where a coffin stood on two trestles.

            "Good morning, sir," said the undertaker.

            "Good morning," Peter said. "Is the judge at home today?"

            "He comes in about ten, sir," said the undertaker.

            At noon Ned Crane came down the street to meet Peter at the inn.
            """);
        Assert.Equal(["the undertaker", "Peter Hale", "Peter Hale", "the undertaker"], lines);
    }

    [Fact]
    public void A_voice_a_tag_brings_in_is_the_described_person_the_narration_shows_next()
    {
        string[] lines = Speakers("""
            Martha Ashby crossed the moor at dusk with her basket.

            "Stand where you are!" cried a hoarse voice.

            Martha turned. A man rose from behind the stones. The man was tall and thin.

            "Who are you?" said the man.
            """);
        Assert.Equal(["the man", "the man"], lines);
    }

    [Fact]
    public void Lines_that_open_a_scene_before_it_shows_anyone_are_said_by_the_first_to_speak_after_them()
    {
        string[] lines = Speakers("""
            "NED!"

            No answer.

            "NED! Where has that boy got to?"

            No answer.

            Mrs. Marsh put down her broom and looked about the kitchen. Then she went to the door and said:

            "I know you are out there."
            """);
        Assert.Equal(["Mrs. Marsh", "Mrs. Marsh", "Mrs. Marsh"], lines);
    }
}
