using Fabula.Structure;

namespace Fabula.Tests.Structure;

public class TokenizerTests
{
    [Theory]
    [InlineData("Alec ran home.", "Alec | ran | home | .")]
    [InlineData("I don't know.", "I | do | n't | know | .")]
    [InlineData("I can't, I won't, I ain't.", "I | ca | n't | , | I | wo | n't | , | I | ai | n't | .")]
    [InlineData("I'm sure you're right; they'll see we've won and he'd go.", "I | 'm | sure | you | 're | right | ; | they | 'll | see | we | 've | won | and | he | 'd | go | .")]
    [InlineData("I’m sure it isn’t Alec’s.", "I | ’m | sure | it | is | n’t | Alec | ’s | .")]
    [InlineData("Alec's dog", "Alec | 's | dog")]
    [InlineData("He'd've gone.", "He | 'd | 've | gone | .")]
    [InlineData("O'Brien came at six o'clock, ma'am.", "O'Brien | came | at | six | o'clock | , | ma'am | .")]
    [InlineData("the dogs' bones", "the | dogs | ' | bones")]
    [InlineData("a well-known, twenty-five-year-old man", "a | well-known | , | twenty-five-year-old | man")]
    [InlineData("Wait—no. Stop–now -- go - there", "Wait | — | no | . | Stop | – | now | -- | go | - | there")]
    [InlineData("\"Run,\" said Alec. “Now!”", "\" | Run | , | \" | said | Alec | . | “ | Now | ! | ”")]
    [InlineData("‘Yes,’ she said.", "‘ | Yes | , | ’ | she | said | .")]
    [InlineData("Well... maybe… or . . . not?!", "Well | ... | maybe | … | or | . . . | not | ?!")]
    [InlineData("Mr. and Mrs. Smith met Dr. Watson on St. Giles, etc. MR. JONES too.", "Mr. | and | Mrs. | Smith | met | Dr. | Watson | on | St. | Giles | , | etc. | MR. | JONES | too | .")]
    [InlineData("J. R. Smith wrote it.", "J. | R. | Smith | wrote | it | .")]
    [InlineData("It was I. Then he left.", "It | was | I | . | Then | he | left | .")]
    [InlineData("at 5 p.m. in the U.S.A. today", "at | 5 | p.m. | in | the | U.S.A. | today")]
    [InlineData("See No. 7, then say no. Vol. 2 is long.", "See | No. | 7 | , | then | say | no | . | Vol. | 2 | is | long | .")]
    [InlineData("It cost 1,000 pounds and 3.14 at 10:30.", "It | cost | 1,000 | pounds | and | 3.14 | at | 10:30 | .")]
    [InlineData("'Tis true, I saw 'em.", "'Tis | true | , | I | saw | 'em | .")]
    [InlineData("'Listen,' she said.", "' | Listen | , | ' | she | said | .")]
    [InlineData("***  # ~ §", "*** | # | ~ | §")]
    [InlineData("café naïve Ångström", "café | naïve | Ångström")]
    [InlineData("(yes) [no]", "( | yes | ) | [ | no | ]")]
    [InlineData("", "")]
    public void Splits_words_and_marks(string text, string expected) =>
        Assert.Equal(expected, Show.Layer<Token>(text));

    [Fact]
    public void Tells_words_numbers_and_marks_apart()
    {
        var tokens = Tokenizer.Tokenize("Alec paid 20 — “now” ; *");
        var kinds = new List<TokenKind>();
        foreach (var token in tokens) kinds.Add(token.Kind);
        Assert.Equal([TokenKind.Word, TokenKind.Word, TokenKind.Number, TokenKind.Dash, TokenKind.Quote,
                      TokenKind.Word, TokenKind.Quote, TokenKind.Punctuation, TokenKind.Symbol], kinds);
    }

    [Fact]
    public void The_ascii_table_agrees_with_the_character_categories()
    {
        for (int c = 0; c < 128; c++)
        {
            byte expected = char.IsAsciiLetter((char)c) ? Tokenizer.Letter : char.IsAsciiDigit((char)c) ? Tokenizer.Digit
                : char.IsWhiteSpace((char)c) ? Tokenizer.Space : Tokenizer.Other;
            Assert.Equal(expected, Tokenizer.AsciiClass[c]);
        }
    }
}
