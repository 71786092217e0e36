using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Output;
using Fabula.Text;

namespace Fabula.Tests.Dialogue;

public sealed class SpeakerTests
{
    private static Story Run(string text) => Pipeline.Default.Run(text);

    /// <summary>A first-person narrator, Pip, named only by Joe's vocatives; tagged "I said" and untagged turns.</summary>
    private const string JoeAtTheForge = """
        "Pip, you have grown," said Joe.

        "I have," I said.

        "Pip, old chap, sit down."

        "Thank you," I said.

        "Pip, will you come home?"

        "I cannot," I said.

        "Well, Pip, I will wait."
        """;

    /// <summary>Each quotation as "speaker>addressee:method" (names, "?" when unknown).</summary>
    private static string[] Lines(Story story)
    {
        var cast = story.Get<CastList>();
        string Name(int c) => c >= 0 ? cast[c].Name.Split(' ')[0] : "?";
        return [.. story.Layer<Attribution>().Items.ToArray().Select(a => $"{Name(a.Speaker)}>{Name(a.Addressee)}:{a.Method}")];
    }

    private static string[] Speakers(Story story) => [.. Lines(story).Select(l => l[..l.IndexOf('>')])];

    [Fact]
    public void A_tag_with_a_name_after_or_before_the_quotation_names_the_speaker()
    {
        var story = Run("""
            Alec and Izzy stood at the gate.

            "We are late," said Alec.

            Izzy asked, "Whose fault is that?"

            "Mine," Alec said.

            "Then walk faster," asked Izzy.
            """);
        Assert.Equal(["Alec", "Izzy", "Alec", "Izzy"], Speakers(story));
        Assert.All(story.Layer<Attribution>().Items.ToArray(), a => Assert.Equal(AttributionMethod.Explicit, a.Method));
    }

    [Fact]
    public void A_pronoun_tag_goes_to_the_character_the_pronoun_stands_for()
    {
        var story = Run("""
            Magnus came into the kitchen, where Clary was baking. Magnus sniffed the air.

            "It smells of smoke," he whispered.

            "It always does," she said.
            """);
        Assert.Equal(["Magnus", "Clary"], Speakers(story));
        Assert.All(story.Layer<Attribution>().Items.ToArray(), a => Assert.Equal(AttributionMethod.Pronoun, a.Method));
    }

    [Fact]
    public void A_quotation_split_by_its_tag_keeps_its_speaker_on_both_sides()
    {
        var story = Run("""
            Jace waited by the door while Simon packed.

            "I know," said Jace, "but not today." He looked away. "Perhaps tomorrow."
            """);
        Assert.Equal(["Jace", "Jace", "Jace"], Speakers(story));
    }

    [Fact]
    public void The_character_acting_in_the_paragraph_speaks()
    {
        var story = Run("""
            Simon and Alec sat by the fire. Simon had told a joke, and Alec had missed it.

            Simon leaned back. "You missed the joke."

            Alec frowned at the flames. "I heard it twice."
            """);
        Assert.Equal(["Simon", "Alec"], Speakers(story));
        Assert.All(story.Layer<Attribution>().Items.ToArray(), a => Assert.Equal(AttributionMethod.Beat, a.Method));
    }

    [Fact]
    public void A_name_called_in_the_quotation_is_the_addressee_and_speaks_next()
    {
        var story = Run("""
            Alec and Magnus stood on the bridge in the rain.

            "Magnus, look at me," said Alec.

            "I am looking."
            """);
        Assert.Equal(["Alec>Magnus:Explicit", "Magnus>Alec:Vocative"], Lines(story));
    }

    [Fact]
    public void Told_her_names_the_addressee()
    {
        var story = Run("""
            Tessa found Jem in the library. Jem was reading, and Tessa sat down.

            "The book is gone," Jem told her.
            """);
        Assert.Equal(["Jem>Tessa:Explicit"], Lines(story));
    }

