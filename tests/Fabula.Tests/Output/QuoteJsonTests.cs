using System.Text.Json;
using FsCheck.Xunit;
using Fabula.Output;

namespace Fabula.Tests.Output;

public class QuoteJsonTests
{
    // The quotation's text is escaped by its own writer: it must match the serializer's escaping of the same string.
    [Theory]
    [InlineData("\"Run,\" said Alec.")]
    [InlineData("“Come\nhere!” — ‘now’")]
    [InlineData("tab\there\r\nback\\slash\u00A0nbsp é 😀 <&> \u2028")]
    [InlineData("")]
    public void Text_is_escaped_as_the_serializer_escapes_a_string(string text) => AssertSameText(text);

    [Property(MaxTest = 500)]
    public void Any_text_is_escaped_as_the_serializer_escapes_it(string? text, int seed)
    {
        // Mostly the characters of stories, with the odd control character, lone surrogate or other mark.
        var random = new Random(seed);
        const string common = "ab Z.,;'\"\n’“”—…é\u00A0";
        var chars = (text ?? "").ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (random.Next(4) > 0) chars[i] = common[random.Next(common.Length)];
        AssertSameText(new string(chars));
    }

    private static void AssertSameText(string text)
    {
        var line = JsonSerializer.Serialize(new QuoteJson(3, 9, text, "c1", null, 0.5f, "explicit"), AnalysisJson.Options);
        string expected = $$"""
            {
              "start": 3,
              "end": 9,
              "text": {{JsonSerializer.Serialize(text, AnalysisJson.Options)}},
              "speaker": "c1",
              "addressee": null,
              "confidence": 0.5,
              "method": "explicit"
            }
            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), line.ReplaceLineEndings("\n"));
        Assert.Equal("""{"start":3,"end":9,"text":""" + JsonSerializer.Serialize(text, AnalysisJson.Options) + "}",
            JsonSerializer.Serialize(new QuoteJson(3, 9, text), Fabula.Corpus.WorkRecord.LineOptions).Replace(",\"speaker\":null,\"addressee\":null", ""));
    }
}
