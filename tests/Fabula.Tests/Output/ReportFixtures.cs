using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fabula.Output;
using Fabula.Reading;
using Fabula.Tests.Golden;
using Fabula.Text;

namespace Fabula.Tests.Output;

/// <summary>
/// Stories for the report tests. Until the cast, dialogue, world and content stages fill their
/// members of the analysis JSON, <see cref="WithFindings"/> adds hand-made ones (only where a member
/// is absent), so every section of the report is drawn and exercised; real members win.
/// </summary>
internal static partial class ReportFixtures
{
    public static string SamplePath => Path.Combine(GoldenTests.RepoRoot(), "samples", "the-lantern-keeper.txt");

    /// <summary>LitBank's copy of The Secret Garden, in the shared/ folder beside the repo (or beside a folder above a worktree).</summary>
    public static string SecretGardenPath
    {
        get
        {
            const string Novel = "shared/litbank/original/113_the_secret_garden.txt";
            for (var dir = Directory.GetParent(GoldenTests.RepoRoot()); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, Novel))) return Path.Combine(dir.FullName, Novel);
            return Path.GetFullPath(Path.Combine(GoldenTests.RepoRoot(), "..", Novel));
        }
    }

    public static Story Read(string path) => Pipeline.Default.Run(StoryReader.ReadFile(path));

    /// <summary>
    /// A story that tries every way in: script tags, event-handler attributes and javascript: links,
    /// in its text and in AO3-style metadata (title, author, tags, summary, notes).
    /// </summary>
    public static Story Hostile()
    {
        const string Script = "<script>window.__pwned = 1; alert('pwned')</script>";
        const string Image = "<img src=x onerror=\"window.__pwned = 2\">";
        const string Link = "<a href=\"javascript:window.__pwned = 3\">click me</a>";
        string text =
            "Chapter 1: The Tag\n\n" +
            $"Nell wrote {Script} on the wall of the mill.\n\n" +
            $"\"Read this,\" said Nell, and held up a card that said {Image}.\n\n" +
            $"Below it, in smaller hand: {Link} and [a link](javascript:alert(1)) and </script><!-- -->.\n\n" +
            "# Not a heading\n\n1. Not a list\n\n| not | a table |\n";
        var declared = new DeclaredTags(
            Rating: $"Teen {Script}",
            ArchiveWarnings: [$"No Archive Warnings Apply {Image}"],
            Categories: ["Gen"],
            Fandoms: [$"Original Work {Link}"],
            Relationships: ["Nell & The Mill"],
            Characters: [$"Nell {Script}"],
            AdditionalTags: ["javascript:alert(document.domain)", $"\" onmouseover=\"window.__pwned = 4"],
            Summary: $"A summary with {Script} and {Image}.",
            Notes: [$"Author's note {Link}"]);
        var source = new StorySource("hostile.html", "html", $"The Tag {Script}", $"Mallory {Image}", declared, []);
        return Pipeline.Default.Run(new ReadDocument(TextNormalizer.Normalize(text), source));
    }

    /// <summary>An AO3 download whose tags, summary, notes and chapter try script tags, onerror= and javascript: links.</summary>
    public static Story HostileAo3() =>
        Pipeline.Default.Run(StoryReader.ReadFile(Path.Combine(GoldenTests.RepoRoot(), "tests", "Fabula.Tests", "Output", "Fixtures", "hostile-ao3.html")));

    /// <summary>The report payload of <paramref name="story"/>, with hand-made findings where stages have none yet.</summary>
    public static ReportPayload WithFindings(Story story)
    {
        var payload = ReportPayload.From(story);
        var a = payload.Analysis;
        string text = payload.Text;
        var names = NamesIn(text);
        if (a["characters"] is null && names.Count > 0)
        {
            var cast = new JsonArray();
            for (int i = 0; i < names.Count; i++)
            {
                int first = Regex.Match(text, $@"\b{Regex.Escape(names[i])}\b").Index;
                cast.Add(new JsonObject
                {
                    ["id"] = i, ["name"] = names[i], ["aliases"] = new JsonArray(),
                    ["pronouns"] = i % 2 == 0 ? "she/her" : "he/him", ["firstAppearance"] = first,
                });
            }
            a["characters"] = cast;
        }
        // Real quotations and real characters, but no speakers yet: give each the character named just after it.
        if (a["quotes"] is JsonArray real && real.Count > 0 && a["characters"] is JsonArray people && people.Count > 0
            && people[0]?["aliases"] is JsonArray { Count: > 0 } && !real.Any(q => q?["speaker"] is not null))
            foreach (var realQuote in real)
            {
                var quote = realQuote!;
                int end = quote["end"]!.GetValue<int>();
                string after = text.Substring(end, Math.Min(40, text.Length - end));
                foreach (var person in people)
                {
                    var aliases = person!["aliases"]!.AsArray().Select(x => (string)x!["text"]!);
                    if (aliases.Any(n => after.Contains(n, StringComparison.Ordinal))) { quote["speaker"] = person["id"]!.DeepClone(); break; }
                }
            }
        if (a["quotes"] is JsonArray quotes && !quotes.Any(q => q?["speaker"] is not null))
        {
            if (quotes.Count == 0)
                foreach (Match m in QuoteMarks().Matches(text))
                    quotes.Add(new JsonObject { ["start"] = m.Index, ["end"] = m.Index + m.Length, ["text"] = m.Value });
            // A speaker for each quotation followed closely by a name ("…," said Mara).
            foreach (var quote in quotes)
            {
                int end = quote!["end"]!.GetValue<int>();
                string after = text.Substring(end, Math.Min(40, text.Length - end));
                for (int i = 0; i < names.Count; i++)
                    if (after.Contains(names[i], StringComparison.Ordinal)) { quote["speaker"] = i; break; }
            }
        }
        if (a["relations"] is not JsonArray { Count: > 0 } && names.Count > 1 && a["characters"] is JsonArray { Count: > 1 } characters)
        {
            // The relation stage's shape: {a, b, type, stage, atEnd, evidence}, with character ids.
            JsonNode? Id(int i) => characters[i]?["id"]?.DeepClone() ?? JsonValue.Create("c" + i);
            var relations = new JsonArray();
            for (int i = 1; i < Math.Min(names.Count, characters.Count); i++)
                relations.Add(new JsonObject { ["a"] = Id(0), ["b"] = Id(i), ["type"] = i % 2 == 0 ? "sibling" : "friend", ["stage"] = null, ["atEnd"] = true,
                    ["evidence"] = new JsonArray(Enumerable.Range(0, 1 + 3 * (names.Count - i)).Select(k => (JsonNode)new JsonObject { ["start"] = k, ["end"] = k + 1 }).ToArray()) });
            if (names.Count > 3 && characters.Count > 3)
                relations.Add(new JsonObject { ["a"] = Id(1), ["b"] = Id(2), ["type"] = "adversary", ["stage"] = null, ["atEnd"] = false,
                    ["evidence"] = new JsonArray(new JsonObject { ["start"] = 0, ["end"] = 1 }, new JsonObject { ["start"] = 1, ["end"] = 2 }) });
            a["relations"] = relations;
        }
        if (a["timeline"] is null)
            a["timeline"] = new JsonArray(
                new JsonObject { ["when"] = "Day 1", ["what"] = "The story opens.", ["start"] = 0, ["end"] = Math.Min(20, text.Length) },
                new JsonObject { ["when"] = "Later", ["what"] = "The story closes.", ["start"] = Math.Max(0, text.Length - 20), ["end"] = text.Length });
        if (a["findings"] is null && a["consistency"] is null && names.Count > 0)
        {
            int at = text.LastIndexOf(names[0], StringComparison.Ordinal);
            a["findings"] = new JsonArray(new JsonObject
            {
                ["kind"] = "Age", ["message"] = $"{names[0]}'s age is given twice and the two disagree.",
                ["evidence"] = new JsonArray(new JsonObject { ["start"] = at, ["end"] = at + names[0].Length }),
            });
        }
        var content = a["content"] as JsonObject;
        if ((content?["warnings"] ?? a["warnings"]) is not JsonArray { Count: > 0 })
        {
            // A warning whose passages lie late in the text, so jumping to one scrolls far.
            var evidence = new JsonArray();
            foreach (string word in new[] { "storm", "dead", "cried", "blood", "wall" })
            {
                int at = text.LastIndexOf(word, StringComparison.Ordinal);
                if (at >= 0) evidence.Add(new JsonObject { ["start"] = at, ["end"] = at + word.Length });
            }
            var warnings = new JsonArray(new JsonObject { ["category"] = "peril", ["severity"] = "mentioned", ["passages"] = evidence.Count, ["evidence"] = evidence });
            if (content is not null) content["warnings"] = warnings; else a["warnings"] = warnings;
        }
        return payload;
    }

    /// <summary>Capitalised words that recur after "said"/before "said": good enough names for a fixture.</summary>
    private static List<string> NamesIn(string text)
    {
        var counts = new Dictionary<string, int>();
        foreach (Match m in SaidName().Matches(text))
        {
            string name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            if (name is not ("She" or "He" or "They" or "It" or "We" or "You" or "The" or "Then" or "But" or "And")) counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        var names = new List<string>(counts.Keys);
        names.Sort((x, y) => counts[y] != counts[x] ? counts[y].CompareTo(counts[x]) : string.CompareOrdinal(x, y));
        return names.GetRange(0, Math.Min(8, names.Count));
    }

    [GeneratedRegex("(?:said|asked|told|cried) ([A-Z][a-z]+)\\b|\\b([A-Z][a-z]+) (?:said|asked|cried|whispered|insisted)\\b")]
    private static partial Regex SaidName();

    [GeneratedRegex("[\"“][^\"“”\\n]{1,400}[\"”]")]
    private static partial Regex QuoteMarks();
}
