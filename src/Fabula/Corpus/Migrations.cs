using System.Data.Common;

namespace Fabula.Corpus;

/// <summary>
/// The index schema as a versioned list of SQL scripts, applied in order; <c>schema_version</c> records
/// each one applied. Never edit a script that has shipped: add the next version. The SQL is common to
/// SQLite and PostgreSQL except for <c>{json}</c> (TEXT in SQLite, which has json_extract; JSONB in
/// PostgreSQL). Every table hangs off <c>works</c>; re-indexing a work replaces all of its rows.
/// </summary>
public static class Migrations
{
    public sealed record Migration(int Version, string Description, string Sql);

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "works, chapters, scenes, characters, quotations, relations, taxonomies, warnings, declared tags", """
            CREATE TABLE works (
                id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                error TEXT,
                path TEXT,
                format TEXT,
                title TEXT,
                author TEXT,
                rating TEXT,
                words BIGINT,
                chars BIGINT,
                paragraphs BIGINT,
                sentences BIGINT,
                tokens BIGINT,
                json_schema_version INTEGER,
                has_declared BOOLEAN NOT NULL,
                record {json},
                indexed_at TEXT NOT NULL
            );
            CREATE TABLE chapters (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                title TEXT,
                start_offset BIGINT NOT NULL,
                end_offset BIGINT NOT NULL,
                PRIMARY KEY (work_id, idx)
            );
            CREATE TABLE scenes (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                chapter_idx INTEGER,
                start_offset BIGINT NOT NULL,
                end_offset BIGINT NOT NULL,
                PRIMARY KEY (work_id, idx)
            );
            CREATE TABLE characters (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                name TEXT NOT NULL,
                gender TEXT,
                mentions INTEGER,
                quotes INTEGER,
                PRIMARY KEY (work_id, idx)
            );
            CREATE TABLE character_aliases (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                character_idx INTEGER NOT NULL,
                alias TEXT NOT NULL
            );
            CREATE INDEX character_aliases_by_character ON character_aliases (work_id, character_idx);
            CREATE TABLE quotations (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                start_offset BIGINT NOT NULL,
                end_offset BIGINT NOT NULL,
                text TEXT,
                speaker_idx INTEGER,
                speaker TEXT,
                addressee_idx INTEGER,
                PRIMARY KEY (work_id, idx)
            );
            CREATE INDEX quotations_by_speaker ON quotations (work_id, speaker_idx);
            CREATE TABLE relations (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                kind TEXT NOT NULL,
                source_idx INTEGER,
                source TEXT,
                target_idx INTEGER,
                target TEXT,
                evidence_start BIGINT,
                evidence_end BIGINT,
                PRIMARY KEY (work_id, idx)
            );
            CREATE INDEX relations_by_kind ON relations (kind);
            CREATE TABLE taxonomy_members (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                taxonomy TEXT NOT NULL,
                class TEXT NOT NULL,
                member TEXT NOT NULL,
                character_idx INTEGER
            );
            CREATE INDEX taxonomy_members_by_class ON taxonomy_members (class, taxonomy);
            CREATE INDEX taxonomy_members_by_work ON taxonomy_members (work_id);
            CREATE TABLE warnings (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                warning TEXT NOT NULL,
                level TEXT,
                score DOUBLE PRECISION,
                evidence_count INTEGER,
                evidence_start BIGINT,
                evidence_end BIGINT,
                declared BOOLEAN,
                PRIMARY KEY (work_id, idx)
            );
            CREATE INDEX warnings_by_name ON warnings (warning);
            CREATE TABLE declared_tags (
                work_id TEXT NOT NULL REFERENCES works(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                tag TEXT NOT NULL
            );
            CREATE INDEX declared_tags_by_work ON declared_tags (work_id);
            CREATE INDEX declared_tags_by_tag ON declared_tags (tag);
            """),
        new(2, "works: the rating the content stage detected, and the reading time", """
            ALTER TABLE works ADD COLUMN detected_rating TEXT;
            ALTER TABLE works ADD COLUMN reading_minutes DOUBLE PRECISION;
            """),
        new(3, "characters: the cast stage's id (\"c0\"), pronouns and importance", """
            ALTER TABLE characters ADD COLUMN character_id TEXT;
            ALTER TABLE characters ADD COLUMN pronouns TEXT;
            ALTER TABLE characters ADD COLUMN importance TEXT;
            """),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Applies, in order and each in its own transaction, the migrations newer than the database.</summary>
    public static void Apply(CorpusDatabase db)
    {
        db.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        foreach (var migration in All)
        {
            using var transaction = db.Connection.BeginTransaction();
            // Two indexers starting at once on one PostgreSQL: the second waits here, then finds the work done.
            if (db.Dialect == SqlDialect.PostgreSql) db.Execute("SELECT pg_advisory_xact_lock(7420318)", transaction);
            if (CurrentVersion(db, transaction) >= migration.Version) { transaction.Commit(); continue; }
            string json = db.Dialect == SqlDialect.PostgreSql ? "JSONB" : "TEXT";
            db.Execute(migration.Sql.Replace("{json}", json), transaction);
            using var record = db.Command("INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t)", transaction);
            CorpusDatabase.Add(record, "@v", migration.Version);
            CorpusDatabase.Add(record, "@d", migration.Description);
            CorpusDatabase.Add(record, "@t", DateTime.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int CurrentVersion(CorpusDatabase db, DbTransaction? transaction = null)
    {
        using var command = db.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction);
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
