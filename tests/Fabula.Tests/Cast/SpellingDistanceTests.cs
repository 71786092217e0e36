using FsCheck.Xunit;
using Fabula.Cast;

namespace Fabula.Tests.Cast;

/// <summary>
/// The edit distance that tells spelling variants apart ("Valentine", "Valentin"): within its limit it is the
/// whole table's distance, ignoring case; beyond it, any number over the limit, however the names differ.
/// </summary>
public class SpellingDistanceTests
{
    private static readonly string[] Names = ["Valentine", "Valentin", "Mary", "Mark", "Marya", "Anne", "Anna", "Joan", "John", "Éloise", "Eloise",
        "Tringham", "TRINGHAM", "Tringam", "Izzy", "Izzie", "Magnus", "Magnes", "Pontellier", "Pontelliers", "Abcdefgh", "Hgfedcba", "Aaaa", "Aaab"];

    [Property(MaxTest = 300)]
    public void Within_the_limit_the_full_table_beyond_it_over_the_limit(int seed)
    {
        var random = new Random(seed);
        string a = Mutate(Names[random.Next(Names.Length)], random), b = Mutate(Names[random.Next(Names.Length)], random);
        int limit = 1 + random.Next(2);

        int full = FullTable(a, b), distance = SpellingVariants.Distance(a, b, limit);

        if (full <= limit) Assert.Equal(full, distance);
        else Assert.True(distance > limit, $"{a} {b}: {distance}");
    }

    [Fact]
    public void Names_one_letter_apart_are_one_edit_apart_in_any_case()
    {
        Assert.Equal(1, SpellingVariants.Distance("Valentine", "VALENTIN", 2));
        Assert.Equal(0, SpellingVariants.Distance("tringham", "TRINGHAM", 1));
        Assert.True(SpellingVariants.Distance("Abcdefgh", "Hgfedcba", 2) > 2);
    }

    private static string Mutate(string name, Random random)
    {
        var chars = new List<char>(name);
        for (int k = random.Next(3); k > 0 && chars.Count > 1; k--)
        {
            int at = random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0: chars.RemoveAt(at); break;
                case 1: chars.Insert(at, (char)('a' + random.Next(26))); break;
                case 2: chars[at] = (char)('a' + random.Next(26)); break;
                default: chars[at] = char.ToUpperInvariant(chars[at]); break;
            }
        }
        return new string([.. chars]);
    }

    // The Levenshtein table in full, ignoring case.
    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1),
                    d[i - 1, j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