    [Fact]
    public void An_untagged_two_party_exchange_of_twelve_lines_alternates()
    {
        var story = Run("""
            Maia met Jordan at the station.

            "You came," said Maia.

            "I said I would," said Jordan.

            "Did you bring the map?"

            "It is in my coat."

            "Show me."

            "Here. The river is the blue line."

            "And the old mill?"

            "Gone. Burnt down last winter."

            "Then where do we sleep?"

            "There is a barn past the ford."

            "A barn. Wonderful."

            "You wanted an adventure."
            """);
        Assert.Equal(["Maia", "Jordan", "Maia", "Jordan", "Maia", "Jordan", "Maia", "Jordan", "Maia", "Jordan", "Maia", "Jordan"], Speakers(story));
        var lines = Lines(story);
        Assert.Equal("Maia>Jordan:TurnTaking", lines[2]);
        Assert.Equal("Jordan>Maia:TurnTaking", lines[11]);
    }

    [Fact]
    public void A_three_party_scene_follows_tags_and_names_not_alternation()
    {
        var story = Run("""
            Clary, Simon and Izzy sat round the table at the inn.

            "Who ordered the soup?" asked Clary.

            "Not me," said Simon. "Izzy, was it you?"

            "It was," Izzy said. "Clary, pass the bread."

            "Here it is."

            "Thank you. Simon, you look pale."

            Simon shrugged. "I always look pale."
            """);
        Assert.Equal(["Clary", "Simon", "Simon", "Izzy", "Izzy", "Clary", "Izzy", "Simon"], Speakers(story));
    }

    [Fact]
    public void A_first_person_narrators_lines_go_to_the_narrator_named_by_the_others()
    {
        var story = Run("""
            I had not seen Joe for a year when he came to the forge.


            """ + JoeAtTheForge);
        var lines = Lines(story);
        Assert.Equal("Joe>Pip:Explicit", lines[0]);
        Assert.Equal("Pip>Joe:Narrator", lines[1]);
        Assert.Equal("Joe>Pip:TurnTaking", lines[2]);
    }

    [Fact]
    public void An_unnamed_narrators_lines_go_to_the_narrator_character()
    {
        var story = Run("""
            Rowan stood at the door.

            "Come in," said Rowan.

            "Thank you," I said.
            """);
        var a = story.Layer<Attribution>()[1];
        var cast = story.Get<CastList>();
        Assert.Equal(cast.Narrator, a.Speaker);
        Assert.Equal("the narrator", cast[a.Speaker].Name);
        Assert.Equal(AttributionMethod.Narrator, a.Method);
    }

    [Fact]
    public void An_unnamed_narrator_takes_turns_in_an_exchange()
    {
        var story = Run("""
            I found Rowan on the quay, mending a net.

            "You came," said Rowan.

            "I said I would," I answered.

            "The tide turns at six."

            "Then we have an hour."

            "Less," he said.
            """);
        Assert.Equal(["Rowan>the:Explicit", "the>Rowan:Narrator", "Rowan>the:TurnTaking", "the>Rowan:TurnTaking", "Rowan>the:Pronoun"], Lines(story));
    }

    [Fact]
    public void The_one_a_first_person_narrator_sees_acting_speaks_the_line_beside_it()
    {
        var story = Run("""
            I had come to the inn late, and Rowan was there.

            I can see Rowan there by the fire, looking down at us with his hands in his pockets. "Nobody has heard it but me."
            """);
        Assert.Equal(["Rowan>?:Beat"], Lines(story));
    }

    [Fact]
    public void A_first_person_narrator_acting_beside_a_line_is_a_beat_not_a_tag()
    {
        var story = Run("""
            I came to the inn late. Rowan was there.

            I turned to the fire. "It is cold tonight."
            """);
        Assert.Equal(["the>?:Beat"], Lines(story));
    }

    [Fact]
    public void A_pronoun_tag_is_not_the_one_the_line_calls_by_name()
    {
        var story = Run("""
            Basil sat by the easel. Harry lit a cigarette and looked at the garden.

            "I must be going, Basil," he murmured.
            """);
        Assert.Equal(["Harry"], Speakers(story));
    }

    [Fact]
    public void A_pronoun_tag_after_the_speakers_own_beat_keeps_the_speaker_of_the_turn_before()
    {
        var story = Run("""
            Harry and Basil sat in the garden.

            "I am going," said Harry.

            Harry laughed and lit a cigarette. "And what is that?" he asked.
            """);
        Assert.Equal(["Harry", "Harry"], Speakers(story));
    }

