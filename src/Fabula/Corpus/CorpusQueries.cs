using System.Data.Common;

namespace Fabula.Corpus;

/// <summary>The answer to a query: column names and rows of plain values (string, long, double, bool or null).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The questions <c>fabula query</c> answers, as SQL that runs unchanged on SQLite and PostgreSQL.
/// Names match case-insensitively (lower() on both sides).
/// </summary>
public static class CorpusQueries
{
    /// <summary>The works indexed: status, size and counts of what was found.</summary>
    public static QueryResult Works(CorpusDatabase db) => Run(db, """
        SELECT w.id AS work, w.status, w.title, w.words,
               (SELECT COUNT(*) FROM chapters c WHERE c.work_id = w.id) AS chapters,
               (SELECT COUNT(*) FROM characters c WHERE c.work_id = w.id) AS characters,
               (SELECT COUNT(*) FROM quotations q WHERE q.work_id = w.id) AS quotations,
               (SELECT COUNT(*) FROM warnings x WHERE x.work_id = w.id) AS warnings,
               w.error
        FROM works w ORDER BY w.id
        """);

    /// <summary>Works in which the content stage detected a warning, with how much evidence.</summary>
    public static QueryResult WorksWithWarning(CorpusDatabase db, string warning) => Run(db, """
        SELECT w.id AS work, w.title, x.warning, x.level AS severity, x.evidence_count AS passages, x.score AS confidence
        FROM warnings x JOIN works w ON w.id = x.work_id
        WHERE lower(x.warning) = lower(@a)
        ORDER BY x.evidence_count DESC, x.score DESC, w.id
        """, warning);

    /// <summary>Characters of a class in any taxonomy (or in the one given).</summary>
    public static QueryResult CharactersOfClass(CorpusDatabase db, string cls, string? taxonomy) => Run(db, """
        SELECT t.work_id AS work, t.member AS character, t.taxonomy, t.class, c.mentions
        FROM taxonomy_members t
        LEFT JOIN characters c ON c.work_id = t.work_id AND c.idx = t.character_idx
        WHERE lower(t.class) = lower(@a) AND (@b IS NULL OR lower(t.taxonomy) = lower(@b))
        ORDER BY t.work_id, c.mentions DESC, t.member, t.taxonomy
        """, cls, taxonomy);

    /// <summary>
    /// Works where two characters are linked by a relation of this kind (partners by default); with
    /// names, only the pairs of those two characters, in either order, by name or alias.
    /// </summary>
    public static QueryResult Related(CorpusDatabase db, string kind, string? first, string? second) => Run(db, """
        SELECT r.work_id AS work, w.title, COALESCE(a.name, r.source) AS first, COALESCE(b.name, r.target) AS second, r.kind
        FROM relations r
        JOIN works w ON w.id = r.work_id
        LEFT JOIN characters a ON a.work_id = r.work_id AND a.idx = r.source_idx
        LEFT JOIN characters b ON b.work_id = r.work_id AND b.idx = r.target_idx
        WHERE lower(r.kind) = lower(@a)
          AND (@b IS NULL OR EXISTS (SELECT 1 FROM character_names n WHERE n.work_id = r.work_id AND lower(n.name) = lower(@b)
                                      AND n.idx IN (r.source_idx, r.target_idx)))
          AND (@c IS NULL OR EXISTS (SELECT 1 FROM character_names n WHERE n.work_id = r.work_id AND lower(n.name) = lower(@c)
                                      AND n.idx IN (r.source_idx, r.target_idx)))
        ORDER BY r.work_id, r.idx
        """.Replace("character_names", CharacterNames), kind, first, second);

    /// <summary>The characters with the most quotations attributed to them (in one work, or across all).</summary>
    public static QueryResult TopSpeakers(CorpusDatabase db, string? work, int top) => Run(db, $"""
        SELECT q.work_id AS work, COALESCE(c.name, q.speaker) AS character, COUNT(*) AS quotations,
               CAST(SUM(q.end_offset - q.start_offset) AS BIGINT) AS chars
        FROM quotations q
        LEFT JOIN characters c ON c.work_id = q.work_id AND c.idx = q.speaker_idx
        WHERE (q.speaker_idx IS NOT NULL OR q.speaker IS NOT NULL) AND (@a IS NULL OR q.work_id = @a)
        GROUP BY q.work_id, COALESCE(c.name, q.speaker)
        ORDER BY quotations DESC, work, character
        LIMIT {Math.Max(1, top)}
        """, work);

    /// <summary>
    /// Works that declare their tags (an AO3 preface) but not a warning the content stage detected: the
    /// audit's verdict where the record has one, else no declared tag equal to the warning's name.
    /// </summary>
    public static QueryResult UndeclaredWarnings(CorpusDatabase db) => Run(db, """
        SELECT w.id AS work, w.title, w.rating, x.warning, x.evidence_count AS passages
        FROM warnings x JOIN works w ON w.id = x.work_id
        WHERE w.has_declared
          AND (x.declared = FALSE
               OR (x.declared IS NULL AND NOT EXISTS (
                    SELECT 1 FROM declared_tags d WHERE d.work_id = x.work_id AND lower(d.tag) = lower(x.warning))))
        ORDER BY w.id, x.warning
        """);

    /// <summary>Any read-only SQL; a statement that would write is refused by the database (read-only transaction).</summary>
    public static QueryResult Sql(CorpusDatabase db, string sql)
    {
        using var transaction = db.Connection.BeginTransaction();
        if (db.Dialect == SqlDialect.PostgreSql) db.Execute("SET TRANSACTION READ ONLY", transaction);
        else db.Execute("PRAGMA query_only = ON", transaction);
        try { return Run(db, sql, transaction); }
        catch (DbException e) { throw new FabulaInputException($"the query failed: {e.Message}"); }
        finally
        {
            if (db.Dialect == SqlDialect.Sqlite) db.Execute("PRAGMA query_only = OFF", transaction);
            transaction.Rollback();
        }
    }

    // Each character's name and aliases, one row each: lets a query name a character either way.
    private const string CharacterNames =
        "(SELECT work_id, idx, name FROM characters UNION SELECT work_id, character_idx, alias FROM character_aliases)";

    private static QueryResult Run(CorpusDatabase db, string sql, params object?[] args) => Run(db, sql, null, args);

    private static QueryResult Run(CorpusDatabase db, string sql, DbTransaction? transaction, params object?[] args)
    {
        using var command = db.Command(sql, transaction);
        for (int i = 0; i < args.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + (char)('a' + i);
            parameter.Value = args[i] ?? DBNull.Value;
            // PostgreSQL must know the type of a parameter that may be null ("@b IS NULL").
            parameter.DbType = System.Data.DbType.String;
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var columns = new string[reader.FieldCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = reader.GetName(c);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Length];
            for (int c = 0; c < row.Length; c++)
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c) switch
                {
                    int n => (long)n,
                    short n => (long)n,
                    decimal m => (double)m,
                    float f => (double)f,
                    var v => v,
                };
            rows.Add(row);
        }
        return new QueryResult(columns, rows);
    }
}
