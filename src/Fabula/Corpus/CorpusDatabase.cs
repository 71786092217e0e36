using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fabula.Corpus;

public enum SqlDialect { Sqlite, PostgreSql }

/// <summary>
/// The database of <c>fabula index</c> and <c>fabula query</c>: a SQLite file by default (nothing to
/// install), or PostgreSQL when <c>--db</c> is a <c>postgres://</c> URL or a key=value connection string.
/// Opening applies the migrations the database has not seen yet.
/// </summary>
public sealed class CorpusDatabase : IDisposable
{
    public DbConnection Connection { get; }
    public SqlDialect Dialect { get; }

    private CorpusDatabase(DbConnection connection, SqlDialect dialect)
    {
        Connection = connection;
        Dialect = dialect;
    }

    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens (creating a SQLite file if needed) and migrates to the newest schema.</summary>
    public static CorpusDatabase Open(string db, bool migrate = true)
    {
        CorpusDatabase database;
        try
        {
            if (IsPostgres(db))
            {
                var connection = new NpgsqlConnection(PostgresConnectionString(db));
                connection.Open();
                database = new CorpusDatabase(connection, SqlDialect.PostgreSql);
            }
            else
            {
                string full = Path.GetFullPath(db);
                if (Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
                    throw new FabulaInputException($"{db}: folder {dir} does not exist");
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
                connection.Open();
                database = new CorpusDatabase(connection, SqlDialect.Sqlite);
                // WAL: readers (fabula query) do not block a running fabula index; NORMAL sync is safe with WAL.
                database.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
            }
        }
        catch (Exception e) when (e is NpgsqlException or SqliteException or ArgumentException or System.Net.Sockets.SocketException)
        {
            throw new FabulaInputException($"cannot open the database {Redact(db)}: {e.Message}");
        }
        if (migrate) Migrations.Apply(database);
        return database;
    }

    /// <summary>postgres://user:password@host:port/database?sslmode=... as an Npgsql connection string.</summary>
    public static string PostgresConnectionString(string db)
    {
        if (!db.Contains("://")) return db;
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : null,
        };
        if (uri.UserInfo.Length > 0)
        {
            string[] user = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(user[0]);
            if (user.Length == 2) builder.Password = Uri.UnescapeDataString(user[1]);
        }
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return builder.ConnectionString;
    }

    /// <summary>The database named in messages, without its password.</summary>
    public static string Redact(string db)
    {
        if (db.Contains("://"))
        {
            int at = db.IndexOf('@'), scheme = db.IndexOf("://", StringComparison.Ordinal) + 3, colon = db.IndexOf(':', scheme);
            return at > 0 && colon > 0 && colon < at ? db[..(colon + 1)] + "***" + db[at..] : db;
        }
        return System.Text.RegularExpressions.Regex.Replace(db, "(?i)(password|pwd)=[^;]*", "$1=***");
    }

    public DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public int Execute(string sql, DbTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        return command.ExecuteNonQuery();
    }

    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public void Dispose() => Connection.Dispose();
}