    [Fact]
    public void A_name_said_in_a_line_is_no_one_present()
    {
        var story = Run("""
            Mr. Quill came into the study, where his daughter Ada was reading.

            "Have you heard that Mr. Thorne is back?" asked Ada.

            "I have," he replied.
            """);
        Assert.Equal(["Ada", "Mr."], Speakers(story));
        Assert.Equal("Mr. Quill", story.Get<CastList>()[story.Layer<Attribution>()[1].Speaker].Name);
    }

    [Fact]
    public void A_tag_with_a_kinship_noun_goes_to_the_head_of_the_speakers_family()
    {
        var story = Run("""
            Mr. Quill sat by the fire with Mrs. Quill. Ada Hale came in with the bread.

            "Is it fresh?" asked Mr. Quill.

            "It is," replied his wife.
            """);
        var a = story.Layer<Attribution>()[1];
        Assert.Equal("Mrs. Quill", story.Get<CastList>()[a.Speaker].Name);
        Assert.Equal(AttributionMethod.Nominal, a.Method);

        story = Run("""
            Mr. Quill sat by the fire. Lucy Quill came in with the bread, and then Tom Hale.

            "Is it fresh?" asked Lucy Quill.

            "It is," said her father.
            """);
        Assert.Equal("Mr. Quill", story.Get<CastList>()[story.Layer<Attribution>()[1].Speaker].Name);
    }

    [Fact]
    public void A_tag_with_a_description_goes_to_the_present_person_it_fits_but_not_an_indefinite_one()
    {
        var story = Run("""
            Ada and Tom walked down the lane to the mill.

            "We are late," said Tom.

            "It is your fault," said the girl.

            "Who goes there?" called a woman from the gate.
            """);
        Assert.Equal(["Tom", "Ada", "?"], Speakers(story));
    }

    [Fact]
    public void A_tag_with_the_description_of_someone_unnamed_goes_to_that_described_character()
    {
        // Before: "said the man" went to the present man the cast knew (Tom, named at the start) and the
        // untagged turns had no one to alternate with.
        var story = Run("""
            Tom Hale had gone home. Rowan Ashby crossed the churchyard alone.

            "Hold still!" cried a man, as he started up from among the graves.

            "Tell me your name," said the man. "Quick!"

            "Rowan," said Rowan.

            "Where do you live?"

            "Down by the mill."

            "Show me," said the man, staring at her.
            """);
        Assert.Equal(["the", "the", "the", "Rowan", "the", "Rowan", "the"], Speakers(story));
        var cast = story.Get<CastList>();
        var a = story.Layer<Attribution>().Items.ToArray();
        Assert.Equal("the man", cast[a[1].Speaker].Name);
        Assert.Equal(AttributionMethod.Nominal, a[1].Method);
        Assert.Equal(AttributionMethod.TurnTaking, a[4].Method);
    }

    [Fact]
    public void A_title_or_a_noun_of_no_gender_in_the_tag_goes_to_the_present_person()
    {
        var story = Run("""
            Dr. Archie lived on Main Street and Dr. Stone on the hill. One evening Dr. Archie and Tom Hale stood by the stove in the office.

            "Good evening," said Tom.

            "Sit down, Tom," said the doctor.

            "You don't understand me," answered the artist.
            """);
        var cast = story.Get<CastList>();
        var a = story.Layer<Attribution>().Items.ToArray();
        Assert.Equal("Dr. Archie", cast[a[1].Speaker].Name);
        Assert.Equal(AttributionMethod.Nominal, a[1].Method);
        Assert.Equal("Tom Hale", cast[a[2].Speaker].Name);
        Assert.True(a[2].Confidence < a[1].Confidence);
    }

    [Fact]
    public void The_one_a_line_calls_by_name_said_the_line_before_and_not_this_one()
    {
        var story = Run("""
            Florence and her uncle sat by the fire. The clock struck nine.

            "Uncle, you are not looking well to-night."

            "I'm not well, Florence. I sometimes doubt if I shall ever be better."
            """);
        Assert.Equal(["Florence", "?"], Speakers(story));
        Assert.Equal(AttributionMethod.Vocative, story.Layer<Attribution>()[0].Method);
    }

