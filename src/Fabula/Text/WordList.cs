using System.Collections.Frozen;
using System.Reflection;

namespace Fabula.Text;

/// <summary>
/// Word tables shipped as data files (src/Fabula/Data/, embedded): one entry a line, blank lines and
/// text after <c>#</c> ignored. Loaded once per table; look entries up by span, without a substring.
/// </summary>
public static class WordList
{
    /// <summary>The entries of Data/<paramref name="name"/> (e.g. "structure/abbreviations.txt").</summary>
    public static IReadOnlyList<string> Lines(string name)
    {
        // MSBuild's RecursiveDir keeps the folder separator in the resource name ("Fabula.Data.x/y.txt").
        var assembly = Assembly.GetExecutingAssembly();
        string resource = "Fabula.Data." + name.Replace('\\', '/');
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? assembly.GetManifestResourceStream("Fabula.Data." + name.Replace('/', '.').Replace('\\', '.'))
            ?? throw new InvalidOperationException($"No data file {name} (resource {resource}).");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            int hash = line.IndexOf('#');
            var entry = (hash < 0 ? line : line[..hash]).Trim();
            if (entry.Length > 0) lines.Add(entry);
        }
        return lines;
    }

    /// <summary>The entries of a data file as a set (ordinal, or ordinal ignoring case).</summary>
    public static FrozenSet<string> Load(string name, bool ignoreCase = false) =>
        Lines(name).ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
}
