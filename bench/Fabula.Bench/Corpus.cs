namespace Fabula.Bench;

/// <summary>
/// The LitBank novels, read from ../shared at run time (never copied): $FABULA_LITBANK, else the
/// shared/litbank folder beside the repository (found by walking up from here and from the binary).
/// </summary>
public static class Corpus
{
    public const string SecretGarden = "113_the_secret_garden.txt";

    public static string Folder => _folder ??= Find();
    private static string? _folder;

    public static string[] Novels() => [.. Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal)];

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("FABULA_LITBANK") is { Length: > 0 } given)
            return System.IO.Path.Combine(given, "original");
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "shared", "litbank", "original");
                if (Directory.Exists(candidate)) return Remember(candidate);
                candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "litbank", "original");
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Fabula.slnx")) && Directory.Exists(candidate)) return Remember(candidate);
            }
        throw new DirectoryNotFoundException("LitBank not found: set FABULA_LITBANK to the litbank folder (../shared/litbank)");
    }

    // BenchmarkDotNet runs each benchmark in a child process elsewhere: it inherits the variable.
    private static string Remember(string folder)
    {
        string full = System.IO.Path.GetFullPath(folder);
        Environment.SetEnvironmentVariable("FABULA_LITBANK", System.IO.Path.GetDirectoryName(full));
        return full;
    }
}
