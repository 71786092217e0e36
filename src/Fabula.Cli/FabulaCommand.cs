using System.CommandLine;
using System.Reflection;
using Fabula.Evaluation;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Text;

namespace Fabula.Cli;

/// <summary>The `fabula` command: arguments, exit codes (0 ok, 1 internal error, 2 bad input or usage).</summary>
public static class FabulaCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"fabula: {OneLine(parsed.Errors[0].Message)} (see 'fabula --help')");
            return 2;
        }
        return Guard(error, () => parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }));
    }

    /// <summary>Around every command: input errors are one line and exit 2; anything else exits 1, without a stack trace.</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        try { return action(); }
        catch (FabulaInputException e) { error.WriteLine($"fabula: {e.Message}"); return 2; }
        catch (OutOfMemoryException) { error.WriteLine("fabula: out of memory (try a smaller --max-size)"); return 1; }
        catch (Exception e) { error.WriteLine($"fabula: internal error: {e.GetType().Name}: {e.Message}"); return 1; }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Version =>
        typeof(FabulaCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    private static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "Fabula reads a work of fiction and writes its story bible: chapters, scenes, quotations and more, " +
            "each with offsets into the text.\n\nExample:  fabula analyze samples/the-lantern-keeper.txt --format md");
        root.Subcommands.Add(AnalyzeCommand(output, error));
        root.Subcommands.Add(EvalCommand(output, error));
        root.Subcommands.Add(BatchCommand.Create(output, error));
        root.Subcommands.Add(IndexCommand.Create(output, error));
        root.Subcommands.Add(IndexCommand.Query(output, error));
        return root;
    }

    private static Command AnalyzeCommand(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "The story: .txt, .md, .html (AO3 downloads too), .epub or .docx; - reads standard input." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: json, md (Markdown report), html (self-contained report), graphml (the interaction network) or booknlp (BookNLP's files, into the folder --out).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "md", "html", "graphml", "booknlp");
        var outPath = new Option<string?>("--out", "-o") { Description = "Write the result to this file, or for booknlp this folder (default: standard output)." };
        var includeText = new Option<bool>("--include-text") { Description = "Add the story text, which all offsets point into, to the JSON." };
        var mentions = new Option<bool>("--mentions") { Description = "Add every mention of a character (names, nominals, pronouns) to the JSON." };
        var inputFormat = new Option<string?>("--input-format") { Description = "Format of standard input: txt, md, html, epub or docx (default: guessed from its bytes)." };
        var maxSize = new Option<int>("--max-size") { Description = "Refuse inputs larger than this many megabytes.", DefaultValueFactory = _ => 256 };

        var command = new Command("analyze", "Analyse one story and write its layers as JSON, a Markdown or HTML report, or BookNLP's files.")
        { file, format, outPath, includeText, mentions, inputFormat, maxSize };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            long limit = (long)Math.Max(1, parse.GetValue(maxSize)) * 1024 * 1024;
            var document = path == "-"
                ? StoryReader.Read(ReadStandardInput(limit), parse.GetValue(inputFormat) ?? "auto", null)
                : StoryReader.ReadFile(path, limit);
            string kind = parse.GetValue(format)!;
            string? target = parse.GetValue(outPath);
            if (kind == "booknlp" && (string.IsNullOrEmpty(target) || target == "-"))
                throw new FabulaInputException("--format booknlp writes a folder of files: give it with --out DIR");
            var story = Pipeline.Default.Run(document);
            if (kind == "booknlp")
            {
                string name = path == "-" ? "story" : Path.GetFileNameWithoutExtension(path);
                WriteFolder(target!, name, BookNlpWriter.Write(story, name));
                return 0;
            }
            string result = kind switch
            {
                "md" => MarkdownReport.Write(story),
                "html" => HtmlReport.Write(story),
                "graphml" => GraphmlWriter.Write(story),
                _ => AnalysisJson.From(story, parse.GetValue(includeText), parse.GetValue(mentions)).Serialize(),
            };
            WriteResult(target, result, output);
            return 0;
        });
        return command;
    }

    private static Command EvalCommand(TextWriter output, TextWriter error)
    {
        var dir = new Argument<string>("DIR") { Description = "The LitBank folder (../shared/litbank)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Scores for each book as well as overall." };
        var checks = new Option<string>("--speaker-checks") { Description = "Also write every scored quotation (verdict, method, gold and our speaker) to this TSV file." };
        var litbank = new Command("litbank", "Score the pipeline against LitBank's gold annotations, on whole novels.") { dir, verbose, checks };
        litbank.SetAction(parse =>
        {
            string? path = parse.GetValue(checks);
            return LitBankEvaluation.Run(parse.GetValue(dir)!, parse.GetValue(verbose), output,
                path is null ? null : tsv => WriteResult(path, tsv, output));
        });
        return new Command("eval", "Measure accuracy against annotated corpora.") { litbank };
    }

    private static byte[] ReadStandardInput(long limit)
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stdin.Read(chunk)) > 0)
        {
            if (buffer.Length + n > limit)
                throw new FabulaInputException($"standard input is over the limit of {limit / (1024 * 1024)} MB (raise it with --max-size)");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>Writes to a temporary file beside the target, then renames: no half-written output is ever left.</summary>
    public static void WriteResult(string? path, string content, TextWriter output)
    {
        if (string.IsNullOrEmpty(path) || path == "-") { output.Write(content); if (!content.EndsWith('\n')) output.WriteLine(); return; }
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir)) throw new FabulaInputException($"{path}: folder {dir} does not exist");
        string tmp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(tmp, content);
            File.Move(tmp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            throw new FabulaInputException($"{path}: cannot be written ({e.Message})");
        }
        catch { TryDelete(tmp); throw; }
    }

    /// <summary>
    /// Writes BookNLP's files into a temporary folder beside <paramref name="dir"/>, then renames it
    /// into place. A folder already there is replaced only if it holds nothing but this book's files
    /// (what an earlier run wrote); anything else in it is the user's, and is left alone.
    /// </summary>
    public static void WriteFolder(string dir, string name, IReadOnlyList<(string FileName, string Content)> files)
    {
        string full = Path.GetFullPath(dir);
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent)) throw new FabulaInputException($"{dir}: folder {parent} does not exist");
        if (File.Exists(full)) throw new FabulaInputException($"{dir}: is a file, not a folder");
        if (Directory.Exists(full))
            foreach (string entry in Directory.EnumerateFileSystemEntries(full))
            {
                string entryName = Path.GetFileName(entry);
                bool ours = false;
                foreach (string extension in BookNlpWriter.Extensions) ours |= entryName == name + extension;
                if (!ours) throw new FabulaInputException($"{dir}: already holds {entryName}; give an empty or new folder");
            }
        string tmp = full + $".{Environment.ProcessId}.tmp", old = full + $".{Environment.ProcessId}.old";
        try
        {
            Directory.CreateDirectory(tmp);
            foreach (var (fileName, content) in files) File.WriteAllText(Path.Combine(tmp, fileName), content);
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(tmp, full);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDeleteFolder(tmp);
            if (Directory.Exists(old) && !Directory.Exists(full)) Directory.Move(old, full);
            throw new FabulaInputException($"{dir}: cannot be written ({e.Message})");
        }
        catch { TryDeleteFolder(tmp); throw; }
    }

    private static void TryDeleteFolder(string path) { try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { } }

    private static void TryDelete(string path) { try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { } }
}
