using Fabula.Text;

namespace Fabula.Content;

/// <summary>How much of an event the text shows: told about, shown, or shown in detail.</summary>
public enum Severity : byte { Mentioned = 1, Depicted = 2, Graphic = 3 }

/// <summary>
/// One category of the content-warning taxonomy (Data/content/categories.txt, docs/content.md):
/// its id (part of the JSON contract), its name, the AO3 archive warning it maps to (if any) and
/// its labels in the Webis Trigger Warning Corpus 2022.
/// </summary>
public sealed record ContentCategory(int Index, string Id, string Name, string? ArchiveWarning, IReadOnlyList<string> WebisLabels)
{
    public ulong Bit => 1UL << Index;
}

/// <summary>The categories, loaded once from Data/content/categories.txt.</summary>
public static class ContentTaxonomy
{
    public static IReadOnlyList<ContentCategory> All { get; } = Load();

    private static readonly Dictionary<string, ContentCategory> ById = BuildIndex();

    public static ContentCategory Get(string id) =>
        ById.TryGetValue(id, out var category) ? category
        : throw new InvalidOperationException($"Unknown content category '{id}' (see Data/content/categories.txt).");

    public static bool TryGet(string id, out ContentCategory category) => ById.TryGetValue(id, out category!);

    // The ids the code names directly; the data file must define them.
    public static readonly ContentCategory SexualContent = Get("sexual-content");
    public static readonly ContentCategory SexualViolence = Get("sexual-violence");
    public static readonly ContentCategory Underage = Get("underage");
    public static readonly ContentCategory ChildAbuse = Get("child-abuse");
    public static readonly ContentCategory DomesticAbuse = Get("domestic-abuse");
    public static readonly ContentCategory Violence = Get("violence");
    public static readonly ContentCategory GraphicViolence = Get("graphic-violence");
    public static readonly ContentCategory Death = Get("death");
    public static readonly ContentCategory Suicide = Get("suicide");
    public static readonly ContentCategory SelfHarm = Get("self-harm");
    public static readonly ContentCategory Drugging = Get("drugging");
    public static readonly ContentCategory Profanity = Get("profanity");
    public static readonly ContentCategory AnimalCruelty = Get("animal-cruelty");
    public static readonly ContentCategory Medical = Get("medical");
    public static readonly ContentCategory Torture = Get("torture");

    private static List<ContentCategory> Load()
    {
        var list = new List<ContentCategory>();
        foreach (var line in WordList.Lines("content/categories.txt"))
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length != 4) throw new InvalidOperationException($"categories.txt: expected 4 fields in '{line}'.");
            string? warning = f[2] == "-" ? null : f[2];
            var webis = f[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            list.Add(new ContentCategory(list.Count, f[0], f[1], warning, webis));
        }
        if (list.Count > 64) throw new InvalidOperationException("At most 64 content categories (they are bits of a mask).");
        return list;
    }

    private static Dictionary<string, ContentCategory> BuildIndex()
    {
        var index = new Dictionary<string, ContentCategory>(StringComparer.Ordinal);
        foreach (var c in All) index.Add(c.Id, c);
        return index;
    }
}
