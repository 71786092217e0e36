using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

/// <summary>
/// Every reader, fed random bytes or a valid file with bytes flipped, cut or inserted, either reads
/// a story or refuses with a one-line <see cref="FabulaInputException"/>: nothing else escapes.
/// Mutations are driven by an FsCheck-chosen seed, so a failure names the seed that reproduces it.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly string[] Formats = ["txt", "md", "html", "epub", "docx", "auto"];

    private static readonly byte[] ValidEpub = Bindery.Epub("The Lantern Keeper", "Fabula Sampler",
        ("cover.xhtml", "<div><img src=\"c.jpg\" alt=\"Cover\"/></div>"),
        ("ch1.xhtml", "<h2>The Storm</h2><p>Mara turned <em>twelve</em>.</p><hr/><p>“Go,” said Tobias.<br/>She went.</p>"),
        ("ch2.xhtml", "<div id=\"chapters\"><div class=\"meta group\"><h2 class=\"heading\">Two</h2><blockquote>Note.</blockquote></div><div class=\"userstuff\"><p>The council met.</p></div></div>"));

    private static readonly byte[] StoredEpub = Bindery.Zip(CompressionLevel.NoCompression,
        Bindery.EpubParts("T", "A", ("ch1.xhtml", "<h1>One</h1><p>Mara ran &amp; ran.</p>")));

    private static readonly byte[] ValidDocx = Bindery.Docx("The Lantern Keeper", "Fabula Sampler",
        "Title|The Lantern Keeper", "Heading1|Chapter 1", "Mara turned twelve.", "“Go,” said Tobias.\nShe went.");

    private static readonly byte[] StoredDocx = Bindery.Zip(CompressionLevel.NoCompression,
        Bindery.DocxParts("T", "A", "Heading1|One", "Mara ran."));

    private static readonly byte[] ValidHtml = File.ReadAllBytes(Samples.Path("the-lantern-keeper-ao3.html"));

    private static readonly byte[] ValidMarkdown = Encoding.UTF8.GetBytes(
        "---\ntitle: T\n---\n# The Lantern Keeper\n\n## One\n\nMara *ran* to [the lamp](x).\n\n> “Go.”\n\n* * *\n\n## Two\n\n<div>Wren</div>\n\n```\ncode\n```\n");

    private static readonly byte[][] ValidFiles = [ValidEpub, StoredEpub, ValidDocx, StoredDocx, ValidHtml, ValidMarkdown];

    [Property(MaxTest = 300)]
    public void Random_bytes_are_read_or_refused(byte[] bytes, PositiveInt formatChoice)
    {
        ReadsOrRefuses(bytes ?? [], Formats[formatChoice.Get % Formats.Length]);
    }

    [Property(MaxTest = 300)]
    public void Random_text_is_read_or_refused(string text, PositiveInt formatChoice)
    {
        ReadsOrRefuses(Encoding.UTF8.GetBytes(text ?? ""), Formats[formatChoice.Get % Formats.Length]);
    }

    [Property(MaxTest = 500)]
    public void Mutated_valid_files_are_read_or_refused(int seed)
    {
        var random = new Random(seed);
        byte[] valid = ValidFiles[random.Next(ValidFiles.Length)];
        byte[] mutated = Mutate(valid, random);
        foreach (string format in Formats)
            ReadsOrRefuses(mutated, format);
    }

    /// <summary>Containers whose parts are mutated as text, then zipped properly: the damage reaches the XML and HTML readers.</summary>
    [Property(MaxTest = 300)]
    public void Valid_containers_with_mutated_parts_are_read_or_refused(int seed)
    {
        var random = new Random(seed);
        var parts = random.Next(2) == 0
            ? Bindery.EpubParts("T", "A", ("ch1.xhtml", "<h2>One</h2><p>Mara ran.</p>"), ("ch2.xhtml", "<p>Wren slept.</p>"))
            : Bindery.DocxParts("T", "A", "Heading1|One", "Mara ran.", "Wren\nslept.");
        int victim = random.Next(parts.Length);
        byte[] damaged = Mutate(Encoding.UTF8.GetBytes(parts[victim].Text), random);
        parts[victim] = (parts[victim].Name, Encoding.UTF8.GetString(damaged));
        byte[] zip = Bindery.Zip(parts);
        ReadsOrRefuses(zip, "auto");
        ReadsOrRefuses(zip, "epub");
        ReadsOrRefuses(zip, "docx");
    }

    [Fact]
    public void Every_prefix_of_a_valid_epub_and_docx_is_read_or_refused()
    {
        foreach (byte[] valid in new[] { ValidEpub, StoredDocx })
            for (int length = 0; length < valid.Length; length += 7)
                ReadsOrRefuses(valid[..length], "auto");
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = new List<byte>(valid);
        int edits = 1 + random.Next(8);
        for (int i = 0; i < edits && bytes.Count > 0; i++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
                case 3: bytes.InsertRange(at, RandomBytes(random, 1 + random.Next(16))); break;
                default: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(32))); break;
            }
        }
        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void ReadsOrRefuses(byte[] bytes, string format)
    {
        try
        {
            var document = StoryReader.Read(bytes, format, "fuzz");
            Assert.False(string.IsNullOrWhiteSpace(document.Text));
            int previous = -1;
            foreach (var mark in document.Source.ChapterMarks)
            {
                Assert.InRange(mark.Start, previous + 1, document.Text.Length - 1);
                previous = mark.Start;
            }
            foreach (char c in document.Text)
                Assert.False(c < ' ' && c != '\n' && c != '\t' || c == '\r', $"control U+{(int)c:X4} in the story text");
        }
        catch (FabulaInputException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            Assert.DoesNotContain('\n', e.Message);
        }
    }
}