    [Fact]
    public void Said_another_or_somebody_else_asked_is_someone_unnamed()
    {
        var story = Run("""
            Jim and Burt sat by the fire with the others.

            "We need wood," said Jim.

            "Here is a log," said another.

            "Good," said Jim.

            "Is it dry?" somebody else asked.
            """);
        // Each brings in a speaker of their own, named as the tag calls them ("somebody else": first words shown).
        Assert.Equal(["Jim", "another", "Jim", "somebody"], Speakers(story));
    }

    [Fact]
    public void A_compound_of_man_or_woman_in_the_tag_has_that_gender()
    {
        var story = Run("""
            Lucy and Charlotte sat at the table with Mr. Beebe.

            "We have no view," said Lucy.

            "Quite right," said the clergyman.
            """);
        Assert.Equal(["Lucy", "Mr."], Speakers(story));
        Assert.Equal(AttributionMethod.Nominal, story.Layer<Attribution>()[1].Method);
    }

    [Fact]
    public void A_name_after_a_description_in_the_tag_is_the_speaker()
    {
        var story = Run("""
            Burt and Jonas sat by the fire.

            "The fire feels good," said the burly Jonas.

            "It does," replied the poet Burt.
            """);
        Assert.Equal(["Jonas", "Burt"], Speakers(story));
    }

    [Fact]
    public void A_first_person_narrator_is_never_he()
    {
        var story = Run("""
            I had not seen Joe for a year when he came to the forge. Joe was tired.


            """ + JoeAtTheForge + """


            I looked at the fire for a long while. Pip, I thought, you are a fool.

            "You are a good man," he said.
            """);
        var last = story.Layer<Attribution>().Items.ToArray()[^1];
        var cast = story.Get<CastList>();
        Assert.True(last.Speaker < 0 || cast[last.Speaker].Name != "Pip");
    }

    [Fact]
    public void With_no_evidence_the_speaker_is_unknown()
    {
        var story = Run("""
            The hall was empty.

            "Is anyone there?"
            """);
        var a = story.Layer<Attribution>()[0];
        Assert.Equal(-1, a.Speaker);
        Assert.Equal(AttributionMethod.None, a.Method);
        Assert.True(a.Confidence < SpeakerFinder.MinConfidence);
    }

    [Fact]
    public void First_and_second_person_pronouns_in_a_quotation_are_mentions_of_speaker_and_addressee()
    {
        var story = Run("""
            Alec and Magnus stood on the bridge.

            "Magnus, I will wait for you," said Alec.
            """);
        var cast = story.Get<CastList>();
        var mentions = story.Layer<Mention>().Items.ToArray();
        var i = Assert.Single(mentions, m => story.Text.Copy(m.Span) == "I");
        var you = Assert.Single(mentions, m => story.Text.Copy(m.Span) == "you");
        Assert.Equal("Alec", cast[i.Character].Name);
        Assert.Equal("Magnus", cast[you.Character].Name);
        Assert.Equal(MentionKind.Pronoun, you.Kind);
        for (int k = 1; k < mentions.Length; k++) Assert.True(mentions[k - 1].Span.Start <= mentions[k].Span.Start);
    }

    [Fact]
    public void A_conversation_gathers_its_quotations_and_participants()
    {
        var story = Run("""
            Maia met Jordan at the station.

            "You came," said Maia.

            "I said I would," said Jordan.
            """);
        var conversation = Assert.Single(story.Layer<Conversation>().Items.ToArray());
        var cast = story.Get<CastList>();
        Assert.Equal(["Jordan", "Maia"], conversation.Participants.Select(p => cast[p].Name).Order(StringComparer.Ordinal));
        Assert.Equal(story.Layer<Attribution>()[0].Span.Start, conversation.Span.Start);
    }

    [Fact]
    public void The_json_gives_speaker_ids_dialogue_counts_and_conversations()
    {
        var story = Run("""
            Maia met Jordan at the station.

            "You came," said Maia.

            "I said I would," said Jordan.

            The wind rose over the empty platform, and for a long while nobody spoke.

            "Is anyone there?"
            """);
        var json = AnalysisJson.From(story);
        var maia = json.Characters!.Single(c => c.Name == "Maia");
        Assert.Equal(maia.Id, json.Quotes[0].Speaker);
        Assert.Equal("explicit", json.Quotes[0].Method);
        Assert.Equal(new DialogueJson(1, 2), maia.Dialogue);
        Assert.Single(json.Conversations!);
        string text = json.Serialize();
        Assert.Contains("\"speaker\": null", text);
    }

