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

    private long Insert(List<(string Where, WorkRows Rows)> works)
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
