using System.Text.Json;

namespace Fabula.Corpus;

/// <summary>A table of the index and the columns the loader fills, in insert order (see <see cref="Migrations"/>).</summary>
public sealed record IndexTable(string Name, string[] Columns, string[]? JsonColumns = null);

/// <summary>The rows of one work, table by table, ready to insert.</summary>
public sealed class WorkRows(string id)
{
    public string Id => id;
    public Dictionary<IndexTable, List<object?[]>> Rows { get; } = [];

    public void Add(IndexTable table, params object?[] row)
    {
        if (row.Length != table.Columns.Length)
            throw new InvalidOperationException($"{table.Name}: {row.Length} values for {table.Columns.Length} columns");
        if (!Rows.TryGetValue(table, out var rows)) Rows[table] = rows = [];
        rows.Add(row);
    }

    public int Count(IndexTable table) => Rows.TryGetValue(table, out var rows) ? rows.Count : 0;
}

/// <summary>
/// THE mapping from a batch record (the JSON of <c>fabula analyze</c> plus id and status) to index rows:
/// every JSON member the index knows is read here and nowhere else. A section that is absent gives no
/// rows; a record of an older or newer contract loads what it has. The cast, dialogue, world and
/// content sections are read by their documented names (docs/json.md) with the few alternatives a
/// stage might choose; add a stage's new member here, and its column in the next migration.
/// </summary>
public static class IndexRows
{
    public static readonly IndexTable Works = new("works",
        ["id", "status", "error", "path", "format", "title", "author", "rating", "words", "chars", "paragraphs", "sentences", "tokens",
         "json_schema_version", "has_declared", "record", "indexed_at", "detected_rating", "reading_minutes"], JsonColumns: ["record"]);
    public static readonly IndexTable Chapters = new("chapters", ["work_id", "idx", "title", "start_offset", "end_offset"]);
    public static readonly IndexTable Scenes = new("scenes", ["work_id", "idx", "chapter_idx", "start_offset", "end_offset"]);
    public static readonly IndexTable Characters = new("characters", ["work_id", "idx", "name", "gender", "mentions", "quotes", "character_id", "pronouns", "importance"]);
    public static readonly IndexTable CharacterAliases = new("character_aliases", ["work_id", "character_idx", "alias"]);
    public static readonly IndexTable Quotations = new("quotations", ["work_id", "idx", "start_offset", "end_offset", "text", "speaker_idx", "speaker", "addressee_idx"]);
    public static readonly IndexTable Relations = new("relations", ["work_id", "idx", "kind", "source_idx", "source", "target_idx", "target", "evidence_start", "evidence_end"]);
    public static readonly IndexTable TaxonomyMembers = new("taxonomy_members", ["work_id", "taxonomy", "class", "member", "character_idx"]);
    public static readonly IndexTable Warnings = new("warnings", ["work_id", "idx", "warning", "level", "score", "evidence_count", "evidence_start", "evidence_end", "declared"]);
    public static readonly IndexTable DeclaredTags = new("declared_tags", ["work_id", "kind", "tag"]);

    /// <summary>Children first: the order to delete a work's rows in (its works row last).</summary>
    public static readonly IReadOnlyList<IndexTable> Tables =
        [Chapters, Scenes, CharacterAliases, Quotations, Relations, TaxonomyMembers, Warnings, DeclaredTags, Characters, Works];

