using Fabula.Cast;
using Fabula.Dialogue;
using Fabula.Quotations;
using Fabula.Text;

namespace Fabula.Evaluation;

/// <summary>
/// Speaker accuracy of one book: of the gold quotations we found (<see cref="QuotationMatch"/>) that
/// have a gold speaker (ATTRIB), how many we give to the character matched to that speaker entity.
/// A gold entity is matched to the character of ours with most name mentions inside the entity's
/// mentions in the excerpt (any PER entity, as in <see cref="CastScore"/> but without its size floor;
/// a mention outside every chain that LitBank links to one by apposition or copula counts as the chain's).
/// An entity no name matches (someone the excerpt only describes, "the stranger", or an unnamed
/// first-person narrator) is matched the same way through our descriptions ("the stranger") and our
/// first-person pronouns in the narration, among the characters no name matched to another entity.
/// Pronouns inside quotations never count: we resolve them from our own attributions.
/// A quotation whose gold speaker has no matched character counts as wrong (<c>Unmatched</c> says how many).
/// <c>ByMethod</c> counts found quotations and right ones by the method of our attribution;
/// <c>Checks</c> lists each scored quotation, for reading the errors.
/// </summary>
public sealed record SpeakerScore(int Found, int Right, int Unmatched, int[] FoundByMethod, int[] RightByMethod, IReadOnlyList<SpeakerCheck> Checks)
{
    public const string Rule =
        "of the gold quotations we found that have an ATTRIB, the share whose speaker is our character matched to the " +
        "gold speaker entity (the character with most name mentions inside that entity's mentions in the excerpt, with the " +
        "mentions linked to them by APPOS or COP; for " +
        "an entity no name matches, the same through our descriptions and narration's first-person pronouns, among characters " +
        "no name matched elsewhere); an unmatched gold speaker counts as wrong.";

    private static readonly int Methods = Enum.GetValues<AttributionMethod>().Length;

