using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

/// <summary>Whom a tag's pronoun ("he added", "said he to Robert") means, and tags that name the speaker in a description.</summary>
public sealed class PronounTagTests
{
    private static string[] Lines(string text) => SpokenLines.WithMethods(text);

    [Fact]
    public void He_added_goes_on_with_the_last_speaker_not_the_other_man()
    {
        var lines = Lines("""
            Edward and Simon came back from the river at noon.

            "What a fool's errand!" said Edward. He had wanted to stay in bed.

            "And the fish were gone," he added.
            """);
        Assert.Equal(["Edward:Explicit", "Edward:Pronoun"], lines);
    }

    [Fact]
    public void A_replys_he_is_still_the_other_man()
    {
        var lines = Lines("""
            Edward and Simon came back from the river at noon.

            "What a fool's errand!" said Edward. He had wanted to stay in bed.

            "And the fish were gone," he replied.
            """);
        Assert.Equal(["Edward:Explicit", "Simon:Pronoun"], lines);
    }

    [Fact]
    public void The_one_a_tag_names_as_addressee_is_not_its_pronouns_speaker()
    {
        var lines = Lines("""
            Henry looked up from his book. Robert came in with his violin.

            "Play something," said he to Robert.
            """);
        Assert.Equal(["Henry:Pronoun"], lines);
    }

    [Fact]
    public void The_subject_of_the_lines_own_paragraph_speaks_before_the_one_called_the_turn_before()
    {
        var lines = Lines("""
            Basil and Henry sat in the studio all afternoon.

            "Henry, the picture is finished," said Basil.

            Basil laughed. "Do you like it?" he asked.
            """);
        Assert.Equal(["Basil:Explicit", "Basil:Pronoun"], lines);
    }

    [Fact]
    public void The_voice_of_a_named_person_is_that_person()
    {
        var lines = Lines("""
            Ruth sat alone in the kitchen. Tobias Crane had gone out at dawn.

            The door banged open.

            "Where is everyone?" cried the voice of Tobias Crane.
            """);
        Assert.Equal(["Tobias Crane:Explicit"], lines);
    }

    [Fact]
    public void A_man_named_only_inside_the_lines_is_not_the_he_of_a_tag()
    {
        var lines = Lines("""
            Mr. Grey sat by the fire with his newspaper. His wife came in from the garden with a basket of roses, and set it down on the table.
            She had been out since breakfast, and her shoes were wet. The roses were the last of the year, small and pale, and
            the frost had already browned the edges of their leaves. She had cut them all the same, because the house was dark in
            November and the table wanted something on it besides bread and the old brown teapot. She shook the rain from her
            shawl, hung it by the door, and stood for a while at the window, where the lane ran down between the hedges to the
            village and the church. A cart went by, loaded with turnips, and a dog ran after it barking until the carter cursed at
            it. Then the lane was empty again, and the rain came on harder, and the light was almost gone from the fields.

            "Mr. Thorne has taken the house on the hill. I met his sister at the gate, and she says Mr. Thorne keeps six horses and a carriage."

            "Six horses," he replied. "Then he will not walk to church."
            """);
        Assert.Equal("Mr. Grey:Pronoun", lines[1]);
    }

    [Fact]
    public void The_doctor_is_the_present_person_titled_doctor_even_by_an_alias()
    {
        var archie = new Character(0) { Name = "Howard Archie", Pronouns = "he/him" };
        archie.Aliases.Add(new Alias("Dr. Archie", 3));
        var cast = new CastList([archie, new Character(1) { Name = "Peter Kronborg", Pronouns = "he/him" }]);
        var recent = new RecentPeople();
        recent.Saw(0, 10, subject: true);
        recent.Saw(1, 900, subject: true);
        // "The doctor shut the door behind him. 'Feel pretty sick?' he asked." with the cast's "he" on Kronborg.
        recent.SawTitled(cast, "The doctor", 1000, subject: true);
        Assert.Equal(0, recent.Choose(cast, "he", 1, -1, -1, -1, 1040));
        recent.SawTitled(cast, "the weather", 1100, subject: true);
        Assert.Equal(0, recent.Choose(cast, "he", 1, -1, -1, -1, 1140));
    }

    [Fact]
    public void A_line_calling_a_family_name_alone_is_said_by_no_one_of_that_family()
    {
        // "Peter Kronborg coughed. 'Have a troche, Kronborg,' he said.": the cast keeps "Kronborg" (Mr. Kronborg) apart from Peter.
        var cast = new CastList([new Character(0) { Name = "Howard Archie", Pronouns = "he/him" },
            new Character(1) { Name = "Peter Kronborg", Pronouns = "he/him" }, new Character(2) { Name = "Mr. Kronborg", Pronouns = "he/him" }]);
        var recent = new RecentPeople();
        recent.Saw(0, 10, subject: true);
        recent.Saw(1, 900, subject: true);
        Assert.Equal(1, recent.Choose(cast, "he", 1, -1, -1, called: 2, at: 1000));
        Assert.Equal(0, recent.Choose(cast, "he", 1, -1, -1, called: 2, at: 1000, calledFamily: "Kronborg"));

        var story = Pipeline.Default.Run("""
            "Have a troche, Kronborg," said the doctor. "Good night, Mr. Kronborg," said Tom Hale. "Thank you, Alec Kronborg," said Ann.
            """);
        var vocatives = new VocativeReader(story.Text, story.Layer<Mention>(), story.Get<CastList>());
        var lines = story.Layer<Fabula.Quotations.Quotation>();
        Assert.Equal("Kronborg", vocatives.CalledFamily(lines[0].Span));
        Assert.Null(vocatives.CalledFamily(lines[1].Span)); // a title: "Mr. Bennet," his wife may say
        Assert.Null(vocatives.CalledFamily(lines[2].Span)); // a given name
    }

