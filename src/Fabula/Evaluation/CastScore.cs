using Fabula.Cast;
using Fabula.Text;

namespace Fabula.Evaluation;

/// <summary>
/// How well the cast matches LitBank's gold coreference in one book's excerpt.
/// Gold characters: PER entities with a proper-name mention and at least 3 mentions in the excerpt.
/// A gold character is found when one of our characters' name mentions lies inside one of its
/// mentions; it is matched to the character of ours with most such name mentions.
/// Purity: of our characters with at least 2 name mentions inside gold PER mentions, the share whose
/// name mentions all lie in one gold entity's mentions (name mentions outside every PER mention are
/// not counted). Pronouns: gold he/she/him/her/his/hers/himself/herself mentions of found gold
/// characters that we resolve to the matched character.
/// </summary>
public sealed record CastScore(int GoldCharacters, int Found, int OursScored, int OursPure, int GoldPronouns, int PronounsRight)
{
    public const string Rule =
        "gold characters = PER entities with a PROP mention and >= 3 mentions in the excerpt; found = one of our " +
        "name mentions inside one of its mentions; purity over our characters with >= 2 name mentions inside gold " +
        "PER mentions; pronoun accuracy over gold he/she/him/her/his/hers/himself/herself of found characters.";

    private static readonly HashSet<string> ScoredPronouns = ["he", "she", "him", "her", "his", "hers", "himself", "herself"];

    public double Recall => GoldCharacters == 0 ? double.NaN : (double)Found / GoldCharacters;
    public double Purity => OursScored == 0 ? double.NaN : (double)OursPure / OursScored;
    public double PronounAccuracy => GoldPronouns == 0 ? double.NaN : (double)PronounsRight / GoldPronouns;

    public static CastScore Of(Story story, ExcerptAlignment alignment, LitBankBook book)
    {
        var entityOf = new Dictionary<string, string>();
        foreach (var c in book.Coreferences) entityOf[c.MentionId] = c.EntityId;
        var gold = new List<(TextSpan Span, string Entity, GoldMention Mention)>();
        foreach (var m in book.Mentions)
            if (m.EntityType == "PER" && entityOf.TryGetValue(m.Id, out var e) && alignment.Range(m.Tokens) is { } span)
                gold.Add((span, e, m));
        var characters = gold.GroupBy(g => g.Entity)
            .Where(g => g.Count() >= 3 && g.Any(x => x.Mention.MentionKind == "PROP"))
            .Select(g => g.Key).ToHashSet();

        // Our name mentions in the excerpt, each placed in the smallest gold PER mention that holds it.
        var excerpt = alignment.Excerpt;
        var namesIn = new Dictionary<int, List<string>>(); // our character -> entities of its name mentions
        var pronounAt = new Dictionary<int, int>();         // start offset -> our character, for pronouns
        foreach (ref readonly var m in story.Layer<Mention>().Items)
        {
            if (!excerpt.Contains(m.Span) || m.Character < 0) continue;
            if (m.Kind == MentionKind.Pronoun) { pronounAt[m.Span.Start] = m.Character; continue; }
            if (m.Kind != MentionKind.Name) continue;
            string? holder = null;
            int size = int.MaxValue;
            foreach (var g in gold)
                if (g.Span.Contains(m.Span) && g.Span.Length < size) { holder = g.Entity; size = g.Span.Length; }
            if (holder is null) continue;
            (namesIn.TryGetValue(m.Character, out var list) ? list : namesIn[m.Character] = []).Add(holder);
        }

        var matched = new Dictionary<string, int>();
        foreach (string entity in characters)
        {
            int best = -1, most = 0;
            foreach (var (c, entities) in namesIn)
            {
                int n = entities.Count(x => x == entity);
                if (n > most || n == most && n > 0 && c < best) { best = c; most = n; }
            }
            if (best >= 0) matched[entity] = best;
        }
        int scored = 0, pure = 0;
        foreach (var (_, entities) in namesIn)
        {
            if (entities.Count < 2) continue;
            scored++;
            if (entities.Distinct().Count() == 1) pure++;
        }
        int goldPronouns = 0, right = 0;
        foreach (var g in gold)
        {
            if (g.Mention.MentionKind != "PRON" || !matched.TryGetValue(g.Entity, out int ours)) continue;
            if (!ScoredPronouns.Contains(g.Mention.Text.ToLowerInvariant())) continue;
            goldPronouns++;
            if (pronounAt.TryGetValue(g.Span.Start, out int c) && c == ours) right++;
        }
        return new CastScore(characters.Count, matched.Count, scored, pure, goldPronouns, right);
    }
}