    public static SpeakerScore Empty => new(0, 0, 0, new int[Methods], new int[Methods], []);

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
        return new SpeakerScore(Found + other.Found, Right + other.Right, Unmatched + other.Unmatched, found, right, [.. Checks, .. other.Checks]);
    }

    public static SpeakerScore Of(Story story, ExcerptAlignment alignment, LitBankBook book, QuotationMatch match)
    {
        if (!story.Has<Attribution>()) return Empty;
        var matched = MatchEntities(story, alignment, book);
        var described = Descriptions(book);
        var speakerOf = new Dictionary<string, string>();
        foreach (var a in book.Attributions) speakerOf[a.QuoteId] = a.SpeakerEntityId;
        var attributions = story.Layer<Attribution>();
        int found = 0, right = 0, unmatched = 0;
        var checks = new List<SpeakerCheck>();
        var cast = story.Get<CastList>();
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
            var verdict = !has ? SpeakerVerdict.Unmatched : attribution.Speaker == character ? SpeakerVerdict.Right : SpeakerVerdict.Wrong;
            checks.Add(new SpeakerCheck(book.Name, attribution.Span, verdict, attribution.Method, described.GetValueOrDefault(entity, entity),
                has ? cast[character].Name : "", attribution.Speaker >= 0 ? cast[attribution.Speaker].Name : "", book.Quotes[q].Text));
            if (!has) { unmatched++; continue; }
            if (attribution.Speaker != character) continue;
            right++;
            rightBy[(int)attribution.Method]++;
        }
        return new SpeakerScore(found, right, unmatched, foundBy, rightBy, checks);
    }

    // Each gold entity in words: its first proper name, else its first description, else its first mention.
    private static Dictionary<string, string> Descriptions(LitBankBook book)
    {
        var entityOf = new Dictionary<string, string>();
        foreach (var c in book.Coreferences) entityOf[c.MentionId] = c.EntityId;
        var best = new Dictionary<string, (string Text, int Rank)>(); // rank: 0 proper name, 1 description, 2 other
        foreach (var m in book.Mentions)
        {
            if (!entityOf.TryGetValue(m.Id, out var entity)) continue;
            int rank = m.MentionKind switch { "PROP" => 0, "NOM" => 1, _ => 2 };
            if (!best.TryGetValue(entity, out var b) || rank < b.Rank) best[entity] = (m.Text, rank);
        }
        var described = new Dictionary<string, string>();
        foreach (var (entity, b) in best) described[entity] = b.Text;
        return described;
    }

    /// <summary>
    /// Each gold PER entity to the character of ours with most name mentions inside its mentions; an
    /// entity no name reaches, through our descriptions and first-person pronouns in the narration.
    /// </summary>
    private static Dictionary<string, int> MatchEntities(Story story, ExcerptAlignment alignment, LitBankBook book)
    {
        var entityOf = new Dictionary<string, string>();
        foreach (var c in book.Coreferences) entityOf[c.MentionId] = c.EntityId;
        // LitBank keeps an apposition or a copula's other side out of the chain and links it instead ("my good
        // friend, Master John Rolfe": APPOS; "I am Parson Tringham": COP). The linked name names the same person.
        foreach (var link in book.MentionLinks)
        {
            if (link.Kind is not ("APPOS" or "COP")) continue;
            if (entityOf.TryGetValue(link.FirstMentionId, out var first)) entityOf.TryAdd(link.SecondMentionId, first);
            else if (entityOf.TryGetValue(link.SecondMentionId, out var second)) entityOf.TryAdd(link.FirstMentionId, second);
        }
        var gold = new List<(TextSpan Span, string Entity)>();
        foreach (var m in book.Mentions)
            if (m.EntityType == "PER" && entityOf.TryGetValue(m.Id, out var e) && alignment.Range(m.Tokens) is { } span)
                gold.Add((span, e));
        var byName = new Dictionary<(string Entity, int Character), int>();
        var byOther = new Dictionary<(string Entity, int Character), int>();
        var excerpt = alignment.Excerpt;
        var quotes = story.Layer<Quotation>();
        int quote = 0;
        foreach (ref readonly var m in story.Layer<Mention>().Items)
        {
            if (m.Character < 0 || !excerpt.Contains(m.Span)) continue;
            while (quote < quotes.Count && quotes[quote].Span.End <= m.Span.Start) quote++;
            bool inQuotation = quote < quotes.Count && quotes[quote].Span.Contains(m.Span);
            var votes = m.Kind switch
            {
                MentionKind.Name => byName,
                MentionKind.Nominal => byOther,
                _ => !inQuotation && IsFirstPerson(story.Text[m.Span]) ? byOther : null,
            };
            if (votes is null) continue;
            string? holder = null;
            int size = int.MaxValue;
            foreach (var g in gold)
                if (g.Span.Contains(m.Span) && g.Span.Length < size) (holder, size) = (g.Entity, g.Span.Length);
            if (holder is not null) votes[(holder, m.Character)] = votes.GetValueOrDefault((holder, m.Character)) + 1;
        }
        var matched = Best(byName, _ => true);
        var named = new HashSet<int>(matched.Values);
        foreach (var (entity, character) in Best(byOther, vote => !named.Contains(vote.Character) && !matched.ContainsKey(vote.Entity)))
            matched[entity] = character;
        return matched;
    }

    private static bool IsFirstPerson(ReadOnlySpan<char> word) =>
        word.Equals("I", StringComparison.Ordinal) || word.Equals("me", StringComparison.OrdinalIgnoreCase)
        || word.Equals("my", StringComparison.OrdinalIgnoreCase) || word.Equals("myself", StringComparison.OrdinalIgnoreCase)
        || word.Equals("mine", StringComparison.OrdinalIgnoreCase);

    // For each entity, the character with most votes (ties to the lower index), among the votes kept.
    private static Dictionary<string, int> Best(Dictionary<(string Entity, int Character), int> votes, Func<(string Entity, int Character), bool> keep)
    {
        var best = new Dictionary<string, (int Character, int Votes)>();
        foreach (var ((entity, character), n) in votes)
            if (keep((entity, character)) && (!best.TryGetValue(entity, out var b) || n > b.Votes || n == b.Votes && character < b.Character))
                best[entity] = (character, n);
        var matched = new Dictionary<string, int>();
        foreach (var (entity, b) in best) matched[entity] = b.Character;
        return matched;
    }
}

/// <summary>Whether a scored quotation's speaker is right, wrong, or its gold speaker matched none of our characters.</summary>
public enum SpeakerVerdict : byte { Right, Wrong, Unmatched }

/// <summary>
/// One scored quotation: its span in our text, the verdict, our method, the gold speaker in words,
/// the character matched to it, the character we gave (names; empty when none) and the gold text.
/// </summary>
public sealed record SpeakerCheck(string Book, TextSpan Span, SpeakerVerdict Verdict, AttributionMethod Method,
    string GoldSpeaker, string MatchedCharacter, string OurSpeaker, string Text)
{
    public const string Header = "book\tstart\tverdict\tmethod\tgold speaker\tmatched character\tour speaker\tquotation";

    public string ToTsvLine() =>
        $"{Book}\t{Span.Start}\t{Verdict.ToString().ToLowerInvariant()}\t{Method.ToString().ToLowerInvariant()}\t{Clean(GoldSpeaker)}\t{Clean(MatchedCharacter)}\t{Clean(OurSpeaker)}\t{Clean(Text)}";

    private static string Clean(string field) => field.Replace('\t', ' ').Replace('\n', ' ');
}
