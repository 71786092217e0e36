using Fabula.Corpus;
using Npgsql;

namespace Fabula.Tests.Corpus;

/// <summary>
/// The index and its questions, on a record with every section a stage may add, one with none, and an
/// error record. Run on SQLite and, in <see cref="PostgresIndexTests"/>, on a real PostgreSQL.
/// </summary>
public abstract class IndexTests
{
    // A hand-written record in the shape of the full contract: cast, dialogue, world and content sections.
    internal const string Harbour = """
        {"id":"harbour.html","status":"ok","schemaVersion":1,
         "source":{"path":"harbour.html","format":"html","title":"The Harbour Wall","author":"A. Reed","words":5200,"chars":28000,
                   "declared":{"rating":"Teen And Up Audiences","archiveWarnings":["No Archive Warnings Apply"],"fandoms":["Original Work"],
                               "relationships":["Mara/Tobin"],"additionalTags":["Angst","Violence"],"summary":"Storms.","notes":["Thanks!"]}},
         "chapters":[{"index":0,"title":"The Lamp","start":0,"end":14000},{"index":1,"title":null,"start":14000,"end":28000}],
         "scenes":[{"index":0,"chapter":0,"start":0,"end":14000}],
         "paragraphs":120,"sentences":400,"tokens":6100,
         "characters":[
           {"index":0,"name":"Mara","aliases":["Mara Quill","the keeper"],"gender":"she","mentions":[{"start":5,"end":9},{"start":50,"end":54}],"quotes":3},
           {"index":1,"name":"Tobin","aliases":[{"name":"Tob"}],"mentions":2,"class":"sailor"},
           {"index":2,"name":"Old Hesketh","mentions":1,"classes":{"occupation":"harbourmaster"}},
           {"id":"c3","name":"Nell","aliases":[{"text":"Nell","count":7}],"pronouns":"she/her","mentionCount":7,"importance":"minor"}],
         "quotes":[{"start":10,"end":20,"text":"“Is the oil in?”","speaker":0,"addressee":1},
                   {"start":30,"end":40,"text":"“It is.”","speaker":{"character":1}},
                   {"start":60,"end":75,"text":"“Storm's coming.”","speaker":"the keeper"},
                   {"start":80,"end":90,"text":"“Aye.”"},
                   {"start":95,"end":99,"text":"“No.”","speaker":"c3"}],
         "relations":[{"kind":"partner","source":0,"target":1,"evidence":[{"start":100,"end":140}]},
                      {"kind":"employer","source":2,"target":1},
                      {"a":"c3","b":"Mara","type":"sibling","stage":null,"atEnd":true,"evidence":[{"start":5,"end":9},{"start":50,"end":54}]}],
         "taxonomies":{"occupation":{"keeper":[0],"sailor":["Tobin"]},"role":[{"name":"protagonist","members":[{"character":0}]}]},
         "content":{"rating":"Mature","archiveWarnings":["Graphic Depictions Of Violence"],
                    "warnings":[{"category":"death","severity":"depicted","confidence":0.65,"passages":1,"evidence":[{"start":400,"end":420,"snippet":"He drowned.","trigger":"drowned","severity":"depicted","confidence":0.65}]},
                                {"category":"self-harm","severity":"mentioned","confidence":0.6,"passages":1,"evidence":[{"start":500,"end":520,"trigger":"cut herself","severity":"mentioned","confidence":0.6}]},
                                {"category":"violence","severity":"depicted","confidence":0.9,"passages":25,"evidence":[{"start":200,"end":260},{"start":300,"end":340}]}],
                    "audit":{"declaredRating":"Teen And Up Audiences","detectedRating":"Mature","declaredWarnings":["No Archive Warnings Apply"],
                             "creatorChoseNotToWarn":false,"missing":["self-harm","Graphic Depictions Of Violence"],"unsupported":[]},
                    "readingTime":{"wordsPerMinute":250,"words":5200,"minutes":20.8,"chapters":[]}}}
        """;

    internal const string Ferry = """{"id":"ferry.txt","status":"ok","schemaVersion":1,"source":{"path":"ferry.txt","format":"txt","words":9,"chars":43},"chapters":[],"scenes":[],"paragraphs":1,"sentences":1,"tokens":11,"quotes":[],"content":{"warnings":[{"category":"death","severity":"mentioned","confidence":0.5,"passages":1,"evidence":[]}]}}""";
    internal const string Broken = """{"id":"gone.txt","status":"error","error":"gone.txt: no such file","source":{"path":"gone.txt"}}""";

