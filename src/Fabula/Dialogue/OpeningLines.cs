using Fabula.Cast;
using Fabula.Quotations;
using Fabula.Structure;
using Fabula.Text;

namespace Fabula.Dialogue;

/// <summary>
/// A scene may open on a voice before it shows who speaks ("'TOM!' / No answer. / 'TOM!' / No answer. / ... The old lady
/// pulled her spectacles down ... and then said:"). Untagged lines that open a scene, each set apart by narration (no
/// exchange: no two of them in neighbouring paragraphs), are said by the one who speaks first after them, when the
/// narration of the scene up to that line shows no one else and the lines call someone other than them. Linear: one
/// pass over the quotations and the mentions.
/// </summary>
internal static class OpeningLines
{
    /// <summary>How many paragraphs from the first opening line the first known speaker may come.</summary>
    private const int Reach = 12;

    private const float Factor = 0.8f;

    public static void Fill(Story story, SpanLayer<Mention> mentions, CastList cast, int[] speaker, int[] vocative, float[] confidence, AttributionMethod[] method)
    {
        if (!story.Has<Scene>()) return;
        var quotes = story.Layer<Quotation>();
        var scenes = story.Layer<Scene>();
        int k = 0;
        foreach (ref readonly var scene in scenes.Items)
        {
            while (k < quotes.Count && quotes[k].Span.Start < scene.Span.Start) k++;
            if (k == quotes.Count) return;
            if (quotes[k].Span.Start >= scene.Span.End) continue;
            int first = k, last = k;
            // The run of untagged lines (no tag, no one acting beside them), each after narration.
            while (last < quotes.Count && quotes[last].Span.End <= scene.Span.End && Unknown(cast, quotes[last], speaker[last], method[last])
                   && (last == first || quotes[last].Paragraph > quotes[last - 1].LastParagraph + 1))
                last++;
            if (last == first || last == quotes.Count) continue;
            int known = last, who = speaker[known];
            if (who < 0 || quotes[known].Span.End > scene.Span.End || quotes[known].Paragraph <= quotes[known - 1].LastParagraph + 1
                || quotes[known].Paragraph - quotes[first].Paragraph > Reach)
                continue;
            if (!ShowsOnly(mentions, quotes, scene.Span.Start, quotes[known].Span.Start, who)) continue;
            bool callsThem = false;
            for (int q = first; q < last; q++) callsThem |= vocative[q] == who;
            if (callsThem) continue;
            for (int q = first; q < last; q++)
                (speaker[q], confidence[q], method[q]) = (who, confidence[known] * Factor, AttributionMethod.Continuation);
        }
    }

    // No tag and no one acting beside the line; a beat of an "I" in a story no one tells ("CHAPTER I") is no one.
    private static bool Unknown(CastList cast, Quotation line, int speaker, AttributionMethod method) =>
        method is AttributionMethod.None or AttributionMethod.Beat
        && (speaker == -1 || speaker == SpeakerFinder.NarratorId && cast.NarratorAt(line.Span.Start) < 0);

    // Whether the narration from a scene's start to a line mentions no one but the given character (outside the lines).
    private static bool ShowsOnly(SpanLayer<Mention> mentions, SpanLayer<Quotation> quotes, int from, int to, int character)
    {
        int q = 0;
        for (int m = mentions.FirstStartingAtOrAfter(from); m < mentions.Count && mentions[m].Span.Start < to; m++)
        {
            var mention = mentions[m];
            if (mention.Character < 0 || mention.Character == character) continue;
            while (q < quotes.Count && quotes[q].Span.End <= mention.Span.Start) q++;
            if (q < quotes.Count && quotes[q].Span.Start <= mention.Span.Start) continue; // said in a line
            return false;
        }
        return true;
    }
}