    [Fact]
    public void A_name_after_a_short_opening_phrase_is_the_subject_of_its_paragraph()
    {
        var lines = Lines("""
            Henry and Basil sat in the garden. Basil had been painting all morning.

            "Being natural is simply a pose," said Henry.

            The sunlight slipped over the leaves. After a pause, Henry pulled out his watch. "I must be going, Basil," he murmured.
            """);
        Assert.Equal(["Henry:Explicit", "Henry:Pronoun"], lines);
    }

    [Fact]
    public void He_replied_after_one_mans_line_is_the_other_man_though_long_unnamed()
    {
        var lines = Lines("""
            Basil stood at his easel in the long studio, and the smell of the lilac came through the open window.
            The room was full of the summer. The bees went heavily over the long grass outside, and the shadows of
            the birds in flight flitted across the silk curtains that were stretched in front of the huge window,
            producing a kind of momentary Japanese effect. The dull roar of the city was like the bourdon note of a
            distant organ. In the centre of the room, clamped to an upright easel, stood the portrait of a young man
            of extraordinary beauty, and in front of it, some little distance away, was a low divan of cushions and
            rugs, on which a cat lay asleep in the sun. Nothing else moved in the room for a long while, except the
            light on the floor and the slow smoke of a cigarette that had been left burning on a saucer by the door.

            Henry lay on the divan and smoked. "You must send it to the Grosvenor next year," he said.

            "I know you will laugh at me," he replied, "but I cannot send it anywhere."
            """);
        Assert.Equal(["Henry:Pronoun", "Basil:Pronoun", "Basil:Pronoun"], lines);
    }

    [Fact]
    public void A_tags_he_is_not_the_first_person_narrator()
    {
        // The cast took the tag's "he" for the narrator (Ralph, 0), whom the narration only ever calls "I";
        // Tom (1) rode up just before.
        var cast = new CastList([new Character(0) { Name = "Ralph", Pronouns = "he/him" }, new Character(1) { Name = "Tom", Pronouns = "he/him" }]);
        var recent = new RecentPeople { Teller = 0 };
        recent.Saw(1, 100);
        recent.Saw(0, 150);
        int chosen = recent.Choose(cast, "he", resolved: 0, previousSpeaker: -1, calledBefore: -1, called: -1, at: 200);
        Assert.Equal(1, chosen);
    }

    [Fact]
    public void A_man_the_lines_talk_about_is_not_the_he_of_the_tag_after_them()
    {
        // Hugh Price is named in the narration only at the start; after that the lines talk about him. The cast's
        // coreference gives "cried he" to Hugh, the last he it met (in the lines); the man in the room is Walter.
        var lines = Lines("""
            Walter Dunne sat by the fire with his wife Agnes. He had a newspaper on his knee, but he was not reading it. Their new neighbour, Hugh Price, had bought the old mill in the spring.

            "Do you know," said Walter, "that the mill wheel has not turned since March? The river is too low for it, and the roof has fallen in at the back, where the barn was. Nobody in the village will go near it after dark, and the children say it is haunted."

            "The children say a great many things," said Agnes. "I have heard that the whole valley is haunted, from the church to the ford, and nobody has ever seen anything but owls. But I did not know that the roof had fallen in. That must have been the storm in January, when the elms came down on the common and the lane was shut for a week."

            "Hugh Price means to mend it. I saw him at the smithy, and he talked of nothing but slates and beams."

            "Then he will be busy all summer," said Agnes. "Hugh Price has money enough for a new roof. He told me he would give a ball there when it was done."

            "A ball in a mill?" cried he. "The man is mad."
            """);
        Assert.Equal("Walter Dunne:Pronoun", lines[^1]);
    }

    [Fact]
    public void A_subject_after_an_opening_phrase_of_four_words_is_whom_the_tag_means()
    {
        // "After that night's work, the man ..." opens its sentence with the man; Rex, the subject before, is not the he of the tag.
        var lines = Lines("""
            Rex was a big dog, and he hated ropes. A man came into the yard with a rope.

            "He bites," said the man.

            The man reached for the collar. Rex was too quick for him.

            After that night's work, the man talked of nothing else.

            "I'd not do it again for a thousand dollars," he grumbled.
            """);
        Assert.Equal("the man:Pronoun", lines[^1]);
    }

