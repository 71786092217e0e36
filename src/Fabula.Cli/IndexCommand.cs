using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Fabula.Corpus;

namespace Fabula.Cli;

/// <summary>
/// <c>fabula index RESULTS.jsonl... [--db DB]</c> loads batch records into a database, and
/// <c>fabula query QUESTION [--db DB]</c> asks it things. DB is a SQLite file (default fabula.db, or
/// $FABULA_DB) or a PostgreSQL URL (postgres://user:password@host/database).
/// </summary>
public static class IndexCommand
{
    private static Option<string> DbOption() => new("--db")
    {
        Description = "A SQLite file, or a PostgreSQL URL postgres://user:password@host:port/database (default: $FABULA_DB, else fabula.db).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("FABULA_DB") is { Length: > 0 } db ? db : "fabula.db",
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("RESULTS")
        {
            Description = "JSONL files written by fabula batch, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = DbOption();
        var command = new Command("index", "Load the records of fabula batch into a database (a work indexed again is replaced).\n\n" +
            "Example:  fabula index results.jsonl --db corpus.db") { inputs, db };
        command.SetAction(parse =>
        {
            string[] files = parse.GetValue(inputs)!;
            foreach (string file in files)
                if (file != "-" && !File.Exists(file)) throw new FabulaInputException($"{file}: no such file");
            string target = parse.GetValue(db)!;
            var clock = Stopwatch.StartNew();
            using var database = CorpusDatabase.Open(target);
            var summary = new CorpusIndexer(database).Load(Lines(files), message => error.WriteLine($"fabula index: {message}"));
            error.WriteLine($"fabula index: {summary.Works} works ({summary.ErrorRecords} error records), {summary.Rows} rows, " +
                $"{summary.Refused} lines refused -> {CorpusDatabase.Redact(target)} (schema v{Migrations.CurrentVersion(database)}) in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }

    private static IEnumerable<(string, string)> Lines(string[] files)
    {
        foreach (string file in files)
        {
            var reader = file == "-" ? Console.In : new StreamReader(file);
            string name = file == "-" ? "standard input" : file;
            int n = 0;
            try
            {
                for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
                    yield return ($"{name}:{++n}", line);
            }
            finally
            {
                if (file != "-") reader.Dispose();
            }
        }
    }

    public static Command Query(TextWriter output, TextWriter error)
    {
        var db = DbOption();
        var format = new Option<string>("--format", "-f") { Description = "table, tsv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "tsv", "json");
        var query = new Command("query", "Ask the index questions about the corpus.\n\n" +
            "Examples:  fabula query warning \"violence\"\n           fabula query speakers --top 10\n" +
            "           fabula query sql \"SELECT title, words FROM works ORDER BY words DESC LIMIT 5\"");
        db.Recursive = true;
        format.Recursive = true;
        query.Options.Add(db);
        query.Options.Add(format);

        Command Question(string name, string description, Func<System.CommandLine.ParseResult, CorpusDatabase, QueryResult> answer, params Symbol[] symbols)
        {
            var command = new Command(name, description);
            foreach (var symbol in symbols)
                if (symbol is Argument a) command.Arguments.Add(a); else command.Options.Add((Option)symbol);
            command.SetAction(parse =>
            {
                string target = parse.GetValue(db)!;
                if (!CorpusDatabase.IsPostgres(target) && !File.Exists(target))
                    throw new FabulaInputException($"{target}: no index here (make one with fabula index RESULTS.jsonl --db {target})");
                using var database = CorpusDatabase.Open(target);
                QueryOutput.Write(answer(parse, database), parse.GetValue(format)!, output);
                return 0;
            });
            return command;
        }

        var warning = new Argument<string>("WARNING") { Description = "A content warning, as the content stage names it." };
        var cls = new Argument<string>("CLASS") { Description = "A class of a taxonomy (e.g. a role or an occupation)." };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Only this taxonomy." };
        var first = new Argument<string?>("FIRST") { Description = "A character's name or alias.", Arity = ArgumentArity.ZeroOrOne };
        var second = new Argument<string?>("SECOND") { Description = "The other character's name or alias.", Arity = ArgumentArity.ZeroOrOne };
        var kind = new Option<string>("--kind") { Description = "The kind of relation.", DefaultValueFactory = _ => "partner" };
        var work = new Option<string?>("--work") { Description = "Only this work (its id)." };
        var top = new Option<int>("--top") { Description = "How many.", DefaultValueFactory = _ => 20 };
        var sql = new Argument<string>("SQL") { Description = "A read-only SQL query (see docs/index.md for the tables)." };

        query.Subcommands.Add(Question("works", "The works indexed, with counts.", (p, d) => CorpusQueries.Works(d)));
        query.Subcommands.Add(Question("warning", "Works with a given content warning.", (p, d) => CorpusQueries.WorksWithWarning(d, p.GetValue(warning)!), warning));
        query.Subcommands.Add(Question("class", "Characters of a given class.", (p, d) => CorpusQueries.CharactersOfClass(d, p.GetValue(cls)!, p.GetValue(taxonomy)), cls, taxonomy));
        query.Subcommands.Add(Question("partners", "Works where two characters are partners (or --kind KIND); FIRST SECOND narrow to those two.",
            (p, d) => CorpusQueries.Related(d, p.GetValue(kind)!, p.GetValue(first), p.GetValue(second)), first, second, kind));
        query.Subcommands.Add(Question("speakers", "The characters who speak most.", (p, d) => CorpusQueries.TopSpeakers(d, p.GetValue(work), p.GetValue(top)), work, top));
        query.Subcommands.Add(Question("undeclared", "Works whose declared tags miss a detected warning.", (p, d) => CorpusQueries.UndeclaredWarnings(d)));
        query.Subcommands.Add(Question("sql", "Any read-only SQL.", (p, d) => CorpusQueries.Sql(d, p.GetValue(sql)!), sql));
        return query;
    }
}

/// <summary>A query result as an aligned table, TSV, or a JSON array of objects.</summary>
internal static class QueryOutput
{
    public static void Write(QueryResult result, string format, TextWriter output)
    {
        switch (format)
        {
            case "json":
                var rows = new List<Dictionary<string, object?>>();
                foreach (var row in result.Rows)
                {
                    var item = new Dictionary<string, object?>();
                    for (int c = 0; c < row.Length; c++) item[result.Columns[c]] = row[c];
                    rows.Add(item);
                }
                output.WriteLine(JsonSerializer.Serialize(rows, Output.AnalysisJson.Options));
                break;
            case "tsv":
                output.WriteLine(string.Join('\t', result.Columns));
                foreach (var row in result.Rows)
                    output.WriteLine(string.Join('\t', row.Select(v => Show(v).Replace('\t', ' ').Replace('\n', ' '))));
                break;
            default:
                var cells = result.Rows.Select(r => r.Select(v => Show(v).ReplaceLineEndings(" ")).ToArray()).ToList();
                var widths = result.Columns.Select((c, i) => Math.Min(60, cells.Select(r => r[i].Length).Append(c.Length).Max())).ToArray();
                string Line(IEnumerable<string> values) => string.Join("  ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))).TrimEnd();
                output.WriteLine(Line(result.Columns));
                output.WriteLine(Line(widths.Select(w => new string('-', w))));
                foreach (var row in cells) output.WriteLine(Line(row));
                output.WriteLine($"({result.Rows.Count} {(result.Rows.Count == 1 ? "row" : "rows")})");
                break;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
