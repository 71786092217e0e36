namespace Fabula.Evaluation;

/// <summary>Tokens from (StartSentence, StartToken) to (EndSentence, EndToken), both inclusive, 0-based, as in LitBank's .ann files.</summary>
public readonly record struct TokenRange(int StartSentence, int StartToken, int EndSentence, int EndToken);

/// <summary>A gold quotation: <c>QUOTE id startSent startTok endSent endTok text</c>. Its tokens include the marks.</summary>
public sealed record GoldQuote(string Id, TokenRange Tokens, string Text);

/// <summary>Who speaks a gold quotation: <c>ATTRIB quoteId speakerEntityId</c> (an entity id of the coreference file).</summary>
public sealed record GoldAttribution(string QuoteId, string SpeakerEntityId);

/// <summary>A gold mention: <c>MENTION id startSent startTok endSent endTok text type PROP|NOM|PRON</c>.</summary>
public sealed record GoldMention(string Id, TokenRange Tokens, string Text, string EntityType, string MentionKind);

/// <summary>A mention's entity: <c>COREF mentionId entityId</c>.</summary>
public sealed record GoldCoreference(string MentionId, string EntityId);

/// <summary>Another link between two mentions in the coreference file: COP (copula) or APPOS (apposition).</summary>
public sealed record GoldMentionLink(string Kind, string FirstMentionId, string SecondMentionId);

/// <summary>
/// One annotated LitBank book: the path of its whole novel, its tokenized excerpt, and the gold
/// quotations, speakers, mentions and coreference of the excerpt. Read from DIR/original,
/// DIR/quotations/tsv and DIR/coref/tsv; files that are missing give empty lists.
/// </summary>
public sealed record LitBankBook(
    string Name,
    string OriginalPath,
    IReadOnlyList<string[]> Sentences,
    IReadOnlyList<GoldQuote> Quotes,
    IReadOnlyList<GoldAttribution> Attributions,
    IReadOnlyList<GoldMention> Mentions,
    IReadOnlyList<GoldCoreference> Coreferences,
    IReadOnlyList<GoldMentionLink> MentionLinks)
{
    /// <summary>The names (e.g. 1342_pride_and_prejudice) of the books with gold quotations, sorted.</summary>
    public static IReadOnlyList<string> AnnotatedNames(string litbankDir)
    {
        string dir = Path.Combine(litbankDir, "quotations", "tsv");
        if (!Directory.Exists(dir)) throw new FabulaInputException($"{litbankDir} has no quotations/tsv folder");
        var names = new List<string>();
        foreach (string path in Directory.EnumerateFiles(dir, "*_brat.ann"))
        {
            string name = Path.GetFileName(path)[..^"_brat.ann".Length];
            if (File.Exists(Path.Combine(litbankDir, "original", name + ".txt"))) names.Add(name);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public static LitBankBook Load(string litbankDir, string name)
    {
        string quotations = Path.Combine(litbankDir, "quotations", "tsv", name + "_brat");
        string coref = Path.Combine(litbankDir, "coref", "tsv", name + "_brat");
        string excerpt = File.Exists(quotations + ".txt") ? quotations + ".txt" : coref + ".txt";
        var sentences = new List<string[]>();
        if (File.Exists(excerpt))
            foreach (string line in File.ReadLines(excerpt))
                sentences.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        var quotes = new List<GoldQuote>();
        var attributions = new List<GoldAttribution>();
        foreach (var f in Rows(quotations + ".ann"))
        {
            if (f[0] == "QUOTE" && f.Length >= 7) quotes.Add(new GoldQuote(f[1], Range(f, 2), f[6]));
            else if (f[0] == "ATTRIB" && f.Length >= 3) attributions.Add(new GoldAttribution(f[1], f[2]));
        }
        var mentions = new List<GoldMention>();
        var corefs = new List<GoldCoreference>();
        var links = new List<GoldMentionLink>();
        foreach (var f in Rows(coref + ".ann"))
        {
            if (f[0] == "MENTION" && f.Length >= 9) mentions.Add(new GoldMention(f[1], Range(f, 2), f[6], f[7], f[8]));
            else if (f[0] == "COREF" && f.Length >= 3) corefs.Add(new GoldCoreference(f[1], f[2]));
            else if (f.Length >= 3) links.Add(new GoldMentionLink(f[0], f[1], f[2]));
        }
        return new LitBankBook(name, Path.Combine(litbankDir, "original", name + ".txt"), sentences, quotes, attributions, mentions, corefs, links);
    }

    private static IEnumerable<string[]> Rows(string path)
    {
        if (!File.Exists(path)) yield break;
        foreach (string line in File.ReadLines(path))
            if (line.Length > 0) yield return line.Split('\t');
    }

    private static TokenRange Range(string[] f, int at)
    {
        if (!int.TryParse(f[at], out int a) || !int.TryParse(f[at + 1], out int b)
            || !int.TryParse(f[at + 2], out int c) || !int.TryParse(f[at + 3], out int d))
            throw new FabulaInputException($"bad token range in LitBank row: {string.Join(' ', f)}");
        return new TokenRange(a, b, c, d);
    }
}