    protected abstract CorpusDatabase Open();

    /// <summary>False when the database is not there to test (see <see cref="PostgresIndexTests"/>).</summary>
    protected virtual bool Available => true;

    private static string Flat(string json) => json.ReplaceLineEndings("");

    private CorpusDatabase Loaded()
    {
        var db = Open();
        var summary = new CorpusIndexer(db).Load([("a:1", Flat(Harbour)), ("a:2", Ferry), ("a:3", Broken), ("a:4", "not json"), ("a:5", "{\"no\":\"id\"}")]);
        Assert.Equal(new IndexSummary(3, 1, 2, summary.Rows), summary);
        return db;
    }

    private static string Show(QueryResult result) =>
        string.Join(" | ", result.Rows.Select(r => string.Join(",", r.Select(v => v switch { null => "-", bool b => b ? "yes" : "no", _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) }))));

    private static long Scalar(CorpusDatabase db, string sql) => Convert.ToInt64(CorpusQueries.Sql(db, sql).Rows[0][0]);

    [Fact]
    public void Migrations_run_once_and_record_their_version()
    {
        if (!Available) return;
        using var db = Open();
        Migrations.Apply(db);
        Assert.Equal(Migrations.Latest, Migrations.CurrentVersion(db));
        Assert.Equal(Migrations.All.Count, Scalar(db, "SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void Loads_every_section_of_a_record_into_its_table()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Equal("harbour.html,ok,The Harbour Wall,5200,2,4,5,3,- | gone.txt,error,-,-,0,0,0,0,gone.txt: no such file | ferry.txt,ok,-,9,0,0,0,1,-",
            Show(CorpusQueries.Sql(db, """
                SELECT w.id, w.status, w.title, w.words,
                    (SELECT COUNT(*) FROM chapters c WHERE c.work_id = w.id), (SELECT COUNT(*) FROM characters c WHERE c.work_id = w.id),
                    (SELECT COUNT(*) FROM quotations q WHERE q.work_id = w.id), (SELECT COUNT(*) FROM warnings x WHERE x.work_id = w.id), w.error
                FROM works w ORDER BY w.id DESC
                """)));
        Assert.Equal("Teen And Up Audiences,Mature,20.8", Show(CorpusQueries.Sql(db, "SELECT rating, detected_rating, reading_minutes FROM works WHERE id = 'harbour.html'")));
        Assert.Equal("0,Mara,she,2,3 | 1,Tobin,-,2,- | 2,Old Hesketh,-,1,- | 3,Nell,-,7,-",
            Show(CorpusQueries.Sql(db, "SELECT idx, name, gender, mentions, quotes FROM characters WHERE work_id = 'harbour.html' ORDER BY idx")));
        Assert.Equal("c3,she/her,minor", Show(CorpusQueries.Sql(db, "SELECT character_id, pronouns, importance FROM characters WHERE idx = 3")));
        Assert.Equal("0,Mara,1 | 1,Tobin,- | 0,the keeper,- | -,-,- | 3,Nell,-",
            Show(CorpusQueries.Sql(db, "SELECT speaker_idx, speaker, addressee_idx FROM quotations WHERE work_id = 'harbour.html' ORDER BY idx")));
        Assert.Equal("partner,0,1,100,140 | employer,2,1,-,- | sibling,3,0,5,9",
            Show(CorpusQueries.Sql(db, "SELECT kind, source_idx, target_idx, evidence_start, evidence_end FROM relations ORDER BY idx")));
        Assert.Equal("death,depicted,1,400,yes | self-harm,mentioned,1,500,no | violence,depicted,25,200,yes",
            Show(CorpusQueries.Sql(db, "SELECT warning, level, evidence_count, evidence_start, CASE WHEN declared THEN 'yes' WHEN NOT declared THEN 'no' END FROM warnings WHERE work_id = 'harbour.html' ORDER BY warning")));
        Assert.Equal("additionalTags,Angst | additionalTags,Violence | archiveWarnings,No Archive Warnings Apply | fandoms,Original Work | rating,Teen And Up Audiences | relationships,Mara/Tobin",
            Show(CorpusQueries.Sql(db, "SELECT kind, tag FROM declared_tags ORDER BY kind, tag")));
    }

    [Fact]
    public void Indexing_a_work_again_replaces_it()
    {
        if (!Available) return;
        using var db = Loaded();
        new CorpusIndexer(db).Load([("b:1", Flat(Harbour).Replace("The Harbour Wall", "The Sea Wall"))]);
        Assert.Equal(3, Scalar(db, "SELECT COUNT(*) FROM works"));
        Assert.Equal(4, Scalar(db, "SELECT COUNT(*) FROM characters"));
        Assert.Equal("The Sea Wall", CorpusQueries.Sql(db, "SELECT title FROM works WHERE id = 'harbour.html'").Rows[0][0]);
    }

    [Fact]
    public void Finds_works_with_a_warning()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Equal("harbour.html,The Harbour Wall,death,depicted,1,0.65 | ferry.txt,-,death,mentioned,1,0.5", Show(CorpusQueries.WorksWithWarning(db, "Death")));
    }

    [Fact]
    public void Finds_characters_of_a_class()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Equal("harbour.html,Tobin,class,sailor,2 | harbour.html,Tobin,occupation,sailor,2", Show(CorpusQueries.CharactersOfClass(db, "Sailor", null)));
        Assert.Equal("harbour.html,Tobin,occupation,sailor,2", Show(CorpusQueries.CharactersOfClass(db, "sailor", "occupation")));
        Assert.Equal("harbour.html,Mara,role,protagonist,2", Show(CorpusQueries.CharactersOfClass(db, "protagonist", null)));
        Assert.Equal("harbour.html,Old Hesketh,occupation,harbourmaster,1", Show(CorpusQueries.CharactersOfClass(db, "harbourmaster", null)));
        Assert.Equal("harbour.html,Nell,importance,minor,7", Show(CorpusQueries.CharactersOfClass(db, "minor", null)));
    }

    [Fact]
    public void Finds_partners_by_name_or_alias()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Equal("harbour.html,The Harbour Wall,Mara,Tobin,partner", Show(CorpusQueries.Related(db, "partner", null, null)));
        Assert.Equal("harbour.html,The Harbour Wall,Mara,Tobin,partner", Show(CorpusQueries.Related(db, "partner", "tob", "the keeper")));
        Assert.Equal("", Show(CorpusQueries.Related(db, "partner", "Old Hesketh", null)));
        Assert.Equal("harbour.html,The Harbour Wall,Old Hesketh,Tobin,employer", Show(CorpusQueries.Related(db, "employer", "old hesketh", null)));
    }

    [Fact]
    public void Finds_the_characters_who_speak_most()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Equal("harbour.html,Mara,2,25 | harbour.html,Nell,1,4 | harbour.html,Tobin,1,10", Show(CorpusQueries.TopSpeakers(db, null, 5)));
        Assert.Equal("harbour.html,Mara,2,25", Show(CorpusQueries.TopSpeakers(db, "harbour.html", 1)));
    }

    [Fact]
    public void Finds_works_whose_declared_tags_miss_a_detected_warning()
    {
        if (!Available) return;
        using var db = Loaded();
        // The audit lists self-harm as missing; death and violence it has seen declared.
        // ferry.txt declares nothing (no preface), so it is not counted.
        Assert.Equal("harbour.html,The Harbour Wall,Teen And Up Audiences,self-harm,1", Show(CorpusQueries.UndeclaredWarnings(db)));
        // Without an audit, a warning is undeclared when no declared tag has its name.
        new CorpusIndexer(db).Load([("c:1", """{"id":"lake.html","status":"ok","source":{"declared":{"additionalTags":["Death","Grief"]}},"content":{"warnings":[{"category":"death"},{"category":"violence"}]}}""")]);
        Assert.Equal("harbour.html,The Harbour Wall,Teen And Up Audiences,self-harm,1 | lake.html,-,-,violence,0", Show(CorpusQueries.UndeclaredWarnings(db)));
    }

    [Fact]
    public void Sql_is_read_only()
    {
        if (!Available) return;
        using var db = Loaded();
        Assert.Throws<FabulaInputException>(() => CorpusQueries.Sql(db, "DELETE FROM works"));
        Assert.Equal(3, Scalar(db, "SELECT COUNT(*) FROM works"));
    }
}

