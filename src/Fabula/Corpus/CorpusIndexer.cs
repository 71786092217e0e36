using System.Data.Common;
using System.Text.Json;

namespace Fabula.Corpus;

/// <summary>Counts of one <c>fabula index</c> run: works loaded (ok and error records), lines refused.</summary>
public readonly record struct IndexSummary(long Works, long ErrorRecords, long Refused, long Rows);

/// <summary>
/// Loads batch records into the index. A work already there is replaced (all its rows), so loading the
/// same results twice, or shards that overlap, still leaves each work once. Works are committed in
/// groups; a group that fails is retried one work at a time, so one bad record refuses only itself.
/// </summary>
public sealed class CorpusIndexer(CorpusDatabase db, int group = 200)
{
    /// <summary>Loads the lines (each with where it came from, for messages); <paramref name="refused"/> hears of each refused line.</summary>
    public IndexSummary Load(IEnumerable<(string Where, string Line)> lines, Action<string>? refused = null)
    {
        long works = 0, errorRecords = 0, refusedCount = 0, rowCount = 0;
        var pending = new List<(string Where, WorkRows Rows)>(group);

        void Flush()
        {
            if (pending.Count == 0) return;
            try { rowCount += Insert(pending); works += pending.Count; errorRecords += CountErrors(pending); }
            catch (DbException)
            {
                foreach (var one in pending)
                    try { rowCount += Insert([one]); works++; errorRecords += CountErrors([one]); }
                    catch (DbException e) { refusedCount++; refused?.Invoke($"{one.Where}: work {one.Rows.Id} refused by the database: {e.Message}"); }
            }
            pending.Clear();
        }

        foreach (var (where, line) in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            WorkRows? rows;
            try { rows = IndexRows.From(line); }
            catch (JsonException e) { rows = null; refused?.Invoke($"{where}: not JSON ({e.Message})"); refusedCount++; continue; }
            if (rows is null) { refusedCount++; refused?.Invoke($"{where}: not a batch record (no \"id\")"); continue; }
            pending.Add((where, rows));
            if (pending.Count >= group) Flush();
        }
        Flush();
        return new IndexSummary(works, errorRecords, refusedCount, rowCount);
    }

    private static long CountErrors(List<(string, WorkRows Rows)> works)
    {
        long n = 0;
        foreach (var (_, rows) in works)
            if (rows.Rows[IndexRows.Works][0][1] is "error") n++;
        return n;
    }

    private long Insert(List<(string Where, WorkRows Rows)> works) =>
        db.Dialect == SqlDialect.PostgreSql ? Copy(works) : InsertRows(works);

    /// <summary>
    /// PostgreSQL: one DELETE per table for the whole group, then COPY (text format) per table. Row by
    /// row INSERTs cost a round trip each: 182K rows of the 100 novels took minutes; COPY takes seconds.
    /// </summary>
    private long Copy(List<(string Where, WorkRows Rows)> works)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Connection;
        using var transaction = connection.BeginTransaction();
        var ids = new string[works.Count];
        for (int w = 0; w < ids.Length; w++) ids[w] = works[w].Rows.Id;
        foreach (var table in IndexRows.Tables)
        {
            using var delete = new Npgsql.NpgsqlCommand($"DELETE FROM {table.Name} WHERE {(table == IndexRows.Works ? "id" : "work_id")} = ANY(@ids)", connection, transaction);
            delete.Parameters.AddWithValue("ids", ids);
            delete.ExecuteNonQuery();
        }
        long count = 0;
        var line = new System.Text.StringBuilder();
        for (int t = IndexRows.Tables.Count - 1; t >= 0; t--)
        {
            var table = IndexRows.Tables[t];
            bool any = false;
            foreach (var (_, rows) in works) any |= rows.Count(table) > 0;
            if (!any) continue;
            using var writer = connection.BeginTextImport($"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN");
            foreach (var (_, rows) in works)
            {
                if (!rows.Rows.TryGetValue(table, out var list)) continue;
                foreach (var row in list)
                {
                    line.Clear();
                    for (int c = 0; c < row.Length; c++)
                    {
                        if (c > 0) line.Append('\t');
                        CopyValue(line, row[c]);
                    }
                    line.Append('\n');
                    writer.Write(line);
                    count++;
                }
            }
        }
        transaction.Commit();
        return count;
    }

    // COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped.
    private static void CopyValue(System.Text.StringBuilder line, object? value)
    {
        switch (value)
        {
            case null: line.Append("\\N"); break;
            case bool b: line.Append(b ? 't' : 'f'); break;
            case double d: line.Append(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)); break;
            case IFormattable f: line.Append(f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)); break;
            default:
                foreach (char ch in value.ToString()!)
                    switch (ch)
                    {
                        case '\\': line.Append("\\\\"); break;
                        case '\t': line.Append("\\t"); break;
                        case '\n': line.Append("\\n"); break;
                        case '\r': line.Append("\\r"); break;
                        case '\0': break; // PostgreSQL text cannot hold NUL
                        default: line.Append(ch); break;
                    }
                break;
        }
    }

    private long InsertRows(List<(string Where, WorkRows Rows)> works)
    {
        using var transaction = db.Connection.BeginTransaction();
        var deletes = new Dictionary<IndexTable, DbCommand>();
        var inserts = new Dictionary<IndexTable, DbCommand>();
        try
        {
            long count = 0;
            foreach (var (_, rows) in works)
            {
                foreach (var table in IndexRows.Tables)
                {
                    var delete = deletes.TryGetValue(table, out var d) ? d : deletes[table] = DeleteCommand(table, transaction);
                    delete.Parameters[0].Value = rows.Id;
                    delete.ExecuteNonQuery();
                }
                // Parents first: works, then characters, then the rest.
                for (int t = IndexRows.Tables.Count - 1; t >= 0; t--)
                {
                    var table = IndexRows.Tables[t];
                    if (!rows.Rows.TryGetValue(table, out var list)) continue;
                    var insert = inserts.TryGetValue(table, out var i) ? i : inserts[table] = InsertCommand(table, transaction);
                    foreach (var row in list)
                    {
                        for (int c = 0; c < row.Length; c++) insert.Parameters[c].Value = row[c] ?? DBNull.Value;
                        insert.ExecuteNonQuery();
                        count++;
                    }
                }
            }
            transaction.Commit();
            return count;
        }
        finally
        {
            foreach (var command in deletes.Values) command.Dispose();
            foreach (var command in inserts.Values) command.Dispose();
        }
    }

    private DbCommand DeleteCommand(IndexTable table, DbTransaction transaction)
    {
        var command = db.Command($"DELETE FROM {table.Name} WHERE {(table == IndexRows.Works ? "id" : "work_id")} = @p0", transaction);
        CorpusDatabase.Add(command, "@p0", "");
        command.Prepare();
        return command;
    }

    private DbCommand InsertCommand(IndexTable table, DbTransaction transaction)
    {
        var values = new string[table.Columns.Length];
        for (int c = 0; c < values.Length; c++)
            values[c] = db.Dialect == SqlDialect.PostgreSql && table.JsonColumns?.Contains(table.Columns[c]) == true ? $"CAST(@p{c} AS jsonb)" : $"@p{c}";
        var command = db.Command($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns)}) VALUES ({string.Join(", ", values)})", transaction);
        for (int c = 0; c < values.Length; c++) CorpusDatabase.Add(command, $"@p{c}", null);
        return command;
    }
}