    [Fact]
    public void The_quotation_finder_and_the_speaker_stage_read_one_list_of_speech_verbs()
    {
        Assert.True(Fabula.Quotations.SpeechWords.SpeechVerbs.Contains("whispered"));
        Assert.True(DialogueWords.SpeechVerbs.Contains("whispered"));
        Assert.True(DialogueWords.SpeechVerbs.Contains("went on"));
        Assert.True(WordList.Lines("dialogue/speech-verbs.txt").Count >= 300);
    }

    [Fact]
    public void In_an_exchange_the_speaker_of_two_turns_back_speaks_again_when_the_turn_between_is_unknown()
    {
        var story = Run("""
            Marta stood alone in the cold hall and listened.

            "Who is there?" asked Marta.

            "A friend from the village."

            "Then come in and shut the door."
            """);
        Assert.Equal(["Marta", "?", "Marta"], Speakers(story));
        Assert.Equal(AttributionMethod.TurnTaking, story.Layer<Attribution>()[2].Method);
    }

    [Fact]
    public void A_tag_ending_a_long_paragraph_before_the_quotation_names_the_speaker()
    {
        // The paragraph before the line is longer than the tag reader's buffer of words.
        var story = Run("""
            Bran and Oona walked down to the river in the late afternoon, past the mill and the old
            bridge, where the water ran fast and brown after three days of rain, and the reeds lay
            flat along both banks, and the ducks kept close to the far side under the willows, and
            nobody else was about on the path that day at all. They stood there a long time without
            a word, watching the branches go by. Finally Bran said:

            "We cannot cross here."
            """);
        Assert.Equal(["Bran"], Speakers(story));
        Assert.Equal(AttributionMethod.Explicit, story.Layer<Attribution>()[0].Method);
    }

    [Fact]
    public void A_pronoun_tag_means_someone_present_in_the_narration_not_a_man_only_named_in_a_line()
    {
        var story = Run("""
            Ellen and her husband Tom sat by the fire after supper.

            "Have you heard that Mr. Gray has taken the mill?" said Ellen.

            "It will not last a year," replied he.
            """);
        Assert.Equal(["Ellen", "Tom"], Speakers(story));
    }

    [Fact]
    public void A_pronoun_tag_after_a_long_stretch_keeps_the_last_speaker_over_someone_named_long_before()
    {
        var story = Run("""
            Tomas had gone down to the harbour early, and Captain Reyes came after him in the grey morning.

            The boats lay in rows along the stone quay, their masts bare and their decks wet with
            the night's rain. Gulls sat on every post and bollard and watched the water. Nets were
            heaped beside the sheds, and the smell of tar and salt hung over everything. Out beyond
            the breakwater the sea was still dark, though the sky above the hills had begun to pale.
            The fishermen were already at work, mending, coiling rope, carrying baskets of ice down
            the slipway, calling to one another in short words. A cart rattled along the cobbles and
            stopped by the fish market, and two boys jumped down to unload it while the horse stood.

            "What a sky!" exclaimed Captain Reyes. He himself had been up since four, and he was tired.

            "We sail at dawn," he added.
            """);
        Assert.Equal(["Captain", "Captain"], Speakers(story));
    }

    [Fact]
    public void His_mother_after_a_line_calling_the_son_by_name_is_the_head_of_his_family()
    {
        var story = Run("""
            Mrs. Marsh sat sewing in the parlour. Her son Tom Marsh stood by the window, and their neighbour Mr. Dunn sat
            in the best chair with his hat on his knee. Susan brought in the tea.

            "You will like the army, Tom," said Mr. Dunn.

            "He will not go," said his mother.
            """);
        Assert.Equal(["Mr.", "Mrs."], Speakers(story));
        Assert.Equal(AttributionMethod.Nominal, story.Layer<Attribution>()[1].Method);
    }

    [Fact]
    public void A_pronoun_tag_after_a_paragraph_opening_with_a_given_name_that_is_also_a_word_goes_to_that_person()
    {
        var story = Run("""
            Up the stairs came Buck Mulligan, and Stephen Dedalus watched him from the door. The young buck ran off.

            Stephen Dedalus leaned on the parapet and looked at the sea.

            Buck Mulligan peeped under the mirror and covered the bowl.

            "Back to barracks!" he said.
            """);
        Assert.Equal(["Buck"], Speakers(story));
    }