    /// <summary>The rows of one record line; null when the line has no id (it is not a batch record).</summary>
    public static WorkRows? From(string line)
    {
        using var json = JsonDocument.Parse(line);
        var record = json.RootElement;
        if (record.ValueKind != JsonValueKind.Object || Text(record, "id") is not { Length: > 0 } id) return null;
        var rows = new WorkRows(id);
        bool ok = Text(record, "status") is null or "ok";
        var source = Member(record, "source");
        var declared = source is { } s ? Member(s, "declared") : null;

        rows.Add(Works, id, ok ? "ok" : "error", Text(record, "error"),
            Text(source, "path"), Text(source, "format"), Text(source, "title"), Text(source, "author"), Text(declared, "rating"),
            Number(source, "words"), Number(source, "chars"),
            Count(record, "paragraphs"), Count(record, "sentences"), Count(record, "tokens"),
            Number(record, "schemaVersion"), declared is not null, ok ? line : null, DateTime.UtcNow.ToString("O"),
            Text(Member(record, "content"), "rating"), Real(Path(record, "content", "readingTime"), "minutes"));
        if (!ok) return rows;

        foreach (var (i, chapter) in Items(record, "chapters"))
            rows.Add(Chapters, id, Number(chapter, "index") ?? i, Text(chapter, "title"), Number(chapter, "start") ?? 0, Number(chapter, "end") ?? 0);
        foreach (var (i, scene) in Items(record, "scenes"))
            rows.Add(Scenes, id, Number(scene, "index") ?? i, Number(scene, "chapter"), Number(scene, "start") ?? 0, Number(scene, "end") ?? 0);

        var cast = AddCharacters(rows, record);
        AddQuotations(rows, record, cast);
        AddRelations(rows, record, cast);
        AddTaxonomies(rows, record, cast);
        AddWarnings(rows, record);
        if (declared is { } d) AddDeclaredTags(rows, d);
        return rows;
    }

    /// <summary>
    /// The cast of one record, to resolve references to characters: by the cast stage's id ("c0"), by
    /// index, or by name or alias (case-insensitive).
    /// </summary>
    private sealed class Cast
    {
        public readonly Dictionary<long, string> Names = [];
        public readonly Dictionary<string, long> Ids = new(StringComparer.Ordinal);
        public readonly Dictionary<string, long> Indexes = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>A reference to a character: its id, its index, its name, or an object with one of them.</summary>
        public (long? Index, string? Name) Resolve(JsonElement? reference)
        {
            if (reference is not { } r) return (null, null);
            switch (r.ValueKind)
            {
                case JsonValueKind.Number when r.TryGetInt64(out long index):
                    return (index, Names.GetValueOrDefault(index));
                case JsonValueKind.String:
                    string key = r.GetString()!;
                    if (Ids.TryGetValue(key, out long byId)) return (byId, Names.GetValueOrDefault(byId));
                    return (Indexes.TryGetValue(key, out long found) ? found : null, key);
                case JsonValueKind.Object:
                    var (i, n) = Resolve(Member(r, "characterId") ?? Member(r, "character") ?? Member(r, "id") ?? Member(r, "index"));
                    n = Text(r, "name") ?? n;
                    return (i ?? (n is not null && Indexes.TryGetValue(n, out long byName) ? byName : null), n);
                default:
                    return (null, null);
            }
        }
    }

    private static Cast AddCharacters(WorkRows rows, JsonElement record)
    {
        var cast = new Cast();
        var list = Member(record, "characters") ?? Path(record, "cast", "characters")
            ?? (Member(record, "cast") is { ValueKind: JsonValueKind.Array } c ? c : null);
        foreach (var (i, character) in Items(list))
        {
            long index = Number(character, "index") ?? Number(character, "id") ?? i;
            string? id = Text(character, "id");
            string name = Text(character, "name") ?? Text(character, "canonicalName") ?? Text(character, "label") ?? $"character {index}";
            string? importance = Text(character, "importance");
            rows.Add(Characters, rows.Id, index, name, Text(character, "gender"),
                Count(character, "mentions") ?? Number(character, "mentionCount"), Count(character, "quotes") ?? Number(character, "quoteCount") ?? Number(Member(character, "dialogue"), "quotes"),
                id, Text(character, "pronouns"), importance);
            cast.Names[index] = name;
            if (id is not null) cast.Ids.TryAdd(id, index);
            cast.Indexes.TryAdd(name, index);
            // Importance (main, secondary, minor) is a class too: `fabula query class main`.
            if (importance is not null) rows.Add(TaxonomyMembers, rows.Id, "importance", importance, name, index);
            foreach (var (_, alias) in Items(character, "aliases"))
                if ((alias.ValueKind == JsonValueKind.String ? alias.GetString() : Text(alias, "name") ?? Text(alias, "text")) is { } a)
                {
                    rows.Add(CharacterAliases, rows.Id, index, a);
                    cast.Indexes.TryAdd(a, index);
                }
            // A class given on the character itself: "class": "servant", or "classes": {"role": "servant"}.
            if (Text(character, "class") is { } single) rows.Add(TaxonomyMembers, rows.Id, "class", single, name, index);
            if (Member(character, "classes") is { ValueKind: JsonValueKind.Object } classes)
                foreach (var taxonomy in classes.EnumerateObject())
                    foreach (string cls in Strings(taxonomy.Value))
                        rows.Add(TaxonomyMembers, rows.Id, taxonomy.Name, cls, name, index);
        }
        return cast;
    }

