using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Tests.Cast;

public sealed class CastTests
{
    private static CastList CastOf(string text) => Pipeline.Default.Run(text).Get<CastList>();

    private static Character Named(CastList cast, string alias) =>
        cast.Characters.Single(c => c.Aliases.Any(a => a.Text == alias));

    /// <summary>The cast as "Name: alias, alias | Name: ..." in order.</summary>
    private static string Show(CastList cast) =>
        string.Join(" | ", cast.Characters.Select(c => c.Name + ": " + string.Join(", ", c.Aliases.Select(a => a.Text).Order(StringComparer.Ordinal))));

    [Fact]
    public void Full_name_first_name_surname_and_form_of_address_are_one_character()
    {
        var cast = CastOf("""
            Alec Lightwood came home late. Alec hung up his coat and sat down.

            "You are late, Mr. Lightwood," said the landlady.

            "I know," Alec said. Lightwood was always late, and he knew it.

            "Mr. Lightwood, your tea is cold," she said.
            """);
        var alec = Named(cast, "Alec");
        Assert.Equal("Alec Lightwood", alec.Name);
        Assert.Equal(["Alec", "Alec Lightwood", "Lightwood", "Mr. Lightwood"], alec.Aliases.Select(a => a.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_full_name_said_once_joins_the_person_its_first_name_names()
    {
        // "Bane" and "Lane" are seen once each; "Magnus" and "Ada" are people elsewhere. "Drury Lane", after
        // "in", stays a place.
        var cast = CastOf("""
            Magnus Bane opened the door. Ada Lane walked in from the rain.

            "You're late," Magnus said. Ada laughed. They had met in Drury Lane, years ago.
            """);
        Assert.Equal("Magnus Bane", Named(cast, "Magnus").Name);
        Assert.Equal("Ada Lane", Named(cast, "Ada").Name);
        Assert.DoesNotContain(cast.Characters, c => c.Aliases.Any(a => a.Text.Contains("Drury")));
    }

    [Fact]
    public void A_nickname_said_in_the_lines_beside_a_titled_name_is_that_person()
    {
        // The narration calls him "Lord Edmund"; his friend calls him "Ned". Edmund Ironside, named once, is no one here.
        var cast = CastOf("""
            Lord Edmund Ashcombe lay on the divan, reading a life of Edmund Ironside. The painter stood at his easel.

            "You talk too much, Ned," said the painter.

            Lord Edmund laughed. "Somebody must."

            "Go home, Ned. I have work to do."

            Lord Edmund did not move.

            "Ned, you are impossible," the painter said.
            """);
        var edmund = Named(cast, "Lord Edmund");
        Assert.Contains(edmund.Aliases, a => a.Text == "Ned");
        Assert.DoesNotContain(Named(cast, "Edmund Ironside").Aliases, a => a.Text == "Ned");
    }

    [Fact]
    public void A_nickname_of_a_given_name_two_people_share_is_the_one_named_beside_it()
    {
        var cast = CastOf("""
            John Pike kept the mill, far down the valley.

            The rain had not stopped since morning.

            Nobody had come by all day.

            The door banged open. John Harland strode into the schoolroom.

            "He is behind the stove, Jack," said his sister.

            I came out at once, afraid of being dragged out by Jack. John Harland grinned at me.

            The clock struck four.

            The rain went on.

            Far away, John Pike slept.
            """);
        Assert.Contains(Named(cast, "John Harland").Aliases, a => a.Text == "Jack");
    }

    [Fact]
    public void Mr_and_Mrs_of_one_family_are_two_people()
    {
        var cast = CastOf("""
            Mr. Bennet read his paper. Mrs. Bennet talked of the ball.

            "My dear Mr. Bennet," said Mrs. Bennet, "have you heard?"

            Mr. Bennet said he had not. Mrs. Bennet sighed, and Mr. Bennet smiled at her.
            """);
        var mr = Named(cast, "Mr. Bennet");
        var mrs = Named(cast, "Mrs. Bennet");
        Assert.NotSame(mr, mrs);
        Assert.Equal("he/him", mr.Pronouns);
        Assert.Equal("she/her", mrs.Pronouns);
    }

    [Fact]
    public void A_title_and_given_name_joins_the_one_full_name_with_that_title()
    {
        // "Mr. Tobias" is how the household calls Mr. Tobias Fenwick; the two Sir Walters stay apart from "Sir Walter".
        var cast = CastOf("""
            Mr. Tobias Fenwick came down the stairs. Sir Walter Gray and Sir Walter Hume waited in the hall.

            "Good morning, Mr. Tobias," said the maid. Mr. Tobias nodded to her.

            "Sir Walter will see you now," she said. Mr. Tobias went in to Sir Walter.
            """);
        Assert.Same(Named(cast, "Mr. Tobias Fenwick"), Named(cast, "Mr. Tobias"));
        var walter = Named(cast, "Sir Walter");
        Assert.NotSame(Named(cast, "Sir Walter Gray"), walter);
        Assert.NotSame(Named(cast, "Sir Walter Hume"), walter);
    }

    [Fact]
    public void A_shared_surname_alone_joins_nobody()
    {
        var cast = CastOf("""
            Jace Lightwood and Isabelle Lightwood walked in. Jace sat down. Isabelle laughed.

            The Lightwoods were always late. Lightwood was a common name.

            Jace said nothing. Isabelle said nothing either.
            """);
        Assert.DoesNotContain(cast.Characters, c => c.Aliases.Any(a => a.Text == "Lightwood"));
        Assert.NotSame(Named(cast, "Jace"), Named(cast, "Isabelle"));
    }

    [Fact]
    public void Nicknames_join_the_given_name_they_shorten()
    {
        var cast = CastOf("""
            Elizabeth Bennet walked to the window. Elizabeth said nothing.

            "Lizzy, come here," said her father. Lizzy came.

            Elizabeth smiled at him.
            """);
        Assert.Same(Named(cast, "Elizabeth"), Named(cast, "Lizzy"));
    }

    [Fact]
    public void A_given_name_said_once_joins_the_one_called_by_its_nickname()
    {
        var cast = CastOf("""
            Sid sat at the table. Sid was a quiet boy, and Tom did not like him.

            "I saw it," said Sid. Tom laughed, and Sid frowned.

            But Sidney said nothing more that day.
            """);
        Assert.Same(Named(cast, "Sid"), Named(cast, "Sidney"));
    }

    [Fact]
    public void Spelling_variants_merge_and_are_reported()
    {
        var cast = Pipeline.Default.Run("""
            Valentine Morgenstern ruled the north. Valentine was cruel, said Jace.

            Jace ran from the house. Valentine followed him into the dark.

            Later that year, Valentin came back. Jace hid from Valentin in the cellar.
            """);
        var list = cast.Get<CastList>();
        Assert.Same(Named(list, "Valentine"), Named(list, "Valentin"));
        var finding = Assert.Single(cast.Get<ConsistencyFindings>().Items, f => f.Kind == "spelling-variant");
        Assert.Contains("Valentin", finding.Forms);
        Assert.Contains("Valentine", finding.Forms);
        Assert.All(finding.Evidence, e => Assert.StartsWith("Valentin", cast.Text.Copy(e)));
    }

    [Fact]
    public void Two_ordinary_first_names_one_letter_apart_are_two_people()
    {
        var cast = CastOf("""
            Mary went out. Mary said it was cold.

            Mark stayed in. Mark said it was warm.
            """);
        Assert.NotSame(Named(cast, "Mary"), Named(cast, "Mark"));
    }

    [Fact]
    public void Capitalised_common_words_and_places_are_not_characters()
    {
        var cast = CastOf("""
            Tom lived in London. Garden walls were high in London, said Tom.

            The garden was green. Perhaps the garden was the best place. Tom liked the garden.

            "Tom, come here," called his aunt. Tom went to Misselthwaite Manor.
            """);
        Assert.Equal("Tom: Tom", Show(cast));
    }

    [Fact]
    public void A_saints_name_that_a_place_preposition_puts_in_a_place_is_a_place()
    {
        // "St." is a title, but "in St. Paul" and "to St. Paul" make it a city; "St. Anne" has no place preposition.
        var cast = CastOf("""
            Carol grew up in St. Paul. Her sister married a druggist in St. Paul and stayed there.

            "St. Paul is too big," Carol said. She took the train back to St. Paul, where St. Anne watched over the chapel.
            """);
        Assert.Equal("Carol: Carol | St. Anne: St. Anne", Show(cast));
    }

    [Fact]
    public void A_name_after_the_town_of_or_a_town_called_is_a_place()
    {
        // "called Shaston" and "Shaston stood" alone would make a person; "the town of" and "the hill-town called" place it.
        var cast = CastOf("""
            John walked home from the hill-town called Shaston. The town of Shaston stood on its cliff.

            Shaston stood high above the vale, and John looked back at it. "Good night," said John.
            """);
        Assert.Equal("John: John", Show(cast));
    }

    [Fact]
    public void Pronoun_counts_override_the_name_prior()
    {
        // "Jordan" is listed as a name for both; the text says "she".
        var cast = CastOf("""
            Jordan opened the door. She looked out at the rain. Jordan sighed. She shut the door again.

            Jordan made tea. She drank it slowly.
            """);
        var jordan = Named(cast, "Jordan");
        Assert.Equal("she/her", jordan.Pronouns);
        Assert.True(jordan.PronounCounts["she/her"] >= 3);
    }

    [Fact]
    public void A_name_said_only_in_the_lines_takes_no_pronoun_from_the_narration_after_them()
    {
        // The "she" who comes in is no one named in the narration; "Sparrow" is only called for.
        var cast = CastOf("""
            Mr. Carver sat by the fire with his paper. He had read it twice, and he was cross.

            "Where is Sparrow with my tea?" said he. "Sparrow! Sparrow!"

            She came in at last, and she set the tray down by the fire. She poured the tea and went out again.

            "Sparrow is slow," said Mr. Carver.
            """);
        Assert.Null(Named(cast, "Sparrow").Pronouns);
    }

    [Fact]
    public void Neopronouns_are_learnt_from_the_text()
    {
        var cast = CastOf("""
            Rowan opened the gate. Xe looked at the sky and smiled. Rowan knew xem well enough.

            Rowan picked up xyr bag. Xe walked on alone.
            """);
        Assert.Equal("xe/xem", Named(cast, "Rowan").Pronouns);
    }

    [Fact]
    public void Pronouns_resolve_to_the_nearest_agreeing_character()
    {
        var story = Pipeline.Default.Run("Mary and Tom stood by the gate. He smiled at her, and she laughed.");
        var cast = story.Get<CastList>();
        string Resolve(string pronoun)
        {
            int at = story.Text.ToString().IndexOf(" " + pronoun + " ", StringComparison.Ordinal) + 1;
            if (at == 0) at = story.Text.ToString().IndexOf(" " + pronoun + ",", StringComparison.Ordinal) + 1;
            var mention = story.Layer<Mention>().Items.ToArray().Single(m => m.Span.Start == at);
            return mention.Character >= 0 ? cast[mention.Character].Name : "-";
        }
        Assert.Equal("Tom", Resolve("He"));
        Assert.Equal("Mary", Resolve("her"));
        Assert.Equal("Mary", Resolve("she"));
    }

    [Fact]
    public void A_pronoun_opening_a_chapter_is_the_person_named_soon_after_not_one_the_story_meets_later()
    {
        // Lucy is the most named "she", but the story has not met her yet when the aunt is "she".
        var story = Pipeline.Default.Run("""
            CHAPTER I

            She put on her spectacles and looked about the kitchen. Nothing moved. The kettle was cold. The cat slept by the stove. The clock had stopped at nine. Somebody had left the door open.

            "Where has that boy got to now?" she said.

            Aunt Martha went to the door. A boy was running across the yard.

            CHAPTER II

            Lucy came in the spring. Lucy was eight. Lucy had a red coat. Lucy sang all day. Lucy never sat still. Lucy was the doctor's girl.
            """);
        var cast = story.Get<CastList>();
        int at = story.Text.ToString().IndexOf("She put", StringComparison.Ordinal);
        var she = story.Layer<Mention>().Items.ToArray().Single(m => m.Span.Start == at && m.Kind == MentionKind.Pronoun);
        Assert.Equal("Aunt Martha", cast[she.Character].Name);
        var line = story.Layer<Fabula.Dialogue.Attribution>().Items.ToArray().Single();
        Assert.Equal("Aunt Martha", cast[line.Speaker].Name);
    }

    [Fact]
    public void Nominal_mentions_are_found()
    {
        var story = Pipeline.Default.Run("Mary saw the old gardener and his mother by the gate.");
        var nominals = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal).Select(m => story.Text.Copy(m.Span));
        Assert.Equal(["the old gardener", "his mother"], nominals);
    }

    [Fact]
    public void Possessives_and_vocatives_are_name_mentions()
    {
        var story = Pipeline.Default.Run("“Magnus, look at me,” said Alec. Magnus's eyes opened. Alec's hand shook.");
        var names = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Name).Select(m => story.Text.Copy(m.Span));
        Assert.Equal(["Magnus", "Alec", "Magnus", "Alec"], names);
    }

    [Fact]
    public void A_family_in_the_plural_is_its_own_character_and_no_member()
    {
        var cast = CastOf("""
            Alec Lightwood came home. Alec said nothing.

            The Lightwoods were always late. Everyone knew the Lightwoods. Alec sighed.
            """);
        var family = Named(cast, "Lightwoods");
        Assert.NotSame(Named(cast, "Alec"), family);
        Assert.Equal("they/them", family.Pronouns);
    }

    [Fact]
    public void Mrs_with_her_husbands_full_name_is_the_wife_not_the_husband()
    {
        var cast = CastOf("""
            Newland Archer walked to the club. Newland Archer said he was tired. "Good night," said Newland.

            Mrs. Newland Archer was at home. Mrs. Archer said she was glad. Mrs. Archer read a letter.
            """);
        Assert.NotSame(Named(cast, "Newland"), Named(cast, "Mrs. Newland Archer"));
        Assert.Same(Named(cast, "Mrs. Archer"), Named(cast, "Mrs. Newland Archer"));
    }

    [Fact]
    public void A_surname_alone_names_the_man_of_the_family()
    {
        var cast = CastOf("""
            Edna Pontellier sat on the porch. Mr. Pontellier read his paper. Edna said nothing.

            Mr. Pontellier went out. Mr. Pontellier came back late, and Pontellier was cross. Edna laughed.
            """);
        Assert.Same(Named(cast, "Mr. Pontellier"), Named(cast, "Pontellier"));
        Assert.NotSame(Named(cast, "Edna"), Named(cast, "Pontellier"));
    }

    [Fact]
    public void A_common_word_the_text_puts_where_a_person_stands_is_a_name()
    {
        // "rose" and "good" are common words here, but "said Rose", "Captain Good" and "Rose asked" make their
        // capitalised forms names; "Rose from her chair" and "Good morning" at a sentence start stay words.
        const string text = """
            The rose by the gate was red, and the tea was good. Rose from her chair, the old woman rose too.

            "Good morning," said Rose. Captain Good bowed to her, and Rose smiled at Good.

            "Is the tea good?" Rose asked. "Very good," said Good, and the sun rose higher.
            """;
        var story = Pipeline.Default.Run(text);
        Assert.Equal("Rose: Rose | Good: Captain Good, Good", Show(story.Get<CastList>()));
        var names = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Name).Select(m => m.Span.Start).ToArray();
        Assert.DoesNotContain(text.IndexOf("Rose from", StringComparison.Ordinal), names);
        Assert.DoesNotContain(text.IndexOf("Good morning", StringComparison.Ordinal), names);
        Assert.Equal(6, names.Length);
    }