    [Fact]
    public void A_line_that_is_only_a_name_and_a_full_stop_answers_and_calls_no_one()
    {
        var story = Run("""
            Mr. Thornton had called at the mill that day. Mrs. Hale sat sewing when Mr. Hale came home.

            "Who has taken the mill?" asked Mrs. Hale.

            "Thornton."

            "Is he young?"
            """);
        Assert.Equal(["Mrs.", "Mr.", "Mrs."], Speakers(story));
        Assert.Equal(AttributionMethod.TurnTaking, story.Layer<Attribution>()[2].Method);
    }

    [Fact]
    public void His_lady_is_the_wife_of_the_man_the_line_calls_by_name()
    {
        var story = Run("""
            Mr. Marsh sat in the library. Mrs. Marsh came in with a letter. Susan followed her with the tea.

            "My dear Mr. Marsh," said his lady, "the Hall is let at last."
            """);
        Assert.Equal(["Mrs.", "Mrs."], Speakers(story));
        Assert.Equal("Mrs. Marsh", story.Get<CastList>()[story.Layer<Attribution>()[0].Speaker].Name);
    }
    [Fact]
    public void A_line_calling_papa_is_said_by_his_child_and_anchors_an_untagged_exchange()
    {
        var story = Run("""
            Mr. Quill sat by the fire after supper, and his daughter Ada Quill sat sewing beside him. When the tea came, the old complaint began again.

            "Poor Nell! I wish she were here again."

            "I cannot agree with you, papa. Nell is happy."

            "Happy! In that cold house, so far away?"

            "It is a warm house, papa, and a large one."

            "Large! It is a barn."
            """);
        Assert.Equal(["Mr.", "Ada", "Mr.", "Ada", "Mr."], Speakers(story));
        Assert.Equal("Ada>Mr.:Vocative", Lines(story)[1]);
    }

    [Fact]
    public void The_aunt_a_line_calls_answers_it_rather_than_the_speaker_two_turns_back()
    {
        var story = Run("""
            Aunt Polly, Tom Hale and Sid Hale sat in the kitchen.

            "Who took the jam?" asked Sid.

            "I did not take it, aunt," said Tom.

            "Then who did?"
            """);
        Assert.Equal(["Sid", "Tom", "Aunt"], Speakers(story));
        Assert.Equal("Tom>Aunt:Explicit", Lines(story)[1]);
    }
    [Fact]
    public void An_uncle_called_by_a_niece_is_the_man_of_her_family_named_in_the_scene_and_answers()
    {
        var story = Run("""
            Chapter One

            "Uncle, you look tired to-night."

            "I am tired, Nell. I sleep badly."

            "Surely, uncle, it is only the weather."

            "It is not the weather, child."

            Hugh Marsh stirred the fire and sighed. His niece Nell Marsh watched him from the window seat.
            """);
        Assert.Equal(["Nell", "Hugh", "Nell", "Hugh"], Speakers(story));
        Assert.Equal("Nell>Hugh:Vocative", Lines(story)[0]);
    }
    [Fact]
    public void Across_a_paragraph_of_narration_a_line_calling_the_one_the_last_speaker_addressed_is_that_speakers()
    {
        var story = Run("""
            Aunt Polly sat sewing in the kitchen. Tom Hale came in from the yard.

            "Tom, did you go swimming?" asked Aunt Polly.

            Tom opened his jacket without a word. His collar was dry.

            "Well, go along with you then, Tom."
            """);
        Assert.Equal(["Aunt", "Aunt"], Speakers(story));
        Assert.Equal(AttributionMethod.Vocative, story.Layer<Attribution>()[1].Method);
    }

