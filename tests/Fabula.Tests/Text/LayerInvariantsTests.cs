using Fabula.Structure;
using Fabula.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Fabula.Tests.Text;

public class LayerInvariantsTests
{
    // Arbitrary strings rarely hold the marks the structure stages look for, so half the
    // generated texts are built from story-like pieces: words, quotes, dashes, headings, breaks.
    private static readonly string[] Pieces =
    [
        "Alec", "ran", "Mr.", "J.", "don't", "Alec's", "'tis", "well-known", "1,000", "etc.",
        ".", "!", "?", "?!", "...", "…", ",", ";", "\"", "“", "”", "‘", "’", "'", "—", "–", "--", "-",
        " ", " ", " ", "\n", "\n", "\n\n", "\n\n\n", "\t", "*", "* * *", "#", "~", "§",
        "Chapter 3", "CHAPTER IV", "Prologue", "Chapter Text", "Part One", "IV.", "Two weeks later.",
        "\uD83D\uDE00", "\uD800", "é", "e\u0301",
    ];

    private static Arbitrary<string> StoryLike() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
            Gen.ListOf(Gen.Elements(Pieces)).Select(parts => string.Concat(parts)))
        .ToArbitrary();

    [Fact]
    public void Every_layer_is_inside_the_text_sorted_and_without_overlap() =>
        Prop.ForAll(StoryLike(), text => Invariants.Hold(Pipeline.Default.Run(text)))
            .QuickCheckThrowOnFailure();

    private static class Invariants
    {
        public static bool Hold(Story story) =>
            Check(story, story.Layer<Paragraph>())
            && Check(story, story.Layer<Sentence>())
            && Check(story, story.Layer<Token>())
            && Check(story, story.Layer<Chapter>())
            && Check(story, story.Layer<Scene>())
            && Nested(story);

        // Sentences lie in their paragraph, scenes in their chapter, tokens in a sentence.
        private static bool Nested(Story story)
        {
            var paragraphs = story.Layer<Paragraph>();
            foreach (ref readonly var s in story.Layer<Sentence>().Items)
                if (s.Paragraph < 0 || s.Paragraph >= paragraphs.Count || !paragraphs[s.Paragraph].Span.Contains(s.Span)) return false;
            var chapters = story.Layer<Chapter>();
            foreach (ref readonly var s in story.Layer<Scene>().Items)
                if (s.Chapter < 0 || s.Chapter >= chapters.Count || !chapters[s.Chapter].Span.Contains(s.Span)) return false;
            var sentences = story.Layer<Sentence>();
            foreach (ref readonly var t in story.Layer<Token>().Items)
                if (sentences.IndexAt(t.Span.Start) < 0 || !sentences[sentences.IndexAt(t.Span.Start)].Span.Contains(t.Span)) return false;
            return true;
        }

        private static bool Check<T>(Story story, SpanLayer<T> layer) where T : ISpanned
        {
            int previousEnd = 0;
            foreach (ref readonly var item in layer.Items)
            {
                var span = item.Span;
                if (span.Start < previousEnd || span.Length < 0 || span.End > story.Text.Length) return false;
                previousEnd = span.End;
            }
            return true;
        }
    }
}
