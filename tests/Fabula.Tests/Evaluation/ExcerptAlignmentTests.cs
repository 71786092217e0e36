using Fabula.Evaluation;
using Fabula.Text;

namespace Fabula.Tests.Evaluation;

public class ExcerptAlignmentTests
{
    // Our own hand-made excerpt in LitBank's shape: contractions split, `` '' for curly quotes, -- for a dash.
    private const string Story = "CHAPTER ONE\n\n“Don’t go,” said Ana—quietly.\nAlec's dog barked.";
    private static readonly string[][] Excerpt =
    [
        ["CHAPTER", "ONE", "``", "Do", "n't", "go", ",", "''", "said", "Ana", "--", "quietly", "."],
        ["Alec", "'s", "dog", "barked", "."],
    ];

    private static string At(ExcerptAlignment a, int s, int t) => a.Token(s, t) is { } span ? Story[span.Start..span.End] : "?";

    [Fact]
    public void Maps_tokens_to_the_text_ignoring_white_space_and_mark_variants()
    {
        var a = ExcerptAlignment.Align(Story, Excerpt);
        Assert.Equal(1.0, a.Coverage);
        Assert.Equal(["“", "Do", "n’t", "”", "—", "quietly"], new[] { At(a, 0, 2), At(a, 0, 3), At(a, 0, 4), At(a, 0, 7), At(a, 0, 10), At(a, 0, 11) });
        Assert.Equal("'s", At(a, 1, 1));
        Assert.Equal("“Don’t go,”", Story[a.Range(0, 2, 0, 7)!.Value.Start..a.Range(0, 2, 0, 7)!.Value.End]);
        Assert.Equal(TextSpan.FromBounds(0, Story.Length), a.Excerpt);
    }

    [Fact]
    public void A_token_missing_from_the_text_stays_unaligned_and_costs_nothing_else()
    {
        string[][] excerpt = [["CHAPTER", "ONE", "``", "Do", "n't", "go", ",", "''", "said", "Bob", "--", "quietly", "."], Excerpt[1]];
        var a = ExcerptAlignment.Align(Story, excerpt);
        Assert.Null(a.Token(0, 9));
        Assert.Equal("said", At(a, 0, 8));
        Assert.Equal("quietly", At(a, 0, 11));
        Assert.Equal("barked", At(a, 1, 3));
        Assert.Equal(17, a.AlignedTokens);
    }

    [Fact]
    public void Text_the_excerpt_leaves_out_is_skipped()
    {
        const string story = "CHAPTER ONE\n\n[Illustration: a dog]\n\n“Don’t go,” said Ana—quietly.\nAlec's dog barked.";
        var a = ExcerptAlignment.Align(story, Excerpt);
        Assert.Equal(1.0, a.Coverage);
        Assert.Equal("said", a.Token(0, 8) is { } s ? story[s.Start..s.End] : "?");
    }
}
