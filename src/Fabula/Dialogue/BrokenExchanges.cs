namespace Fabula.Dialogue;

/// <summary>
/// An exchange of two people goes on across a paragraph of narration that names no one the tags could use
/// ("The switch hovered in the air--" between the aunt's line and the boy's). After the turn-taking passes,
/// a turn still unknown whose neighbours, up to one such paragraph away, are known is read from them:
/// a line that calls the last speaker by name ("Look behind you, aunt!") is said by the one the last speaker
/// was talking to; a line between two turns of one speaker (A, narration, ?, A) is said by the other party
/// of A's line before it. A tag that names someone the cast does not know ("said my brother's wife") names the one
/// the answer opens by calling ("My dear Rose," I answered). Of three present, a line that calls the one the last speaker
/// was talking to is said by the third. Linear: one pass over the turns.
/// </summary>
internal static class BrokenExchanges
{
    private const float Factor = 0.8f;

    public static void Fill(List<SpeakerFinder.Turn> turns, int[] speaker, int[] addressee, int[] vocative, int[] partner, float[] confidence,
        AttributionMethod[] method, Dictionary<int, int[]> calledPresent)
    {
        for (int i = 0; i < turns.Count; i++)
        {
            if (Who(turns[i], speaker) != -1) continue;
            // A tag that names someone the cast does not know ("said my brother's wife") names the one the answer's first
            // line calls by name ("My dear Rose," I answered); else it is someone else ("cried one of the women").
            // A beat of someone unknown ("the rough voice sounded gentler") may be either party.
            if (Tagged(turns[i], method))
            {
                if (i + 1 < turns.Count && turns[i + 1].FirstParagraph == turns[i].LastParagraph + 1
                    && Who(turns[i + 1], speaker) is var answering and not -1 && vocative[turns[i + 1].First] is var named and >= 0 && named != answering)
                    for (int k = turns[i].First; k <= turns[i].Last; k++)
                        if (speaker[k] == -1)
                            (speaker[k], confidence[k]) = (named, Confidence(turns[i + 1], confidence) * Factor);
                continue;
            }
            if (i == 0) continue;
            var previous = turns[i - 1];
            int gap = turns[i].FirstParagraph - previous.LastParagraph;
            if (gap is < 1 or > 2) continue;
            int a = Who(previous, speaker);
            if (a == -1) continue;
            int b = Partner(previous, a, addressee, vocative, partner);
            int own = Own(turns[i], vocative);
            // Of three present, a line that calls the one the last speaker was talking to ("Why, I did sew it with white! Tom!"
            // after Sid's tale about Tom) answers the last speaker: it is said by the third, the latest other person present.
            if (b >= 0 && b == own && gap == 1 && !Tagged(turns[i], method) && calledPresent.TryGetValue(turns[i].First, out var present))
            {
                int third = -1;
                foreach (int c in present)
                    if (c != a && c != own) { third = c; break; }
                if (third >= 0)
                    for (int k = turns[i].First; k <= turns[i].Last; k++)
                        if (speaker[k] == -1)
                            (speaker[k], confidence[k], method[k]) = (third, Confidence(previous, confidence) * Factor * Factor, AttributionMethod.TurnTaking);
                continue;
            }
            if (b == -1 || b == own) continue;
            bool calls = own >= 0 && own == a;
            bool between = false;
            if (!calls && i + 1 < turns.Count && turns[i + 1].FirstParagraph - turns[i].LastParagraph is 1 or 2)
                between = Who(turns[i + 1], speaker) == a;
            if (!calls && !between) continue;
            float sure = Confidence(previous, confidence) * Factor;
            for (int k = turns[i].First; k <= turns[i].Last; k++)
                if (speaker[k] == -1)
                    (speaker[k], confidence[k], method[k]) = (b, sure, calls ? AttributionMethod.Vocative : AttributionMethod.TurnTaking);
        }
    }

    // The turn's speaker: the first of its quotations with one (a character or the narrator), else -1.
    private static int Who(SpeakerFinder.Turn turn, int[] speaker)
    {
        for (int k = turn.First; k <= turn.Last; k++)
            if (speaker[k] != -1) return speaker[k];
        return -1;
    }

    private static bool Tagged(SpeakerFinder.Turn turn, AttributionMethod[] method)
    {
        for (int k = turn.First; k <= turn.Last; k++)
            if (method[k] is AttributionMethod.Explicit or AttributionMethod.Pronoun or AttributionMethod.Nominal) return true;
        return false;
    }

    private static float Confidence(SpeakerFinder.Turn turn, float[] confidence)
    {
        float best = 0;
        for (int k = turn.First; k <= turn.Last; k++) best = Math.Max(best, confidence[k]);
        return best;
    }

    // The one a turn calls by name, else -1.
    private static int Own(SpeakerFinder.Turn turn, int[] vocative)
    {
        for (int k = turn.First; k <= turn.Last; k++)
            if (vocative[k] >= 0) return vocative[k];
        return -1;
    }

    // The one a turn is said to: its addressee, else whom it calls, else its partner; never its own speaker.
    private static int Partner(SpeakerFinder.Turn turn, int who, int[] addressee, int[] vocative, int[] partner)
    {
        for (int k = turn.First; k <= turn.Last; k++)
            if (addressee[k] != -1 && addressee[k] != who) return addressee[k];
        for (int k = turn.First; k <= turn.Last; k++)
            if (vocative[k] >= 0 && vocative[k] != who) return vocative[k];
        for (int k = turn.First; k <= turn.Last; k++)
            if (partner[k] >= 0 && partner[k] != who) return partner[k];
        return -1;
    }
}
