namespace Fabula.Tests.Dialogue;

public sealed class NamedStrangerTests
{
    [Fact]
    public void A_described_speaker_who_says_who_she_is_is_that_character()
    {
        var speakers = SpokenLines.Speakers("""
            Martha Gale lived at the mill with her father. Martha was nine, and thin, and cross.

            Late one night a tall woman opened the nursery door and found a little girl standing by the cold grate.

            "Who are you?" asked the tall woman.

            "I am Martha Gale," said the little girl.

            "Why are you all alone?" said the tall woman.

            "Everyone has gone away," said the little girl.
            """);
        Assert.Equal(["the tall woman", "Martha Gale", "the tall woman", "Martha Gale"], speakers);
    }

    [Fact]
    public void A_described_speaker_the_next_turn_answers_by_a_name_not_yet_seen_is_that_character()
    {
        var speakers = SpokenLines.Speakers("""
            On a grey evening a stout man was walking home from the market. Presently he was met by a lean parson on a brown pony.

            "Good evening to you," said the man with the basket.

            "Good evening, Sir Walter," said the parson.

            The stout man stopped, and turned round, and scratched his head.

            "Why do you call me that, sir?" said the man.

            "Because your fathers were knights."

            "Never!"

            "Indeed they were. I have read it in the old rolls."

            "Well, I never did."

            "Seven of them lie in the church at Kingsmead."

            "And where be their lands?"

            "Gone, all gone."

            "That's bad."

            "Good night to you."

            The parson rode on.

            "A knight!" said Walter Pike to himself. "Well!"
            """);
        Assert.Equal("Walter Pike", speakers[0]);
        Assert.Equal("Walter Pike", speakers[2]);
    }
}
