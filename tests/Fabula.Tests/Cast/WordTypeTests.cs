using FsCheck.Xunit;
using Fabula.Cast;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Tests.Cast;

/// <summary>
/// The cast stage's word table gives every word token the index of its lower-cased word. Short ASCII
/// words take a vector path and the rest (long words, words beyond ASCII, a word at the text's very
/// end) a general one: both must give one index per word, whatever its case or its place.
/// </summary>
public class WordTypeTests
{
    private static readonly string[] Stems = ["tom", "mary", "the", "gardener", "extraordinarily", "a", "éloise", "zoë", "x",
        "nightingale", "ab", "abcdefgh", "abcdefghi", "abcdefg", "straße", "sir"];

    [Property(MaxTest = 200)]
    public void Each_word_has_one_type_in_any_case_and_place(int seed)
    {
        var random = new Random(seed);
        var words = new List<string>();
        for (int k = random.Next(1, 60); k > 0; k--)
        {
            var chars = Stems[random.Next(Stems.Length)].ToCharArray();
            for (int c = 0; c < chars.Length; c++)
                if (random.Next(3) == 0) chars[c] = char.ToUpperInvariant(chars[c]);
            words.Add(new string(chars));
        }
        var story = Pipeline.Default.Run(string.Join(' ', words)); // the last word ends the text: the general path

        var types = new WordTypes(new TokenView(story), CastTables.Shared);

        var tokens = story.Layer<Token>();
        var typeOfWord = new Dictionary<string, int>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Word) continue;
            string lowered = story.Text[tokens[i].Span].ToString().ToLowerInvariant();
            int type = types.TypeOf[i];
            Assert.True(type >= 0, lowered);
            Assert.Equal(lowered, types.WordOf(type));
            if (typeOfWord.TryGetValue(lowered, out int seen)) Assert.Equal(seen, type);
            else typeOfWord[lowered] = type;
        }
        Assert.Equal(typeOfWord.Count, new HashSet<int>(typeOfWord.Values).Count);
    }

    [Fact]
    public void Table_words_are_marked_in_any_case()
    {
        var story = Pipeline.Default.Run("THE Doctor said HE would come.");
        var types = new WordTypes(new TokenView(story), CastTables.Shared);

        Assert.True(types.Is(0, WordFlags.Determiner)); // THE
        Assert.True(types.Is(2, WordFlags.SpeechVerb)); // said
        Assert.True(types.TryPronoun(3, out _));        // HE
    }
}