    private static void AddQuotations(WorkRows rows, JsonElement record, Cast cast)
    {
        var list = Member(record, "quotes") ?? Member(record, "quotations") ?? Path(record, "dialogue", "quotes");
        foreach (var (i, quote) in Items(list))
        {
            var speaker = cast.Resolve(Member(quote, "speaker") ?? Member(quote, "speakerId"));
            var addressee = cast.Resolve(Member(quote, "addressee") ?? Member(quote, "addresseeId") ?? Member(quote, "listener"));
            rows.Add(Quotations, rows.Id, i, Number(quote, "start") ?? 0, Number(quote, "end") ?? 0, Text(quote, "text"),
                speaker.Index, speaker.Name, addressee.Index);
        }
    }

    private static void AddRelations(WorkRows rows, JsonElement record, Cast cast)
    {
        var list = Member(record, "relations") ?? Path(record, "world", "relations") ?? Path(record, "cast", "relations");
        foreach (var (i, relation) in Items(list))
        {
            var between = Member(relation, "characters") ?? Member(relation, "between");
            var pair = between is { ValueKind: JsonValueKind.Array } b && b.GetArrayLength() == 2 ? (b[0], b[1]) : ((JsonElement, JsonElement)?)null;
            // The relation stage writes {a, b, type, stage, atEnd, evidence} (docs/json.md); the other shapes are older guesses.
            var source = cast.Resolve(pair?.Item1 ?? Member(relation, "a") ?? Member(relation, "source") ?? Member(relation, "from"));
            var target = cast.Resolve(pair?.Item2 ?? Member(relation, "b") ?? Member(relation, "target") ?? Member(relation, "to"));
            var (start, end) = Evidence(relation, out _);
            rows.Add(Relations, rows.Id, i, Text(relation, "type") ?? Text(relation, "kind") ?? Text(relation, "relation") ?? "related",
                source.Index, source.Name, target.Index, target.Name, start, end);
        }
    }

    /// <summary>
    /// Taxonomies: {"taxonomy": {"class": [members]}}, or a list of {"name", "classes"}; a class may be a
    /// list of {"name"|"class", "members"}. A member is a character index, a name, or an object.
    /// </summary>
    private static void AddTaxonomies(WorkRows rows, JsonElement record, Cast cast)
    {
        var all = Member(record, "taxonomies") ?? Path(record, "world", "taxonomies");
        if (all is not { } taxonomies) return;
        if (taxonomies.ValueKind == JsonValueKind.Object)
            foreach (var taxonomy in taxonomies.EnumerateObject())
                AddClasses(rows, taxonomy.Name, taxonomy.Value, cast);
        else
            foreach (var (i, taxonomy) in Items(taxonomies))
                AddClasses(rows, Text(taxonomy, "name") ?? Text(taxonomy, "taxonomy") ?? $"taxonomy {i}",
                    Member(taxonomy, "classes") ?? taxonomy, cast);
    }

    private static void AddClasses(WorkRows rows, string taxonomy, JsonElement classes, Cast cast)
    {
        if (classes.ValueKind == JsonValueKind.Object && Member(classes, "classes") is null)
        {
            foreach (var cls in classes.EnumerateObject())
                AddMembers(rows, taxonomy, cls.Name, cls.Value, cast);
        }
        else
            foreach (var (_, cls) in Items(classes))
                if ((Text(cls, "name") ?? Text(cls, "class") ?? Text(cls, "label")) is { } name)
                    AddMembers(rows, taxonomy, name, Member(cls, "members") ?? Member(cls, "characters") ?? Member(cls, "items"), cast);
    }

    private static void AddMembers(WorkRows rows, string taxonomy, string cls, JsonElement? members, Cast cast)
    {
        foreach (var (_, member) in Items(members))
        {
            var (index, name) = cast.Resolve(member);
            name ??= Text(member, "text") ?? Text(member, "term");
            if (name is not null) rows.Add(TaxonomyMembers, rows.Id, taxonomy, cls, name, index);
        }
    }

