using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>Tagged lines given to the right person: which clause a tag's subject belongs to, beats beside a line, the previous turn.</summary>
public sealed class TagReadingTests
{
    private static string[] Lines(string text) => SpokenLines.WithMethods(text);

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

    [Fact]
    public void A_tags_subject_is_the_subject_of_the_clause_that_holds_its_verb()
    {
        var lines = Lines("""
            Father Brennan stood at the board. Jack Lawton sat in the front row.

            Then Jack Lawton cracked his fingers and Father Brennan looked at the copybook and said:

            "Right. Well done."
            """);
        Assert.Equal(["Father Brennan:Explicit"], lines);
    }

    [Fact]
    public void A_subject_after_and_with_a_comma_begins_a_new_clause_but_two_joined_subjects_are_one()
    {
        var lines = Lines("""
            Mr. Denham came in as Mr. Fortescue was talking. He sat down, and Mrs. Hilbery leant towards him, remarking:

            "Now, what would you do in Manchester?"

            Mr. Fortescue and Mrs. Hilbery said together:

            "Nothing at all."
            """);
        Assert.Equal(["Mrs. Hilbery:Explicit", "Mr. Fortescue:Explicit"], lines);
    }

    [Fact]
    public void The_first_subject_of_an_opening_when_clause_is_not_the_speaker()
    {
        var lines = Lines("""
            Stephen and Roche stood by the wall of the playground. Roche had big hands.

            And when Stephen had not been able to answer Roche had asked:

            "What is your father?"
            """);
        Assert.Equal(["Roche:Explicit"], lines);
    }

    [Fact]
    public void After_a_clause_joined_by_when_the_tag_goes_back_to_the_main_subject()
    {
        var lines = Lines("""
            Charlotte sat at the long table. The old man leant forward.

            So Charlotte looked dazed when he spoke to her, and then said:

            "A view? Oh, a view!"
            """);
        Assert.Equal(["Charlotte:Explicit"], lines);
    }

    [Fact]
    public void A_line_that_calls_the_tagged_speaker_by_name_is_not_theirs()
    {
        var lines = Lines("""
            Lucy and Charlotte sat at the long table. Charlotte laid down her fork.

            Lucy felt that she had been selfish. "Charlotte, you mustn't spoil me." "You must have it," said Charlotte.
            """);
        Assert.Equal(["Lucy:Beat", "Charlotte:Explicit"], lines);
    }

    [Fact]
    public void The_second_half_of_a_split_line_that_calls_its_tags_speaker_is_someone_elses()
    {
        var lines = Lines("""
            Fergus and Rose sat at the tea-table with their mother.

            "I'd hoped she was a witch," observed Fergus, while carving his bread. "Nonsense, Fergus!"
            """);
        Assert.Equal("Fergus:Explicit", lines[0]);
        Assert.NotEqual("Fergus:Explicit", lines[1]);
    }

    [Fact]
    public void A_tag_opening_a_long_sentence_after_the_line_is_kept()
    {
        var lines = Lines("""
            Katharine said nothing. Mr. Fortescue smiled at her remark.

            "Katharine decidedly hits the mark," he said, and lying back in his chair, with his eyes fixed on the ceiling and the tips of his fingers pressed together, he depicted first the horrors of the streets of the town, and then the bare moors on its outskirts, and then the scrubby little house in which the girl would live, and then the professors and the young students who would visit her there, and how her looks would change by degrees, and how Katharine would have to lead her about the town.
            """);
        Assert.Equal(["Mr. Fortescue:Pronoun"], lines);
    }

    [Fact]
    public void An_infinitives_object_is_not_a_tags_speaker()
    {
        var lines = Lines("""
            Mr. Beebe sat down beside Lucy at the long table.

            It was delightful to advise Lucy, and Mr. Beebe was first in the field. "Don't neglect the country round." Mr. Beebe leant forward.
            """);
        Assert.Equal(["Mr. Beebe:Beat"], lines);
    }

    [Fact]
    public void A_description_with_an_indefinite_article_before_its_adjectives_is_someone_new()
    {
        var lines = Lines("""
            Pip and Joe sat by the fire in the kitchen. Joe was asleep.

            "Hold your noise!" cried a terrible voice.
            """);
        Assert.Equal(["?:None"], lines);
    }

    [Fact]
    public void A_name_after_an_opening_as_or_then_is_the_sentences_subject_for_a_later_pronoun_tag()
    {
        var lines = Lines("""
            Howard Archie and Peter Kronborg came in from the cold.

            Peter Kronborg's child was asleep at last. As Howard Archie crossed the room he paused and listened. He went to the kitchen door.

            "One of the children sick in there?" he asked.
            """);
        Assert.Equal(["Howard Archie:Pronoun"], lines);
    }
}
