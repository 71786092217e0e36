using static Fabula.Content.ContentTaxonomy;

namespace Fabula.Content;

/// <summary>
/// AO3's ratings and archive warnings, with the reasons that led to each. AO3 defines the ratings
/// (archiveofourown.org/faq/tutorial-posting-a-work-on-ao3, "Ratings and Warnings"): General
/// Audiences — suitable for all; Teen And Up Audiences — may be inappropriate under 13; Mature —
/// adult themes (sex, violence) not as graphic as Explicit; Explicit — explicit sexual content,
/// graphic violence and the like. A category counts at a severity when the noisy-or of its passages
/// at that severity or worse reaches <see cref="Established"/>.
/// </summary>
public static class RatingRules
{
    public const string General = "General Audiences";
    public const string Teen = "Teen And Up Audiences";
    public const string Mature = "Mature";
    public const string Explicit = "Explicit";
    public const string NotRated = "Not Rated";

    public const string GraphicViolenceWarning = "Graphic Depictions Of Violence";
    public const string MajorCharacterDeath = "Major Character Death";
    public const string RapeNonCon = "Rape/Non-Con";
    public const string UnderageSex = "Underage Sex";
    public const string UnderageOld = "Underage";
    public const string NoWarningsApply = "No Archive Warnings Apply";
    public const string ChoseNotToWarn = "Creator Chose Not To Use Archive Warnings";

    public static readonly string[] Ratings = [General, Teen, Mature, Explicit];

    /// <summary>The evidence mass a category needs at a severity to count for the rating.</summary>
    public const float Established = 0.6f;

    // Present in stories for every age: they add a warning but no rating.
    private static readonly HashSet<string> MildCategories = ["pregnancy", "medical"];

    public static int RatingLevel(string? rating) => rating is null ? -1 : Array.IndexOf(Ratings, rating);

    /// <summary>Noisy-or of the passages of a warning at <paramref name="severity"/> or worse (and, if asked, with a death aspect).</summary>
    public static float Evidence(ContentWarning? warning, Severity severity)
    {
        if (warning is null) return 0;
        double none = 1;
        foreach (var p in warning.Passages)
            if (p.Severity >= severity) none *= 1 - p.Confidence;
        return (float)(1 - none);
    }

    private static bool Counts(ContentFindings b, ContentCategory c, Severity s) => Evidence(b.Warning(c), s) >= Established;

    /// <summary>The rating and why: the highest level any rule reaches.</summary>
    public static (string Rating, List<string> Reasons) Rate(ContentFindings b)
    {
        var explicitReasons = new List<string>();
        var matureReasons = new List<string>();
        var teenReasons = new List<string>();

        // Explicit: sexual content shown explicitly, or a sexual assault or underage scene shown in detail.
        foreach (var c in new[] { SexualContent, SexualViolence, Underage })
            if (Counts(b, c, Severity.Graphic)) explicitReasons.Add(Reason(b, c, Severity.Graphic, "explicit"));

        // Mature: sex on the page, any sexual violence or underage content shown, graphic violence,
        // torture, suicide or self-harm shown, strong profanity used often.
        if (Counts(b, SexualContent, Severity.Depicted)) matureReasons.Add(Reason(b, SexualContent, Severity.Depicted, "on the page"));
        foreach (var c in new[] { SexualViolence, Underage })
            if (Counts(b, c, Severity.Mentioned)) matureReasons.Add(Reason(b, c, Severity.Mentioned, "present"));
        foreach (var c in new[] { GraphicViolence, Torture, Suicide, SelfHarm })
            if (Counts(b, c, Severity.Depicted)) matureReasons.Add(Reason(b, c, Severity.Depicted, "shown"));
        if (b.Warning(Profanity) is { } swearing && CountAt(swearing, Severity.Graphic) >= 5)
            matureReasons.Add($"profanity: {CountAt(swearing, Severity.Graphic)} strong words");

        // Teen And Up: violence or death shown, sexual references, mild profanity, and every other
        // category present except the mild ones.
        foreach (var warning in b.Warnings)
        {
            var c = warning.Category;
            if (c == SexualContent && Counts(b, c, Severity.Mentioned) && !Counts(b, c, Severity.Depicted))
                teenReasons.Add(Reason(b, c, Severity.Mentioned, "referenced"));
            else if (c == Profanity)
            {
                if (CountAt(warning, Severity.Depicted) >= 3) teenReasons.Add($"profanity: {CountAt(warning, Severity.Depicted)} words");
            }
            else if (c == Death)
            {
                if (Counts(b, c, Severity.Depicted)) teenReasons.Add(Reason(b, c, Severity.Depicted, "shown"));
            }
            else if (c != SexualContent && c != SexualViolence && c != Underage && !MildCategories.Contains(c.Id) && Counts(b, c, Severity.Mentioned))
                teenReasons.Add(Reason(b, c, Severity.Mentioned, warning.Severity >= Severity.Depicted ? "shown" : "mentioned"));
        }

        if (explicitReasons.Count > 0) return (Explicit, [.. explicitReasons, .. matureReasons]);
        if (matureReasons.Count > 0) return (Mature, matureReasons);
        if (teenReasons.Count > 0) return (Teen, teenReasons);
        return (General, ["no category reaches the evidence needed for Teen And Up Audiences"]);
    }

    /// <summary>The AO3 archive warnings the text supports, each with its reason.</summary>
    public static List<(string Warning, string Reason)> ArchiveWarnings(ContentFindings b)
    {
        var found = new List<(string, string)>();
        if (Counts(b, GraphicViolence, Severity.Graphic))
            found.Add((GraphicViolenceWarning, Reason(b, GraphicViolence, Severity.Graphic, "shown in detail")));
        if (b.MainCharacterDeath is { } death)
            found.Add((MajorCharacterDeath, death));
        if (Counts(b, SexualViolence, Severity.Depicted))
            found.Add((RapeNonCon, Reason(b, SexualViolence, Severity.Depicted, "shown")));
        if (Counts(b, Underage, Severity.Depicted) || Counts(b, Underage, Severity.Mentioned) && b.Warning(Underage)!.Passages.Count >= 2)
            found.Add((UnderageSex, Reason(b, Underage, Severity.Mentioned, "present")));
        return found;
    }

    private static int CountAt(ContentWarning w, Severity s)
    {
        int n = 0;
        foreach (var p in w.Passages) if (p.Severity >= s) n++;
        return n;
    }

    private static string Reason(ContentFindings b, ContentCategory c, Severity s, string how)
    {
        var w = b.Warning(c)!;
        int n = CountAt(w, s);
        int first = -1;
        foreach (var p in w.Passages) if (p.Severity >= s) { first = p.Passage.Start; break; }
        return $"{c.Id} {how}: {n} passage{(n == 1 ? "" : "s")}, first at {first} (evidence {Evidence(w, s):0.00})";
    }
}

/// <summary>The warnings of a story and, if any, the reason a main character's death was found.</summary>
public sealed record ContentFindings(IReadOnlyList<ContentWarning> Warnings, string? MainCharacterDeath)
{
    /// <summary>
    /// Categories whose passages are too weak to report a warning. They still count as evidence for
    /// a tag the author declared: the declaration and the passage corroborate each other.
    /// </summary>
    public IReadOnlyList<ContentWarning> Unreported { get; init; } = [];

    public ContentWarning? Warning(ContentCategory category)
    {
        foreach (var w in Warnings)
            if (w.Category == category) return w;
        return null;
    }
}
