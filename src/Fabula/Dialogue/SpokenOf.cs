using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// The people a line speaks of by name, not to: a name followed by more of its sentence ("Mr. Cotter here has just told us",
/// "let Mr. Beebe eat his dinner", "Edith is asleep") or by a possessive ("take Mr. Lockwood's horse"). Speakers seldom
/// name themselves so, unless they say who they are ("I am Mary Lennox", "my name is", "it's me, Tom").
/// </summary>
internal sealed class SpokenOf(StoryText text, SpanLayer<Mention> mentions)
{
    /// <summary>Whether the line <paramref name="quotation"/> speaks of anyone by name.</summary>
    public bool NamesAnyone(TextSpan quotation) => SpeaksOf(quotation, -1);

    /// <summary>Whether the line <paramref name="quotation"/> speaks of <paramref name="character"/> by name, and does not introduce its speaker.</summary>
    public bool Names(TextSpan quotation, int character) =>
        character >= 0 && SpeaksOf(quotation, character) && !Introduces(text.AsSpan()[quotation.Start..quotation.End]);

    // Whether a name mention inside the line, of that character (of anyone for -1), goes on into its sentence.
    private bool SpeaksOf(TextSpan quotation, int character)
    {
        var chars = text.AsSpan();
        for (int m = mentions.FirstStartingAtOrAfter(quotation.Start); m < mentions.Count && mentions[m].Span.Start < quotation.End; m++)
        {
            var mention = mentions[m];
            if (mention.Kind == MentionKind.Name && mention.Character >= 0 && (character < 0 || mention.Character == character)
                && mention.Span.End <= quotation.End && GoesOn(chars, mention.Span.End, quotation.End)) return true;
        }
        return false;
    }

    // After the name, a word of the same sentence, or a possessive "'s".
    private static bool GoesOn(ReadOnlySpan<char> chars, int at, int hi)
    {
        int i = at;
        if (i + 1 < hi && VocativeReader.IsMark(chars[i]) && chars[i + 1] == 's' && (i + 2 >= hi || !char.IsLetter(chars[i + 2]))) return true;
        while (i < hi && char.IsWhiteSpace(chars[i])) i++;
        return i < hi && char.IsLetter(chars[i]);
    }

    // "I am Mary Lennox", "my name is", "it's me": a line that says who its speaker is.
    private static bool Introduces(ReadOnlySpan<char> line) =>
        line.Contains("I am ", StringComparison.Ordinal) || line.Contains("I'm ", StringComparison.Ordinal) || line.Contains("I’m ", StringComparison.Ordinal)
        || line.Contains("my name", StringComparison.OrdinalIgnoreCase) || line.Contains("name is", StringComparison.OrdinalIgnoreCase)
        || ItsMe(line, "'s me") || ItsMe(line, "’s me") || line.Contains("it is I", StringComparison.OrdinalIgnoreCase)
        || line.Contains("who I am", StringComparison.Ordinal);

    private static bool ItsMe(ReadOnlySpan<char> line, string words)
    {
        int i = line.IndexOf(words, StringComparison.OrdinalIgnoreCase);
        return i >= 0 && (i + words.Length >= line.Length || !char.IsLetter(line[i + words.Length]));
    }
}
