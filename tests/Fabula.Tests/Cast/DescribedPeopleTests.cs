using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Tests.Cast;

public sealed class DescribedPeopleTests
{
    private static Story Run(string text) => Pipeline.Default.Run(text);

    private static Character? Described(Story story) => story.Get<CastList>().Characters.SingleOrDefault(c => c.Described);

    /// <summary>Martha on the moor meets a man she never learns the name of.</summary>
    private const string TheManOnTheMoor = """
        Martha Ashby crossed the moor at dusk with her basket.

        "Stop there!" cried a man, as he rose from behind the stones.

        The man was tall and thin, and his coat was torn.

        "Who are you?" said the man. "Speak up."

        "Only Martha," she said.

        The man looked at her basket. He took the bread and walked away.
        """;

    [Fact]
    public void A_man_introduced_and_referred_to_again_is_a_described_character()
    {
        var story = Run(TheManOnTheMoor);
        var man = Described(story);
        Assert.NotNull(man);
        Assert.Equal("the man", man.Name);
        Assert.Equal("he/him", man.Pronouns);
        Assert.Equal(["a man", "the man"], man.Aliases.Select(a => a.Text).Order(StringComparer.Ordinal));
        var text = story.Text;
        var nominals = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal && m.Character == man.Index).Select(m => text.Copy(m.Span));
        Assert.Equal(["a man", "The man", "the man", "The man"], nominals);
        // "He took the bread": the man, not Martha's "she".
        var he = story.Layer<Mention>().Items.ToArray().Last(m => m.Kind == MentionKind.Pronoun && text.Copy(m.Span) == "He");
        Assert.Equal(man.Index, he.Character);
    }

    [Theory]
    // Never introduced: "the painter" is someone already there (Basil), not a new person.
    [InlineData("""
        Basil Hallward stood by the easel.

        "It is finished," said the painter. "Look at it."

        The painter stepped back. The painter smiled.
        """)]
    // Introduced, but never again referred to and never speaking: no one to keep.
    [InlineData("""
        Martha Ashby crossed the moor. A man was cutting peat far off, and she waved.

        "Home soon," Martha said.
        """)]
    // A comparison introduces no one: "like a man" is Martha.
    [InlineData("""
        Martha Ashby walked like a man who has lost something. "Where is it?" said the man's dog, in her dream.
        """)]
    public void A_description_without_introduction_or_evidence_is_no_character(string text) =>
        Assert.Null(Described(Run(text)));

    [Fact]
    public void A_description_the_narration_names_soon_after_is_the_named_character()
    {
        var story = Run("""
            The crowd at the door fell silent.

            A young woman stepped out into the sun. The young woman held a child.

            "Let me pass," said the young woman.

            Never had Hester Prynne looked prouder. She walked on.
            """);
        Assert.Null(Described(story));
        var cast = story.Get<CastList>();
        var text = story.Text;
        var youngWoman = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal && text.Copy(m.Span).EndsWith("young woman"));
        Assert.All(youngWoman, m => Assert.Equal("Hester Prynne", cast[m.Character].Name));
        Assert.Equal("Hester Prynne", cast[story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker].Name);
    }

    [Fact]
    public void A_description_is_not_handed_to_the_one_its_lines_call_by_name()
    {
        // The narration names Hugh Fenn just after the parson; but the parson calls Hugh by name: two people.
        var story = Run("""
            An old parson rode up the lane on a gray mare.

            "Good evening, Hugh Fenn," said the parson.

            Hugh Fenn stopped and looked up at him.

            "Good evening, sir," said Hugh.
            """);
        var parson = Described(story);
        Assert.NotNull(parson);
        Assert.Equal("the parson", parson.Name);
        Assert.Equal(parson.Index, story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker);
    }

    [Fact]
    public void A_noun_that_says_the_person_is_unnamed_needs_no_introduction()
    {
        // "the stranger" with no "a stranger" before it is still someone new; "the painter" would be someone already there.
        var story = Run("""
            Mrs. Hall kept the inn at the crossroads.

            The stranger came early in February, through the snow.

            "A room," said the stranger. "And a fire."
            """);
        Assert.Equal("the stranger", Described(story)?.Name);
    }

    [Fact]
    public void A_stranger_takes_the_pronouns_that_follow_its_mentions()
    {
        var story = Run("""
            Mrs. Hall kept the inn at the crossroads.

            A stranger came in out of the snow. He shook his coat.

            "A room," said the stranger. "And a fire."

            The stranger sat by the hearth. He did not take off his hat.
            """);
        var stranger = Described(story);
        Assert.NotNull(stranger);
        Assert.Equal("the stranger", stranger.Name);
        Assert.Equal("he/him", stranger.Pronouns);
    }

    [Fact]
    public void A_description_that_speaks_to_a_named_person_who_answers_is_someone_new()
    {
        // No "a porter" first; Tom answers the porter's lines in the next paragraphs, so the porter is not Tom.
        var story = Run("""
            Tom Reed lay asleep on a bench by the river.

            "Wake up there, youngster!" said the porter.

            Tom opened his eyes slowly.

            "What time is it?" asked Tom.

            "Past seven," said the porter. "Up with you."
            """);
        var porter = Described(story);
        Assert.NotNull(porter);
        Assert.Equal("the porter", porter.Name);
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal(porter.Index, attributions[0].Speaker);
        Assert.Equal(porter.Index, attributions[^1].Speaker);
    }

    [Theory]
    // The lines call Tom by name: the porter speaks to him.
    [InlineData("""
        Tom Reed lay asleep on a bench by the river.

        "Wake up there, Tom!" said the porter.
        """, "the porter")]
    // Tom is only spoken of in the narration, once and a while back, never there: nobody the porter could be.
    [InlineData("""
        The bench by the river was the one Tom Reed liked best.

        The river ran slow and brown that summer.

        Barges went down it to the town.

        The gulls followed them, crying.

        "Wake up there, youngster!" said the porter.
        """, "the porter")]
    public void A_description_that_speaks_is_someone_new_when_no_named_person_present_may_be_it(string text, string name) =>
        Assert.Equal(name, Described(Run(text))?.Name);

    [Fact]
    public void A_new_description_that_speaks_is_the_described_person_who_just_spoke()
    {
        // "the clergyman" is the parson of the scene, by another noun; Jack answers in between.
        var story = Run("""
            Jack Hale sat by the road at dusk. Presently he was met by an old parson on a gray mare.

            "Good night, Jack," said the parson.

            "Good night, sir," said Jack.

            "Sleep well," the clergyman replied, and rode on.
            """);
        var parson = Described(story);
        Assert.NotNull(parson);
        Assert.Equal("the parson", parson.Name);
        Assert.Contains(parson.Aliases, a => a.Text == "the clergyman");
        Assert.Equal(parson.Index, story.Layer<Fabula.Dialogue.Attribution>()[^1].Speaker);
    }

    [Fact]
    public void Another_description_that_speaks_is_not_the_described_person_who_just_spoke()
    {
        // "the other woman" says by its very words that she is not the woman who spoke first.
        var story = Run("""
            Jack Hale sat by the road at dusk. Presently he was met by an old woman with a basket.

            "Good night, Jack," said the woman.

            "Good night, mother," said Jack.

            "Sleep well," the other woman replied.
            """);
        var woman = story.Get<CastList>().Characters.First(c => c.Described);
        Assert.DoesNotContain(woman.Aliases, a => a.Text == "the other woman");
    }

    [Fact]
    public void A_stranger_mentioned_twice_with_pronouns_following_is_someone_before_speaking()
    {
        // No tag names the stranger and no "a stranger" introduces him; "her" after "Mrs. Hall ... the stranger's coat" is hers.
        var story = Run("""
            The stranger came up the lane through the snow, with a bag in his gloved hand.

            Mrs. Hall lit the fire in the parlour.

            "A room," he said. "And a fire."

            When Mrs. Hall took the stranger's coat, her hands shook.
            """);
        var stranger = Described(story);
        Assert.NotNull(stranger);
        Assert.Equal("the stranger", stranger.Name);
        Assert.Equal("he/him", stranger.Pronouns);
    }

    [Fact]
    public void One_introduced_whose_pronoun_the_tags_that_follow_make_speak_is_someone()
    {
        // "a man" is never "the man" again, but the he that the next tags make speak is his; Carrie is a she.
        var story = Run("""
            Carrie Meeber sat by the window of the train. Carrie watched the fields go by.

            For some time she had been conscious of a man behind. She felt him watching her hair.

            "That is a pretty town," he said, leaning forward.

            "Is it?" Carrie answered.

            "And so this is your first visit," he observed.
            """);
        var man = Described(story);
        Assert.NotNull(man);
        Assert.Equal("he/him", man.Pronouns);
        Assert.Equal(man.Index, story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker);
    }

    [Fact]
    public void One_introduced_of_the_main_characters_pronouns_is_left_to_them()
    {
        // The story's most named person is a she: "a girl" and the she that speaks after it may well be Carrie herself.
        var story = Run("""
            Carrie Meeber sat by the window of the train. Carrie watched the fields go by. Carrie was tired.

            It was no grown woman who sat there, but a girl of simple life.

            "Is it far?" she asked.
            """);
        Assert.Null(Described(story));
    }

    /// <summary>Walter Crane in a hotel garden meets a boy the narration names only when his sister calls him.</summary>
    private const string TheBoyInTheGarden = """
        Walter Crane sat in the hotel garden with his newspaper.

        Presently an urchin came along the path. The child carried a long stick and poked it into the flower beds.

        "Have you got any sweets?" said the child.

        "Not one," said Walter.

        This little boy frowned and struck the bench with his stick.

        "Then I shall find my sister," cried the child.

        A tall girl came up the path. "Tobias," said the girl, "come here at once."

        "I won't," replied Tobias.
        """;

    [Fact]
    public void Another_noun_of_the_same_kind_refers_back_to_the_one_described()
    {
        // "an urchin ... The child ... This little boy ... the child": one boy, whom the narration then names Tobias; the girl is someone else.
        var story = Run(TheBoyInTheGarden);
        var cast = story.Get<CastList>();
        var text = story.Text;
        var boy = story.Layer<Mention>().Items.ToArray()
            .Where(m => m.Kind == MentionKind.Nominal && text.Copy(m.Span) is "an urchin" or "The child" or "the child" or "This little boy").ToArray();
        Assert.Equal(5, boy.Length);
        Assert.All(boy, m => Assert.Equal("Tobias", cast[m.Character].Name));
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal("Tobias", cast[attributions[0].Speaker].Name);
        Assert.Equal("Tobias", cast[attributions[2].Speaker].Name);
        Assert.Equal("the girl", Described(story)?.Name);
    }

    [Fact]
    public void A_noun_of_the_same_kind_but_another_gender_is_someone_else()
    {
        var story = Run("""
            Walter Crane sat in the hotel garden with his newspaper.

            Presently a little girl came along the path, swinging her hat.

            "Good morning," said the boy from behind the hedge.

            The boy climbed over. The boy sat down.
            """);
        Assert.DoesNotContain(story.Get<CastList>().Characters, c => c.Described && c.Aliases.Any(a => a.Text == "a little girl") && c.Aliases.Any(a => a.Text == "the boy"));
    }

    [Fact]
    public void A_noun_of_the_same_kind_long_after_the_last_mention_does_not_refer_back()
    {
        // "a small boy" is Tom, whom the paragraphs between name; "The lad" eight paragraphs on is no longer said of the boy just
        // described, and so not of Jim Hollis, named next.
        var paragraphs = new List<string> { "Aunt Sally looked about the room for Tom.", "She seized a small boy by the collar." };
        for (int i = 0; i < 7; i++) paragraphs.Add("Tom wriggled and said nothing.");
        paragraphs.Add("The lad fled over the fence. The lad ran down the lane. The lad laughed.");
        paragraphs.Add("Jim Hollis was waiting by the mill.");
        var story = Run(string.Join("\n\n", paragraphs));
        var cast = story.Get<CastList>();
        var text = story.Text;
        Assert.DoesNotContain(story.Layer<Mention>().Items.ToArray(), m => m.Kind == MentionKind.Nominal && text.Copy(m.Span) == "The lad"
                                                                           && m.Character >= 0 && cast[m.Character].Name != "Tom");
    }

    [Fact]
    public void Pointing_at_someone_said_of_a_person_is_no_mention_of_one_described()
    {
        // "would be that man" says something of Bibot; it is not the man in the crowd again.
        var story = Run("""
            Bibot stood at the gate. A man in the crowd shouted at the guards.

            Everyone felt that Bibot would be that man who caught the Englishman.

            The man in the crowd shouted again.
            """);
        var text = story.Text;
        Assert.DoesNotContain(story.Layer<Mention>().Items.ToArray(), m => m.Kind == MentionKind.Nominal && text.Copy(m.Span) == "that man" && m.Character >= 0);
    }

    [Fact]
    public void One_wanted_is_no_one_introduced()
    {
        // "had not wanted a little girl": no girl comes in; "the child" is Rose, not the nurse the narration names next.
        var story = Run("""
            Rose Lake was born in a hot country. Rose was small and pale.

            Her mother had not wanted a little girl at all, and she gave her to the care of a nurse called Hannah Bell. The child cried. The child slept. The child grew thin and cross.
            """);
        var cast = story.Get<CastList>();
        var text = story.Text;
        Assert.DoesNotContain(story.Layer<Mention>().Items.ToArray(), m => m.Kind == MentionKind.Nominal && m.Character >= 0 && cast[m.Character].Name == "Hannah Bell"
                                                                           && text.Copy(m.Span) is "a little girl" or "The child");
    }

    [Fact]
    public void Naming_oneself_long_after_the_narration_named_one_keeps_the_name()
    {
        // The boy's own "Tobias Finch" a dozen paragraphs after "replied Tobias" is an answer, not a call to someone else.
        var paragraphs = new List<string>
        {
            "Walter Crane sat in the hotel garden.",
            "Presently a small boy came along the path. The boy carried a stick.",
            "\"Have you got any sweets?\" said the boy.",
            "A tall girl came up the path. \"Tobias,\" said the girl, \"come here.\"",
            "\"I won't,\" replied Tobias.",
        };
        for (int i = 0; i < 12; i++) paragraphs.Add("Walter read his newspaper.");
        paragraphs.Add("\"What is your name?\" asked Walter.");
        paragraphs.Add("\"Tobias Finch,\" said the boy.");
        var story = Run(string.Join("\n\n", paragraphs));
        var cast = story.Get<CastList>();
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal("Tobias", cast[attributions[0].Speaker].Name.Split(' ')[0]);
        Assert.Equal("Tobias", cast[attributions[^1].Speaker].Name.Split(' ')[0]);
    }

    [Fact]
    public void What_a_relative_clause_or_an_apposition_says_one_is_another_noun_for_them()
    {
        // "the man, who was a porter" ... "said the porter": one man, not a porter the cast would leave to no one.
        var story = Run("""
            Dick Hunter lay asleep on a pile of sacks.

            "Wake up, youngster!" said the man.

            "What time is it?" asked Dick, rubbing his eyes.

            "Seven o'clock," said the man, who was a porter at the warehouse.

            "Late again," said the porter with a frown.
            """);
        var man = Described(story);
        Assert.NotNull(man);
        Assert.Contains(man.Aliases, a => a.Text == "the porter");
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal(man.Index, attributions[^1].Speaker);
    }

    [Fact]
    public void A_first_person_possessive_introduces_someone_the_text_then_refers_back_to()
    {
        // "our last guide, a rather superior fellow ... Our guide ... The guide": one described man, who speaks.
        var story = Run("""
            I was travelling with Terry Nolan and Jeff Marsh, and we were tired of the river.

            I happened to speak of it to our last guide, a rather superior fellow with quick eyes.

            "Short river, sweet water," said the fellow, pointing.

            Our guide led us to the lake the next morning. The guide drank eagerly. The guide smiled at us.
            """);
        var guide = Described(story);
        Assert.NotNull(guide);
        Assert.Contains(guide.Aliases, a => a.Text == "our last guide");
        Assert.Contains(guide.Aliases, a => a.Text == "the guide");
        Assert.Equal(guide.Index, story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker);
    }

    [Fact]
    public void One_the_narrator_only_calls_theirs_is_no_described_person()
    {
        // "my companion" is someone the narrator knows, named elsewhere; never "the companion", it is no one new.
        var story = Run("""
            Sherwood Blake and I walked down to the station in the rain.

            "We are late," said my companion, looking at his watch.

            "Not by much," I said. My companion laughed.
            """);
        Assert.Null(Described(story));
    }

    [Fact]
    public void A_description_the_narration_gives_a_name_to_is_that_character()
    {
        // "Captain Eldridge" is named first after the description, but "whose name was Blakeney" names the officer.
        var story = Run("""
            "You are a kind fellow," said a young officer to Temple one day. "Come with me."

            Temple followed him to the prison. The officer asked for Captain Eldridge at the gate.

            The officer, whose name was Blakeney, knocked at the door. Captain Eldridge opened it.

            "Welcome," said Captain Eldridge.
            """);
        var cast = story.Get<CastList>();
        Assert.Null(Described(story));
        var blakeney = cast.Characters.Single(c => c.Name == "Blakeney");
        var text = story.Text;
        var officer = story.Layer<Mention>().Items.ToArray().Where(m => m.Kind == MentionKind.Nominal && text.Copy(m.Span).EndsWith("officer", StringComparison.Ordinal));
        Assert.All(officer, m => Assert.Equal(blakeney.Index, m.Character));
        Assert.Equal(blakeney.Index, story.Layer<Fabula.Dialogue.Attribution>()[0].Speaker);
    }

    /// <summary>Ellen alone in the house when the soldiers come: a man counted off as he comes in, and a young man named there.</summary>
    private const string TheSoldiersAtTheDoor = """
        Ellen Gray sat alone in the empty nursery.

        Then the door opened. The first man who came in was a large officer with a gray beard. He looked tired, and when he saw her he was startled.

        "Dunstan!" he cried out. "There is a child here!"

        "I am Ellen Gray," she said.

        "She has been forgotten!" exclaimed the man, turning to the others.

        The young man whose name was Dunstan looked at her sadly.
        """;

    [Fact]
    public void One_counted_off_as_he_comes_in_is_someone_new()
    {
        var story = Run(TheSoldiersAtTheDoor);
        var officer = Described(story);
        Assert.NotNull(officer);
        Assert.Equal("the first man", officer.Name);
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal(officer.Index, attributions[^1].Speaker);
    }

    [Fact]
    public void A_definite_description_whose_clause_names_it_is_the_named_one()
    {
        var story = Run(TheSoldiersAtTheDoor);
        var cast = story.Get<CastList>();
        var text = story.Text;
        var young = story.Layer<Mention>().Items.ToArray().Single(m => m.Kind == MentionKind.Nominal && text.Copy(m.Span) == "The young man");
        Assert.Equal("Dunstan", cast[young.Character].Name);
    }

    [Fact]
    public void A_line_that_says_who_the_described_one_is_does_not_keep_them_apart()
    {
        // "it's Mr. Hale" names the clergyman who came in; it does not talk to someone else.
        var story = Run("""
            Lucy and Charlotte sat at the long table. The curtains parted and revealed a clergyman, who hurried to his seat. Lucy rose, exclaiming: "Why, it's Mr. Hale! How lovely!"

            "I am so glad to see you," said the girl.

            "Quite right," said the clergyman. "I move to the parish next June."

            Mr. Hale bowed to them both and sat down.
            """);
        Assert.Null(Described(story));
        var cast = story.Get<CastList>();
        var attributions = story.Layer<Fabula.Dialogue.Attribution>();
        Assert.Equal("Mr. Hale", cast[attributions[2].Speaker].Name);
    }
}