    [Fact]
    public void A_people_the_text_puts_where_a_person_stands_is_a_nickname()
    {
        // "Irish" names a people ("an Irish cook") until the text makes it a cowboy's nickname: "Irish grinned",
        // "said Irish"; the cook after "an" stays a people's word.
        const string text = """
            "Grub's ready," Irish announced. An Irish cook had made it. "Smells fine," said Pink.

            "Eat, then," said Irish, and Pink sat down beside Irish.
            """;
        var story = Pipeline.Default.Run(text);
        Assert.Equal("Irish: Irish | Pink: Pink", Show(story.Get<CastList>()));
        var names = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Name).Select(m => m.Span.Start).ToArray();
        Assert.DoesNotContain(text.IndexOf("Irish cook", StringComparison.Ordinal), names);
    }

    [Fact]
    public void A_name_after_a_word_for_a_person_or_given_as_a_name_is_a_person()
    {
        // Neither "Blakeney" nor "Corran" ever speaks or acts by a verb: "my friend" before one, "whose name was"
        // before the other make them people; "Lisbon" after "to" stays a place.
        var cast = CastOf("""
            A young officer, whose name was Corran, came to the inn. He brought my friend Blakeney with him.

            We all sailed to Lisbon in the spring. The voyage pleased Blakeney, and it pleased Corran too.
            """);
        Assert.Equal("Corran: Corran | Blakeney: Blakeney", Show(cast));
    }

    [Fact]
    public void Names_found_from_their_verbs_and_peoples_are_not_names()
    {
        var cast = CastOf("""
            Powell packed the mules at dawn. The morning was cold, and Powell waited for the light.

            An Irish cook came out. The Irish cook was cheerful. Powell nodded to her and rode away.
            """);
        Assert.Equal("Powell: Powell", Show(cast));
    }

    [Fact]
    public void Ze_and_zir_are_learnt_from_the_text()
    {
        var cast = CastOf("""
            Sorrel climbed the hill. Ze stopped at the top and looked down. Sorrel waved to zir friends.

            "I made it," said Sorrel. Ze was tired but glad.
            """);
        Assert.Equal("ze/zir", Named(cast, "Sorrel").Pronouns);
    }

    [Fact]
    public void Mr_and_Mrs_in_one_phrase_are_two_people()
    {
        var cast = CastOf("""
            Mr. and Mrs. Bane came to dinner. Mr. Bane sat by the fire and Mrs. Bane sat by the window.

            "Good evening," said Mr. Bane. He bowed. Mrs. Bane smiled, and she nodded to him.
            """);
        Assert.NotSame(Named(cast, "Mr. Bane"), Named(cast, "Mrs. Bane"));
        Assert.Equal("he/him", Named(cast, "Mr. Bane").Pronouns);
        Assert.Equal("she/her", Named(cast, "Mrs. Bane").Pronouns);
    }

    [Fact]
    public void Two_spellings_in_one_sentence_are_two_people()
    {
        var cast = CastOf("""
            Valentine and Valentin met at the gate. Valentine said hello. Valentin said goodbye.

            Valentine walked home. Valentin rode away.
            """);
        Assert.NotSame(Named(cast, "Valentine"), Named(cast, "Valentin"));
    }

    [Fact]
    public void A_pronoun_with_no_antecedent_in_dialogue_stays_unresolved()
    {
        var story = Pipeline.Default.Run("""
            "Nobody knows where he went," said Mara. "They looked everywhere."
            """);
        var mentions = story.Layer<Mention>().Items.ToArray();
        string text = story.Text.ToString();
        int he = text.IndexOf(" he ", StringComparison.Ordinal) + 1, they = text.IndexOf("They", StringComparison.Ordinal);
        Assert.Equal(-1, mentions.Single(m => m.Span.Start == he).Character);
        Assert.Equal(-1, mentions.Single(m => m.Span.Start == they).Character);
    }

    [Fact]
    public void In_a_quotation_he_is_not_the_speaker()
    {
        var story = Pipeline.Default.Run("""
            Tom Hale met Jack Reed at the gate. Jack went in.

            "He never waits for me," said Tom.
            """);
        var cast = story.Get<CastList>();
        int he = story.Text.ToString().IndexOf("He never", StringComparison.Ordinal);
        var mention = story.Layer<Mention>().Items.ToArray().Single(m => m.Span.Start == he);
        Assert.Equal("Jack Reed", cast[mention.Character].Name);
    }

    [Fact]
    public void The_one_captain_is_the_captain()
    {
        var story = Pipeline.Default.Run("""
            Captain Hale walked the deck. Captain Hale said nothing. The captain was tired, and Mary watched him.
            """);
        var cast = story.Get<CastList>();
        var captain = story.Layer<Mention>().Items.ToArray().Single(m => m.Kind == MentionKind.Nominal);
        Assert.Equal("The captain", story.Text.Copy(captain.Span));
        Assert.Equal("Captain Hale", cast[captain.Character].Name);
    }

    [Fact]
    public void Miss_and_given_name_is_not_miss_and_surname_of_a_family_of_sisters()
    {
        var cast = CastOf("""
            Miss Elliot ruled the house. Miss Anne Elliot, her sister, kept the accounts. Mary Elliot was married.

            "Sister," said Miss Anne, "the guests are here." Miss Elliot frowned.

            Miss Anne cried a little, and Miss Elliot said nothing at all.
            """);
        Assert.NotSame(Named(cast, "Miss Elliot"), Named(cast, "Miss Anne"));
    }

    [Fact]
    public void Mr_and_surname_is_not_the_son_called_by_his_given_name()
    {
        var cast = CastOf("""
            Charles Wilcox and Paul Wilcox came down to breakfast. Charles ate quickly. Paul read the paper.

            Mr. Wilcox came in late. "Good morning," said Mr. Wilcox, and Charles nodded to his father.

            Once, in a letter, she wrote of Mr. Charles Wilcox. Charles never answered. Mr. Wilcox laughed.
            """);
        Assert.NotSame(Named(cast, "Mr. Wilcox"), Named(cast, "Charles"));
    }

    [Fact]
    public void Two_first_names_one_letter_apart_with_one_surname_are_two_people()
    {
        var cast = CastOf("""
            John Durbeyfield walked home from the inn with Tess. He sang all the way.

            Joan Durbeyfield was at the tub when Tess came in. "Supper is cold," said Joan.

            John Durbeyfield slept by the fire, and Tess sat up late.
            """);
        Assert.NotSame(Named(cast, "John Durbeyfield"), Named(cast, "Joan Durbeyfield"));
    }

    [Fact]
    public void Lady_and_given_name_joins_the_one_far_more_named()
    {
        var cast = CastOf("""
            Bridget O'Hara rode out at dawn. Bridget O'Hara was tired. Lady Bridget laughed at the dust.

            "Lady Bridget," said the stockman, "the horses are in." Bridget O'Hara nodded.

            Years later she signed herself Bridget McKeith, and Lady Bridget was gone.
            """);
        Assert.Same(Named(cast, "Bridget O'Hara"), Named(cast, "Lady Bridget"));
    }

    [Fact]
    public void A_possessive_after_the_one_named_subject_outweighs_the_name_prior()
    {
        var cast = CastOf("""
            Mara Quill ran to the lighthouse. Mara climbed the stairs, and Mara lit the lamp.

            Old Wren lay at the foot of the stairs with a cut above his eye. Mara sat beside the keeper.

            Years later, when Wren died in his sleep, Mara carried the lantern.
            """);
        Assert.Equal("he/him", Named(cast, "Wren").Pronouns);
    }

    [Fact]
    public void A_first_name_that_is_also_a_common_word_begins_a_name_in_mid_sentence()
    {
        var cast = CastOf("""
            The young buck ran off. Up the stairs came Buck Mulligan, and Stephen watched him.

            "Come up," said Buck Mulligan. Stephen did not answer Mulligan at once.
            """);
        Assert.Equal("Buck Mulligan", Named(cast, "Buck Mulligan").Name);
    }

    [Fact]
    public void A_first_name_that_is_also_a_common_word_begins_the_same_name_at_the_start_of_a_sentence()
    {
        var story = Pipeline.Default.Run("""
            The young buck ran off. Up the stairs came Buck Mulligan, and Stephen watched him.

            Buck Mulligan peeped under the mirror. Buck ran down. Will Stephen come?
            """);
        int names = 0;
        foreach (var m in story.Layer<Mention>().Items)
            if (m.Kind == MentionKind.Name && story.Text.Copy(m.Span) == "Buck Mulligan") names++;
        Assert.Equal(2, names);
        // Only the pair written so mid-sentence: "Buck" alone and "Will Stephen" are no names.
        Assert.DoesNotContain(story.Get<CastList>().Characters, c => c.Name is "Buck" or "Will Stephen");
    }

    [Fact]
    public void A_regnal_number_makes_another_person_of_the_name()
    {
        var cast = CastOf("""
            Charles Hayter came to the hall. Charles sat down. "In the days of Charles II," said Charles Hayter, "this house was new."
            """);
        Assert.NotSame(Named(cast, "Charles Hayter"), Named(cast, "Charles II"));
    }

    [Fact]
    public void Miss_and_surname_is_the_one_woman_of_that_surname()
    {
        var cast = CastOf("""
            Dorothea Brooke walked in the garden. Dorothea thought of her plans, and Mr. Brooke read his letters.

            "Miss Brooke is very clever," said Mrs. Cadwallader. Miss Brooke did not hear her.

            Dorothea went in. Mr. Brooke went out.
            """);
        Assert.Same(Named(cast, "Dorothea"), Named(cast, "Miss Brooke"));
    }

    [Fact]
    public void A_title_the_text_mostly_leaves_off_is_not_in_the_name()
    {
        var cast = CastOf("""
            Colin lay in the great bed. Colin looked at the window. "Mester Colin," said Martha, "tha' mun eat."

            Colin would not eat. "Mester Colin is awake," said Martha to Mary. Colin laughed.
            """);
        Assert.Equal("Colin", Named(cast, "Mester Colin").Name);
    }

    [Fact]
    public void A_nickname_that_is_a_word_for_a_person_names_the_one_it_stands_before()
    {
        // "snake" is a word for a person ("you snake"), and the text writes it in lower case too; but its
        // capitalised form stands before a name word ("Snake Anson"), beside a speech verb and as a vocative:
        // there it is the nickname, and "Snake" alone names the same outlaw.
        var cast = CastOf("""
            A snake slid under the rock. Jim watched it go.

            That deep-voiced man was Snake Anson, the worst outlaw of the range. Jim knew Snake Anson well.

            "Snake, we need a fire," said Jim.

            "Reckon so," said Snake. Snake Anson rose and went to the door.

            "That you, Snake?" called a voice. Anson did not answer.

            "You are a snake," Jim said. Snake laughed.
            """);
        var outlaw = Named(cast, "Snake Anson");
        Assert.Contains(outlaw.Aliases, a => a.Text == "Snake");
        Assert.Contains(outlaw.Aliases, a => a.Text == "Anson");
    }
}