public sealed class SqliteIndexTests : IndexTests, IDisposable
{
    private readonly TempFolder _folder = new();
    protected override CorpusDatabase Open() => CorpusDatabase.Open(_folder["corpus.db"]);
    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Batch_then_index_then_query_from_the_command_line()
    {
        _folder.Write("in/ferry.txt", "The ferry left at noon, and nobody waved.\n");
        _folder.Write("in/lamp.txt", "“Is the oil in?” asked Mara.\n\n“It is,” said Tobin.\n");
        string results = _folder["results.jsonl"], db = _folder["cli.db"];
        Assert.Equal(0, BatchTests.Cli("batch", _folder["in"], _folder["in/gone.txt"], "--out", results, "--quiet").Code);

        var (code, _, error) = BatchTests.Cli("query", "works", "--db", db);
        Assert.Equal(2, code);
        Assert.Contains("no index here", error);

        (code, _, error) = BatchTests.Cli("index", results, "--db", db);
        Assert.Equal(0, code);
        Assert.Contains("3 works (1 error records)", error);

        (code, string output, _) = BatchTests.Cli("query", "works", "--db", db, "--format", "tsv");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("work\tstatus\ttitle\twords\tchapters\tcharacters\tquotations\twarnings\terror", lines[0]);
        string[] expected = ["ferry.txt\tok", "lamp.txt\tok", $"{_folder["in/gone.txt"]}\terror"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines[1..].Select(l => string.Join('\t', l.Split('\t')[..2])).Order(StringComparer.Ordinal));

        (code, output, _) = BatchTests.Cli("query", "sql", "SELECT COUNT(*) AS n FROM works WHERE status = 'ok'", "--db", db, "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal("[{\"n\":2}]", output.ReplaceLineEndings("").Replace(" ", ""));
    }

    [Fact]
    public void Turns_postgres_urls_into_connection_strings() =>
        Assert.Equal("Host=db.example;Port=5433;Database=corpus;Username=ann;Password=p@ss;SSL Mode=Disable",
            CorpusDatabase.PostgresConnectionString("postgres://ann:p%40ss@db.example:5433/corpus?sslmode=disable"));

    [Fact]
    public void Hides_passwords_in_messages()
    {
        Assert.Equal("postgres://ann:***@db.example/corpus", CorpusDatabase.Redact("postgres://ann:secret@db.example/corpus"));
        Assert.Equal("Host=x;Password=***;Database=y", CorpusDatabase.Redact("Host=x;Password=secret;Database=y"));
    }
}

/// <summary>
/// The same tests on a real PostgreSQL, in a schema of their own: $FABULA_TEST_POSTGRES names the
/// server (.ci/run installs and starts one). Without it they pass without running, except on CI
/// (CI=true), where a missing server is a failure.
/// </summary>
public sealed class PostgresIndexTests : IndexTests, IDisposable
{
    private readonly string? _server = Environment.GetEnvironmentVariable("FABULA_TEST_POSTGRES");
    private readonly string _schema = "fabula_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<CorpusDatabase> _opened = [];

    protected override bool Available
    {
        get
        {
            if (!string.IsNullOrEmpty(_server)) return true;
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "FABULA_TEST_POSTGRES is not set: .ci/run should have started PostgreSQL");
            return false;
        }
    }

    protected override CorpusDatabase Open()
    {
        string connection = CorpusDatabase.PostgresConnectionString(_server!);
        using (var admin = new NpgsqlConnection(connection))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {_schema}", admin);
            create.ExecuteNonQuery();
        }
        var db = CorpusDatabase.Open(new NpgsqlConnectionStringBuilder(connection) { SearchPath = _schema }.ConnectionString);
        _opened.Add(db);
        return db;
    }

    public void Dispose()
    {
        foreach (var db in _opened) db.Dispose();
        if (_opened.Count == 0 || string.IsNullOrEmpty(_server)) return;
        using var admin = new NpgsqlConnection(CorpusDatabase.PostgresConnectionString(_server));
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", admin);
        drop.ExecuteNonQuery();
    }
}