    [Fact]
    public void A_beats_he_is_a_man_in_the_scene_not_one_the_lines_talk_about()
    {
        // The cast gives "He nodded" to Harry, the last he it met (in Simon's line); Harry is not there.
        var lines = Lines("""
            Walter sat on the porch with his friend Simon. He had not seen Simon since the spring.

            "I rode in from the town today," said Simon. "The road was full of people going to the fair."

            "Anyone we know?" Walter asked.

            "Old Harry, in his Sunday coat. He was singing all the way."

            "Are the ships in, then?"

            He nodded. "There is a fine ship down at the quay."
            """);
        Assert.Equal("Simon:Beat", lines[^1]);
    }

    [Fact]
    public void The_one_heard_saying_a_line_says_it_not_the_one_who_hears()
    {
        var lines = Lines("""
            Mrs. Crawford stood by the window with the young officer. Mary watched them from the doorway.

            "Is it so very bad? Oh, is it?" Mary heard her say.

            "I heard Simon ask," said Mary later, "whether we should go."
            """);
        Assert.Equal(["Mrs. Crawford:Pronoun", "Mary:Explicit", "Mary:Explicit"], lines);
    }

    [Fact]
    public void A_name_after_my_in_the_middle_of_a_line_is_not_called_so_does_not_answer()
    {
        // "sent over by my Lord Ashby," talks of Lord Ashby; it does not call him, so "he answered" is not his.
        var lines = Lines("""
            Lord Ashby had sent the ships. Hugh rode up to the gate at dusk, and I let him in.

            "The ships are in," he said.

            "Full of maids sent over by my Lord Ashby," I muttered.

            "They are honest maids," he answered.
            """);
        Assert.Equal("Hugh:Pronoun", lines[^1]);
    }

    [Fact]
    public void A_tags_she_goes_on_with_the_woman_who_has_been_speaking()
    {
        // The cast gives the tags' "she" to Millie, the woman it met last; but the woman who has been speaking to the guest,
        // and was seen speaking since Millie was named, is Mrs. Hall.
        var lines = Lines("""
            Mrs. Hall lit the fire in the parlour. Then she rang for coal, and Millie came up with the scuttle and went down again.

            She laid the cloth. "Shall I take your coat, sir?" she said.

            "No," he said.

            The guest stood at the window with his back to the room. He wore a wide hat, a long coat buttoned to the chin, and thick gloves, and he did not take off any of them. He looked out at the falling snow and the empty road, and he did not turn round when the fire began to crackle. He seemed to be waiting for something, or for somebody, though the coach had gone and the road was white from end to end. The clock ticked on the shelf, and the snow went on falling.

            She noticed the snow melting on his shoulders.

            "Very well, sir," she said.
            """);
        Assert.Equal("Mrs. Hall:Pronoun", lines[0]);
        Assert.Equal("Mrs. Hall:Pronoun", lines[^1]);
    }

    [Fact]
    public void A_name_that_a_hard_wrapped_line_happens_to_begin_is_not_the_subject_a_tag_means()
    {
        var lines = Lines("""
            Mr. Grey and Hugh had farmed the valley together for twenty years.

            Hugh came into the parlour, shook the rain from his coat and sat down by
            the fire. The storm had spoiled all the hay, which for a whole week poor
            Mr. Grey had been cutting in the long meadow below the house.

            "We shall have to cut it all again," he said.
            """);
        Assert.Equal(["Hugh:Pronoun"], lines);
    }

    [Fact]
    public void After_a_run_of_narration_in_its_own_paragraph_a_tag_does_not_answer_the_one_called_before()
    {
        var lines = Lines("""
            Mr. Hale lived with his daughter Mary in the old house by the church. His fires were kept by Tom, the footman.

            "Ah, Tom, we must take care of poor papa," said Mary.

            It was late when her father came home. He had been out all day with his patients, and he was tired. He found the fire lit in the library. He threw the windows open and rang the bell. "Let me know when dinner is ready," he said.
            """);
        Assert.Equal(["Mary:Explicit", "Mr. Hale:Pronoun"], lines);
    }

    [Fact]
    public void A_tags_pronoun_later_in_a_turn_is_the_one_who_said_its_first_line()
    {
        var lines = Lines("""
            Randolph had been pestering the guests on the terrace all morning.

            Mr. Winterbourne looked up from his newspaper. "Good morning," he said.

            "Are you an American man?" asked Randolph. And then, on Mr. Winterbourne's nod, "American men are the best," he declared.
            """);
        Assert.Equal(["Mr. Winterbourne:Pronoun", "Randolph:Explicit", "Randolph:Pronoun"], lines);
    }

    [Fact]
    public void One_named_after_of_is_spoken_of_not_present_for_a_tags_pronoun()
    {
        var lines = Lines("""
            Robert sat at breakfast with Rose. She was cross this morning, and she would not eat.

            "I rather like it myself," said Robert, and he bowed to the portrait of Lady Amelia.

            His wife uttered an exclamation of impatience.

            "I wish you'd take that picture away," said she.
            """);
        Assert.Equal(["Robert:Explicit", "Rose:Pronoun"], lines);
    }
}
