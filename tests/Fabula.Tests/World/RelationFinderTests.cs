using System.Collections.Immutable;
using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Text;
using Fabula.World.Relations;

namespace Fabula.Tests.World;

public sealed class RelationFinderTests
{
    /// <summary>The relations as "A type B" lines (symmetric ones in name order; stage and "ended" when set, "inferred" for inferred ones), sorted.</summary>
    private static string Show(Story story)
    {
        var cast = story.Get<CastList>();
        var lines = new List<string>();
        foreach (var r in story.Get<RelationList>().Items)
        {
            string a = cast[r.A].Name, b = cast[r.B].Name;
            if (!Relation.IsDirected(r.Type) && string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
            string line = $"{a} {Relation.Name(r.Type)} {b}";
            if (Relation.StageName(r.Stage) is { } stage) line += " " + stage;
            if (!r.AtEnd) line += " ended";
            if (r.Inferred) line += " inferred";
            lines.Add(line);
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static string Relations(string text) => Show(Pipeline.Default.Run(text));

    private static readonly Pipeline WithoutDialogue = new([.. Pipeline.Default.Stages.Where(s => s is not SpeakerFinder)]);

    [Fact]
    public void Possessive_and_noun_before_a_name_make_siblings()
    {
        Assert.Equal("Alec Lightwood sibling Oliver", Relations("""
            Alec Lightwood stood at the window. Alec's brother Oliver came in with the swords.

            Oliver nodded to Alec.
            """));
    }

    [Fact]
    public void A_resolved_pronoun_owns_the_noun()
    {
        Assert.Equal("Isabelle sibling Max", Relations("""
            Isabelle walked to the gate. She waited there for a long time.

            Then her brother Max ran up the road, and Isabelle laughed at him.
            """));
    }

    [Fact]
    public void Their_parent_belongs_to_each_of_the_people_the_sentence_named()
    {
        Assert.Equal("Elias Fenn parent Nora\nElias Fenn parent Samuel\nNora sibling Samuel", Relations("""
            Nora waited at the door. Her brother Samuel had set the table, and their father, Elias Fenn, had promised to be home by dark.

            Samuel lit the lamp. Nora watched the road, and Elias Fenn came home late.
            """));
    }

    [Fact]
    public void Their_with_one_person_named_before_it_owns_nothing()
    {
        Assert.Equal("", Relations("""
            Nora waited at the door for their father, Elias Fenn.

            Nora watched the road, and Elias Fenn came home late. Nora smiled.
            """));
    }

    [Fact]
    public void A_copula_and_an_apposition_name_the_holder()
    {
        Assert.Equal("Jocelyn parent Clary\nJocelyn parent Simon", Relations("""
            Clary sat at the table.

            Jocelyn, Clary's mother, was painting by the window. Simon was her son, a quiet boy of nine.

            Clary watched them both.
            """));
    }

    [Fact]
    public void The_son_of_a_named_parent()
    {
        Assert.Equal("Edmund parent Jonathan", Relations("""
            "Ride on," said Edmund.

            Jonathan, the son of Edmund, rode ahead of the others. Edmund did not look back.
            """));
    }

    [Fact]
    public void Partners_take_the_stage_of_their_last_word()
    {
        Assert.Equal("Alec partner Hugh married", Relations("""
            Alec met Hugh at a party. Hugh was his boyfriend for a year.

            In the spring Alec was engaged to Hugh. Everyone was glad.

            In the autumn Alec married Hugh, and the whole city came.
            """));
    }

    [Fact]
    public void A_divorce_ends_a_partnership()
    {
        Assert.Equal("Edmund partner Jocelyn married ended", Relations("""
            Jocelyn married Edmund when she was young.

            Years later Jocelyn divorced Edmund and moved to the city.
            """));
    }

    [Fact]
    public void Former_partners_friends_and_adversaries()
    {
        Assert.Equal("Clary former-partner Oliver\nClary friend Simon\nOliver adversary Sebastian", Relations("""
            Clary ran down the stairs. Her best friend Simon was waiting. Her former boyfriend, Oliver, stood behind him.

            Oliver did not smile. His enemy Sebastian was in the city again.

            Simon and Clary left together.
            """));
    }

    [Fact]
    public void Employers_and_captors_point_from_the_one_who_holds()
    {
        Assert.Equal("Agnes captor Ash ended\nHodge employer Martha", Relations("""
            Hodge lived alone in the library. His housekeeper Martha came every morning.

            Agnes bought Ash at the market. Ash worked in the kitchens for two years.

            Then Agnes freed Ash, and Ash walked north.
            """));
    }

    [Fact]
    public void A_sale_passes_the_captive_on()
    {
        Assert.Equal("Agnes captor Ash ended\nPeter captor Ash", Relations("""
            Agnes owned Ash. In the winter Agnes sold Ash to Peter.

            Peter took Ash north.
            """));
    }

    [Fact]
    public void Relatives_from_nouns_and_copulas()
    {
        Assert.Equal("Clary relative Luke\nClary relative Maia", Relations("""
            Clary waited at the station. Her uncle Luke was late.

            Maia was her cousin. Maia came on the next train.
            """));
    }

    [Fact]
    public void Introductions_in_dialogue_use_the_speaker_of_the_tag()
    {
        Assert.Equal("Isabelle sibling Oliver", Relations("""
            Oliver opened the door.

            "This is my sister Isabelle," Oliver said.

            Isabelle smiled at the guests.
            """));
    }

    [Fact]
    public void Without_the_dialogue_stage_self_introductions_and_turns_give_the_speakers()
    {
        Assert.Equal("Anna Grey relative Mr. Edmund Penhallow\nAnna Grey relative Oliver Penhallow\nMr. Edmund Penhallow parent Oliver Penhallow", Show(WithoutDialogue.Run("""
            Anna opened the door of the tower room. A boy sat on the bed.

            "I am Oliver Penhallow. Who are you?"

            "I am Anna Grey. Mr. Edmund Penhallow is my uncle."

            "He is my father," said the boy.

            "Then we are cousins," Anna said. Oliver stared at her.

            Mr. Edmund Penhallow came in later, and Edmund looked at Oliver.
            """)));
    }

    [Fact]
    public void A_pronoun_in_speech_is_not_the_one_spoken_to()
    {
        Assert.Equal("", Relations("""
            Oliver pointed at the portrait on the wall. Anna looked at it.

            "Who is that?" Anna asked.

            "She is my mother," said Oliver.
            """));
    }

    [Fact]
    public void A_list_is_no_apposition_and_an_inversion_no_fact()
    {
        Assert.Equal("", Relations("""
            Lady Margaret came in. Lady Margaret, her daughter and the maid sat down by the fire.

            Anna watched Oliver. Had she been his sister, she would have spoken. Oliver was his own master.
            """));
    }

    [Fact]
    public void Two_named_subjects_of_a_plural_noun()
    {
        Assert.Equal("Alec sibling Oliver", Relations("""
            Alec and Oliver were brothers. Alec was older.

            Oliver laughed at him.
            """));
    }

    [Fact]
    public void Hypotheticals_and_negations_assert_nothing()
    {
        Assert.Equal("", Relations("""
            Alec looked at Oliver. If Oliver were his brother, things would be simpler.

            Hugh had never married Alec. Alec would be his husband one day, perhaps.
            """));
    }

    [Fact]
    public void A_gendered_noun_does_not_fit_the_other_gender()
    {
        Assert.Equal("", Relations("""
            Mrs. Penhallow came in with Mr. Darrow. Mr. Darrow, her sister, and the children sat down.

            Mrs. Penhallow poured the tea. Mr. Darrow took a cup.
            """));
    }

    [Fact]
    public void A_family_name_makes_a_couple_and_the_Miss_plural_their_daughters()
    {
        string relations = Relations("""
            Mr. Penhallow read his paper while Mrs. Penhallow talked. Mr. Penhallow said nothing.

            Everyone in the village admired the Miss Penhallows. Anne Penhallow was the elder, and Miss Rose Penhallow the younger.

            Anne laughed at the ball. Rose danced with everyone. Mrs. Penhallow watched Anne and Rose.
            """);
        Assert.Contains("Mr. Penhallow partner Mrs. Penhallow married", relations);
        Assert.Contains("Mr. Penhallow parent Anne Penhallow", relations);
        Assert.Contains("Mrs. Penhallow parent Miss Rose Penhallow", relations);
        Assert.Contains("Anne Penhallow sibling Miss Rose Penhallow inferred", relations);
    }

    [Fact]
    public void A_daughter_known_by_her_given_name_alone_is_named_beside_her_sisters()
    {
        string relations = Relations("""
            Mr. Penhallow read his paper while Mrs. Penhallow talked. Mr. Penhallow said nothing.

            Everyone in the village admired the Miss Penhallows. Anne Penhallow was the elder, and Miss Rose Penhallow the younger.

            Anne and Rose walked to town. Tilly and Rose ran ahead of them, and Tilly laughed.

            Later Tilly and Rose came home. Hester and Tilly sat by the fire. Hester and Tilly whispered.

            Anne and Clara Vane went to church. Anne and Clara Vane sang. Rose and Judith met once.

            Judith went home alone.
            """);
        Assert.Contains("Mr. Penhallow parent Tilly", relations);
        Assert.Contains("Mrs. Penhallow parent Hester", relations);
        Assert.Contains("Anne Penhallow sibling Tilly inferred", relations);
        // A friend with a family name of her own, and a girl named once beside a daughter, are no daughters.
        Assert.DoesNotContain("parent Clara Vane", relations);
        Assert.DoesNotContain("parent Judith", relations);
    }

    [Fact]
    public void A_shared_family_name_alone_makes_no_children()
    {
        Assert.Equal("", Relations("""
            Mr. Lightwood spoke with Miss Lightwood in the hall. Mr. Lightwood left early.

            Miss Lightwood stayed behind.
            """));
    }

    [Fact]
    public void Siblings_of_siblings_and_their_parents_are_inferred()
    {
        string relations = Relations("""
            Alec Lightwood came in. His sister Isabelle followed. Alec's sister Isabelle was laughing.

            Then Max came in. Isabelle's brother Max was small. Her brother Max held a book.

            Margaret watched them. Margaret was Alec's mother. Alec's mother Margaret sat down.
            """);
        Assert.Contains("Alec Lightwood sibling Isabelle", relations);
        Assert.Contains("Isabelle sibling Max", relations);
        Assert.Contains("Alec Lightwood sibling Max inferred", relations);
        Assert.Contains("Margaret parent Alec Lightwood", relations);
        Assert.Contains("Margaret parent Max inferred", relations);
    }

    [Fact]
    public void Contradicting_relations_are_a_consistency_finding()
    {
        var story = Pipeline.Default.Run("""
            Alec came home. Alec's brother Oliver was waiting.

            Oliver was Alec's father, the neighbours said.
            """);
        var finding = Assert.Single(story.Get<ConsistencyFindings>().Items, f => f.Kind == "contradicting-relations");
        Assert.Equal(2, finding.Evidence.Count);
    }

    [Fact]
    public void A_relation_that_excludes_one_said_twice_as_often_gives_way()
    {
        var story = Pipeline.Default.Run("""
            Alec came home. Alec's father Robert was waiting. Alec's father Robert smiled.

            Alec's father Robert spoke. Alec's father Robert sat down. Robert was Alec's brother, the neighbours said.
            """);
        string relations = Show(story);
        Assert.Contains("Robert parent Alec", relations);
        Assert.DoesNotContain("sibling", relations);
        Assert.Single(story.Get<ConsistencyFindings>().Items, f => f.Kind == "contradicting-relations");
    }

    [Fact]
    public void Assertions_are_a_layer_with_their_words()
    {
        var story = Pipeline.Default.Run("""
            Alec stood up. Alec's brother Oliver came in.
            """);
        Assert.Equal("Alec's brother Oliver", Fabula.Tests.Show.Layer<RelationAssertion>(story));
    }

    [Fact]
    public void Forms_of_address_with_the_dialogue_stage_make_parents()
    {
        const string text = """
            Clary ran into the kitchen, where Jocelyn was painting.

            "Mama, look at this!" Clary said.

            Jocelyn looked up and smiled.
            """;
        var story = RunWith(text, (story, cast) =>
        {
            int clary = Index(cast, "Clary"), jocelyn = Index(cast, "Jocelyn");
            var quotes = story.Layer<Quotation>();
            return [new Attribution(quotes[0].Span, 0, clary, jocelyn, 0.9f, AttributionMethod.Explicit)];
        });
        Assert.Equal("Jocelyn parent Clary", Show(story));
    }

    [Theory]
    [InlineData("\"Father, look at this!\" Clary said.")]                       // Jocelyn is no father
    [InlineData("\"I said to her, 'Mama, look at this,' and she did,\" Clary said.")]   // speech within speech
    public void A_form_of_address_must_fit_and_be_spoken_to_the_addressee(string line)
    {
        string text = $"""
            Clary ran into the kitchen, where Jocelyn was painting.

            {line}

            Jocelyn looked up and smiled.
            """;
        var story = RunWith(text, (story, cast) =>
            [new Attribution(story.Layer<Quotation>()[0].Span, 0, Index(cast, "Clary"), Index(cast, "Jocelyn"), 0.9f, AttributionMethod.Explicit)]);
        Assert.Equal("", Show(story));
    }

    [Fact]
    public void Two_family_nouns_make_a_relative()
    {
        Assert.Equal("Clary relative Luke", Relations("""
            Clary waited at the station. Luke was her mother's brother, and Luke was late.

            Clary watched the clock, and Luke came at last.
            """));
    }

    [Fact]
    public void In_a_conversation_of_two_a_quotation_is_said_to_the_other()
    {
        const string text = """
            Clary ran into the kitchen, where Jocelyn was painting.

            "Mama, look at this!" Clary said.

            Jocelyn looked up and smiled.
            """;
        var story = RunWith(text,
            (story, cast) => [new Attribution(story.Layer<Quotation>()[0].Span, 0, Index(cast, "Clary"), -1, 0.9f, AttributionMethod.Explicit)],
            (story, cast) => [new Conversation(story.Layer<Quotation>()[0].Span, [Index(cast, "Clary"), Index(cast, "Jocelyn")])]);
        Assert.Equal("Jocelyn parent Clary", Show(story));
    }

    [Fact]
    public void Without_the_dialogue_stage_forms_of_address_say_nothing()
    {
        Assert.Equal("", Show(WithoutDialogue.Run("""
            Clary ran into the kitchen, where Jocelyn was painting.

            "Mama, look at this!" Clary said.

            Jocelyn looked up and smiled.
            """)));
    }

    private static int Index(CastList cast, string alias) =>
        cast.Characters.Single(c => c.Aliases.Any(a => a.Text == alias)).Index;

    /// <summary>Runs the stages up to the cast, adds the attributions a test gives in place of the dialogue stage's, then the world stages.</summary>
    internal static Story RunWith(string text, Func<Story, CastList, Attribution[]> attributions, Func<Story, CastList, Conversation[]>? conversations = null)
    {
        var stages = Pipeline.Default.Stages;
        int cast = stages.IndexOf(stages.First(s => s is CastFinder));
        var before = new Pipeline(stages[..(cast + 1)]);
        var story = before.Run(text);
        var list = story.Get<CastList>();
        story.Add(attributions(story, list));
        if (conversations is not null) story.Add(conversations(story, list));
        foreach (var stage in stages[(cast + 1)..])
            if (stage is not Fabula.Dialogue.SpeakerFinder) stage.Run(story);
        return story;
    }
}
