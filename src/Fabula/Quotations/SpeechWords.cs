using System.Collections.Frozen;
using System.Reflection;

namespace Fabula.Quotations;

/// <summary>
/// The word tables the quotation finder reads (Data/quotations/*.txt, embedded), loaded once and
/// looked up by span, case-insensitively: elisions ('tis), verbs of saying, subject pronouns.
/// </summary>
internal static class SpeechWords
{
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Elisions = Load("elisions.txt");
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Load("speech-verbs.txt");
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Load("pronouns.txt");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file)
    {
        // The resource name keeps the folder separator of the build (see Fabula.csproj); accept either form.
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("Fabula.Data.quotations/" + file)
            ?? assembly.GetManifestResourceStream("Fabula.Data.quotations." + file)
            ?? throw new InvalidOperationException($"No data file quotations/{file}.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            int hash = line.IndexOf('#');
            var entry = (hash < 0 ? line : line[..hash]).Trim();
            if (entry.Length > 0) words.Add(entry);
        }
        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
