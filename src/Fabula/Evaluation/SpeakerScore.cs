using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Text;

namespace Fabula.Evaluation;

/// <summary>
/// Speaker accuracy of one book: of the gold quotations we found (<see cref="QuotationMatch"/>) that
/// have a gold speaker (ATTRIB), how many we give to the character matched to that speaker entity.
/// A gold entity is matched to the character of ours with most name mentions inside the entity's
/// mentions in the excerpt (any PER entity, as in <see cref="CastScore"/> but without its size floor);
/// a quotation whose gold speaker has no matched character counts as wrong (<c>Unmatched</c> says how many).
/// <c>ByMethod</c> counts found quotations and right ones by the method of our attribution.
/// </summary>
public sealed record SpeakerScore(int Found, int Right, int Unmatched, int[] FoundByMethod, int[] RightByMethod)
{
    public const string Rule =
        "of the gold quotations we found that have an ATTRIB, the share whose speaker is our character matched to the " +
        "gold speaker entity (the character with most name mentions inside that entity's mentions in the excerpt); " +
        "an unmatched gold speaker counts as wrong.";

    private static readonly int Methods = Enum.GetValues<AttributionMethod>().Length;

    public static SpeakerScore Empty => new(0, 0, 0, new int[Methods], new int[Methods]);

    public double Accuracy => Found == 0 ? double.NaN : (double)Right / Found;

    public SpeakerScore Plus(SpeakerScore other)
    {
        var found = new int[Methods];
        var right = new int[Methods];
        for (int i = 0; i < Methods; i++)
        {
            found[i] = FoundByMethod[i] + other.FoundByMethod[i];
            right[i] = RightByMethod[i] + other.RightByMethod[i];
        }
        return new SpeakerScore(Found + other.Found, Right + other.Right, Unmatched + other.Unmatched, found, right);
    }

    public static SpeakerScore Of(Story story, ExcerptAlignment alignment, LitBankBook book, QuotationMatch match)
    {
        if (!story.Has<Attribution>()) return Empty;
        var matched = MatchEntities(story, alignment, book);
        var speakerOf = new Dictionary<string, string>();
        foreach (var a in book.Attributions) speakerOf[a.QuoteId] = a.SpeakerEntityId;
        var attributions = story.Layer<Attribution>();
        int found = 0, right = 0, unmatched = 0;
        var foundBy = new int[Methods];
        var rightBy = new int[Methods];
        for (int q = 0; q < book.Quotes.Count; q++)
        {
            int ours = match.OursOfGold[q];
            if (ours < 0 || !speakerOf.TryGetValue(book.Quotes[q].Id, out var entity)) continue;
            found++;
            var attribution = attributions[ours];
            foundBy[(int)attribution.Method]++;
            bool has = matched.TryGetValue(entity, out int character);
            if (!has) { unmatched++; continue; }
            if (attribution.Speaker != character) continue;
            right++;
            rightBy[(int)attribution.Method]++;
        }
        return new SpeakerScore(found, right, unmatched, foundBy, rightBy);
    }

    /// <summary>Each gold PER entity to the character of ours with most name mentions inside its mentions.</summary>
    private static Dictionary<string, int> MatchEntities(Story story, ExcerptAlignment alignment, LitBankBook book)
    {
        var entityOf = new Dictionary<string, string>();
        foreach (var c in book.Coreferences) entityOf[c.MentionId] = c.EntityId;
        var gold = new List<(TextSpan Span, string Entity)>();
        foreach (var m in book.Mentions)
            if (m.EntityType == "PER" && entityOf.TryGetValue(m.Id, out var e) && alignment.Range(m.Tokens) is { } span)
                gold.Add((span, e));
        var votes = new Dictionary<(string Entity, int Character), int>();
        var excerpt = alignment.Excerpt;
        foreach (ref readonly var m in story.Layer<Mention>().Items)
        {
            if (m.Kind != MentionKind.Name || m.Character < 0 || !excerpt.Contains(m.Span)) continue;
            string? holder = null;
            int size = int.MaxValue;
            foreach (var g in gold)
                if (g.Span.Contains(m.Span) && g.Span.Length < size) (holder, size) = (g.Entity, g.Span.Length);
            if (holder is not null) votes[(holder, m.Character)] = votes.GetValueOrDefault((holder, m.Character)) + 1;
        }
        var best = new Dictionary<string, (int Character, int Votes)>();
        foreach (var ((entity, character), n) in votes)
            if (!best.TryGetValue(entity, out var b) || n > b.Votes || n == b.Votes && character < b.Character)
                best[entity] = (character, n);
        var matched = new Dictionary<string, int>();
        foreach (var (entity, b) in best) matched[entity] = b.Character;
        return matched;
    }
}