    [Fact]
    public void A_described_person_is_called_by_the_descriptions_noun()
    {
        var story = Run("""
            Jack Durbin was walking home along the lane when an old parson on a grey mare overtook him.

            "Good night to you," said the parson.

            "Good night," said Jack.

            The parson looked down at him for a long while, and then he rode on a little way and stopped.

            "And where do my people lie, then, parson?"

            "In the church at Kingsbere, under the floor."
            """);
        var cast = story.Get<CastList>();
        var lines = story.Layer<Attribution>().Items.ToArray();
        string Name(int c) => c >= 0 ? cast[c].Name : "?";
        // The third line calls the parson: the parson is its addressee, not its speaker, and answers it.
        Assert.Equal("the parson", Name(lines[2].Addressee));
        Assert.NotEqual("the parson", Name(lines[2].Speaker));
        Assert.Equal("the parson", Name(lines[3].Speaker));
    }
    [Fact]
    public void A_beat_whose_actor_is_a_description_the_cast_left_open_is_read_as_a_tag_with_that_description()
    {
        // "The doctor" and "her husband" act beside untagged lines; the cast gave them to no one.
        var story = Run("""
            Dr. Ramsay drove out to the farm through the snow. Mr. Halvor met him at the door.

            "Is my wife well?" Mr. Halvor asked.

            "Oh, yes. She is a strong woman." The doctor took off his coat and went up the stairs.

            Mrs. Halvor sat by the window. Mr. Halvor stood at the door with his hat.

            "Send the doctor away when he tires you, Greta." Her husband went out to the barn.
            """);
        Assert.Equal(["Mr.", "Dr.", "Mr."], Speakers(story)); // Mr. Halvor, Dr. Ramsay, Mr. Halvor
    }
    [Fact]
    public void A_name_called_that_the_narration_never_shows_does_not_answer_the_exchange()
    {
        // "Teddy" is only ever said in the lines: no one present by that name answers, so the exchange goes on between Alec and Clary.
        var story = Run("""
            Alec and Clary stood at the window of the cold house and watched the road.

            "Teddy will be late again," said Alec.

            "Teddy is always late," said Clary.

            "Then I will not wait for you, Teddy."

            "You never wait for anyone."
            """);
        Assert.Equal(["Alec", "Clary", "Alec", "Clary"], Speakers(story));
    }
    [Fact]
    public void After_two_tagged_answers_by_two_others_the_one_they_answered_goes_on()
    {
        var story = Run("""
            Ann came in from the garden. Tom and Mrs. Hale sat at the table over their tea.

            "The old mill has been sold at last!" said Ann.

            "Impossible!" cried Mrs. Hale.

            "Nonsense!" said Tom.

            "It is true, and to a lady from London!"
            """);
        Assert.Equal(["Ann", "Mrs.", "Tom", "Ann"], Speakers(story)); // Ann, Mrs. Hale, Tom, Ann
    }

    [Fact]
    public void Mamma_in_a_story_told_by_one_of_the_family_calls_the_narrators_mother_who_answers()
    {
        var story = Run("""
            My mother sat by the fire with her knitting. Rose and Fergus were at the table, and I stood at the window. My mother looked up at us.

            "There is a stranger at the old hall," said Rose.

            "Nonsense," said Fergus.

            "Is it not strange, mamma?"

            "Strange indeed, my dear."
            """);
        Assert.Equal(["Rose", "Fergus", "Rose", "my"], Speakers(story)); // ..., my mother
    }
    [Fact]
    public void A_line_said_just_after_narration_that_shows_the_narrator_is_said_to_the_narrator_who_answers()
    {
        var story = Run("""
            I had my book in the window-seat when Mrs. Reed went out with the girls. Mrs. Reed took the carriage and drove away to town.

            John Reed came into the room and shut the door. I never had an idea of replying to him; my care was how to bear the blow.

            "What were you doing behind the curtain?" asked John Reed.

            "I was reading."

            "Show me the book."
            """);
        Assert.True(story.Get<CastList>().Narrator >= 0);
        Assert.Equal(["John", "the", "John"], Speakers(story)); // John Reed, the narrator, John Reed
    }
    [Fact]
    public void A_line_after_a_tag_that_calls_the_tagged_speaker_is_the_third_persons_and_the_exchange_goes_on_from_it()
    {
        var story = Run("""
            Ann sat at the table with her bread and butter, and Tom came in from the yard.

            "There is a ghost at the old mill," said Ann.

            "Impossible!" cried Aunt Hale.

            "I hoped it was a witch," observed Tom. "Nonsense, Tom! But is it not strange, aunt?"

            "Strange indeed."

            "But it is true, for I saw it myself."
            """);
        Assert.Equal(["Ann", "Aunt", "Tom", "Ann", "Aunt", "Ann"], Speakers(story)); // ..., Aunt Hale, Ann
    }
}