    /// <summary>
    /// Detected warnings: content.warnings, {category, severity, confidence, passages, evidence}. The
    /// audit (AO3 downloads only) lists in "missing" the category ids found but not declared: a warning
    /// it lists is undeclared, any other it has seen is declared; without an audit, unknown (null).
    /// </summary>
    private static void AddWarnings(WorkRows rows, JsonElement record)
    {
        var list = Path(record, "content", "warnings") ?? Member(record, "warnings");
        var audit = Path(record, "content", "audit");
        var undeclared = AuditNames(audit, "missing", "undeclared");
        int i = 0;
        void Add(string warning, JsonElement detail)
        {
            var (start, end) = Evidence(detail, out int count);
            bool? isDeclared = Bool(detail, "declared") ?? (audit is null ? null : !undeclared.Contains(warning));
            string? level = Text(detail, "severity") ?? Text(detail, "level");
            double? score = Real(detail, "confidence") ?? Real(detail, "score");
            long passages = Number(detail, "passages") ?? count;
            rows.Add(Warnings, rows.Id, i++, warning, level, score, passages, start, end, isDeclared);
        }
        if (list is { ValueKind: JsonValueKind.Object } byName)
            foreach (var warning in byName.EnumerateObject()) Add(warning.Name, warning.Value);
        else
            foreach (var (_, warning) in Items(list))
                if (warning.ValueKind == JsonValueKind.String) Add(warning.GetString()!, warning);
                else if ((Text(warning, "category") ?? Text(warning, "warning") ?? Text(warning, "name") ?? Text(warning, "id")) is { } name)
                    Add(name, warning);
    }

    private static HashSet<string> AuditNames(JsonElement? audit, params string[] members)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string member in members)
            foreach (var (_, item) in Items(audit, member))
                if ((item.ValueKind == JsonValueKind.String ? item.GetString() : Text(item, "warning") ?? Text(item, "name") ?? Text(item, "id")) is { } name)
                    names.Add(name);
        return names;
    }

    /// <summary>Every list of strings (and the rating) that an AO3 preface declares, by its member name.</summary>
    private static void AddDeclaredTags(WorkRows rows, JsonElement declared)
    {
        foreach (var property in declared.EnumerateObject())
        {
            if (property.Name is "summary" or "notes") continue;
            foreach (string tag in Strings(property.Value))
                rows.Add(DeclaredTags, rows.Id, property.Name, tag);
        }
    }

    // Evidence: {"start","end"}, or "evidence": [{"start","end"}, ...] (the first is kept, all are counted).
    private static (long? Start, long? End) Evidence(JsonElement item, out int count)
    {
        count = 0;
        if (item.ValueKind != JsonValueKind.Object) return (null, null);
        if (Member(item, "evidence") is { } evidence)
        {
            if (evidence.ValueKind == JsonValueKind.Array)
            {
                count = evidence.GetArrayLength();
                return count > 0 ? (Number(evidence[0], "start"), Number(evidence[0], "end")) : (null, null);
            }
            count = 1;
            return (Number(evidence, "start"), Number(evidence, "end"));
        }
        long? start = Number(item, "start");
        if (start is not null) count = 1;
        return (start, Number(item, "end"));
    }

    // Small readers that accept absence: a missing member, or one of another type, is null.
    private static JsonElement? Member(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement? Path(JsonElement element, string first, string second) => Member(Member(element, first), second);

    private static string? Text(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static long? Number(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out long n) ? n : null;

    private static double? Real(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static bool? Bool(JsonElement? element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    /// <summary>A count given as a number, or as the length of a list.</summary>
    private static long? Count(JsonElement? element, string name) => Member(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt64(out long n) => n,
        { ValueKind: JsonValueKind.Array } v => v.GetArrayLength(),
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) { yield return value.GetString()!; yield break; }
        if (value.ValueKind != JsonValueKind.Array) yield break;
        foreach (var item in value.EnumerateArray())
            if (item.ValueKind == JsonValueKind.String) yield return item.GetString()!;
    }

    private static IEnumerable<(int, JsonElement)> Items(JsonElement? element, string name) => Items(Member(element, name));

    private static IEnumerable<(int, JsonElement)> Items(JsonElement? list)
    {
        if (list is not { ValueKind: JsonValueKind.Array } array) yield break;
        int i = 0;
        foreach (var item in array.EnumerateArray()) yield return (i++, item);
    }
}
