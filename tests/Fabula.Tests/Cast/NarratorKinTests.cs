using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Tests.Cast;

public sealed class NarratorKinTests
{
    private static Story Run(string text) => Pipeline.Default.Run(text);

    [Fact]
    public void A_first_person_narrators_mother_is_one_character_who_speaks()
    {
        var story = Run("""
            I grew up in a narrow house by the river. My mother kept the shop, and my brother mended boats.

            "Wash your hands," said my mother.

            I went out to the pump. My mother watched me from the door, and my brother laughed.

            "And your face," my mother said.
            """);
        var cast = story.Get<CastList>();
        var mother = cast.Characters.Single(c => c.Name == "my mother");
        Assert.True(mother.Described);
        Assert.Equal("she/her", mother.Pronouns);
        // "my brother" may be any of several brothers: no character of its own.
        Assert.DoesNotContain(cast.Characters, c => c.Name == "my brother");
        Assert.All(story.Layer<Attribution>().Items.ToArray(), a => Assert.Equal(mother.Index, a.Speaker));
    }

    [Fact]
    public void The_narrators_kin_whose_name_the_narration_gives_is_that_character()
    {
        var story = Run("""
            I remember the long kitchen best. My aunt baked there every morning, and I sat by the stove. Her name was Martha Gray,
            and the whole village knew it.

            "Fetch the flour," said my aunt.

            Martha Gray was never still for long. My aunt sang as she worked.
            """);
        var cast = story.Get<CastList>();
        Assert.DoesNotContain(cast.Characters, c => c.Name == "my aunt");
        var martha = cast.Characters.Single(c => c.Name == "Martha Gray");
        Assert.Equal(martha.Index, story.Layer<Attribution>()[0].Speaker);
    }
}
