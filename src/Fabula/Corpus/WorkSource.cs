using System.Text.Json;
using Fabula.Reading;

namespace Fabula.Corpus;

/// <summary>
/// The works named by the inputs of <c>fabula batch</c>, one at a time (nothing is listed ahead, so a
/// corpus of any size streams): a story file; a folder, walked recursively for story files, each folder
/// in ordinal name order so every run and machine sees the same order; a JSONL file (.jsonl, .ndjson)
/// or standard input ("-") of <c>{"id": ..., "path": ...}</c> or <c>{"id": ..., "text": ...}</c> lines.
/// Bad inputs are not exceptions: they come out as works with an <see cref="WorkInput.Error"/>.
/// </summary>
public static class WorkSource
{
    public static IEnumerable<WorkInput> Enumerate(IEnumerable<string> inputs, Func<TextReader> standardInput)
    {
        foreach (string input in inputs)
        {
            if (input == "-")
            {
                foreach (var work in FromJsonLines(standardInput(), "standard input", Directory.GetCurrentDirectory()))
                    yield return work;
            }
            else if (Directory.Exists(input))
            {
                foreach (var work in FromFolder(input))
                    yield return work;
            }
            else if (IsJsonLines(input) && File.Exists(input))
            {
                TextReader? reader = null;
                string? error = null;
                try { reader = new StreamReader(input); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { error = $"{input}: cannot be read ({e.Message})"; }
                if (reader is null) { yield return new WorkInput(input, input, Error: error); continue; }
                using (reader)
                    foreach (var work in FromJsonLines(reader, input, Path.GetDirectoryName(Path.GetFullPath(input))!))
                        yield return work;
            }
            else if (File.Exists(input))
                yield return new WorkInput(input, input);
            else
                yield return new WorkInput(input, input, Error: $"{input}: no such file or folder");
        }
    }

    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>Story files under a folder; each id is the path relative to that folder, with '/' separators.</summary>
    private static IEnumerable<WorkInput> FromFolder(string root)
    {
        var folders = new Stack<string>();
        folders.Push(root);
        while (folders.Count > 0)
        {
            string folder = folders.Pop();
            string[] files = [], subfolders = [];
            string? error = null;
            try
            {
                files = Directory.GetFiles(folder);
                subfolders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"{folder}: cannot be listed ({e.Message})";
            }
            if (error is not null)
                yield return new WorkInput(Relative(root, folder), folder, Error: error);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string file in files)
                if (IsStory(file))
                    yield return new WorkInput(Relative(root, file), file);
            Array.Sort(subfolders, StringComparer.Ordinal);
            for (int i = subfolders.Length - 1; i >= 0; i--)
                if (!Path.GetFileName(subfolders[i]).StartsWith('.'))
                    folders.Push(subfolders[i]);
        }
    }

    private static bool IsStory(string file)
    {
        string ext = Path.GetExtension(file).ToLowerInvariant();
        return !Path.GetFileName(file).StartsWith('.') && (ext is ".markdown" || StoryReader.KnownExtensions.Contains(ext));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>
    /// One work per non-blank line. A relative "path" is taken from the folder of the JSONL file (the
    /// current folder for standard input), so a manifest can sit beside its stories.
    /// </summary>
    private static IEnumerable<WorkInput> FromJsonLines(TextReader reader, string name, string baseFolder)
    {
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(line, $"{name}:{lineNumber}", baseFolder);
        }
    }

    internal static WorkInput ParseLine(string line, string where, string baseFolder)
    {
        string? id = null, path = null, text = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return new WorkInput(where, null, Error: $"{where}: a line must be a JSON object like {{\"id\": ..., \"path\": ...}}");
            foreach (var property in json.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "id":
                        id = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Number => property.Value.GetRawText(),
                            _ => null,
                        };
                        break;
                    case "path" when property.Value.ValueKind == JsonValueKind.String: path = property.Value.GetString(); break;
                    case "text" when property.Value.ValueKind == JsonValueKind.String: text = property.Value.GetString(); break;
                }
            }
        }
        catch (JsonException e)
        {
            return new WorkInput(where, null, Error: $"{where}: not JSON ({e.Message})");
        }
        if (string.IsNullOrEmpty(path) && text is null)
            return new WorkInput(id ?? where, null, Error: $"{where}: has neither \"path\" nor \"text\"");
        if (text is not null)
            return id is null ? new WorkInput(where, null, Error: $"{where}: a \"text\" line needs an \"id\"") : new WorkInput(id, null, text);
        string full = Path.IsPathRooted(path!) ? path! : Path.Combine(baseFolder, path!);
        return new WorkInput(id ?? path!, full);
    }
}
