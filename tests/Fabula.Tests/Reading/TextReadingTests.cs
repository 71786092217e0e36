using System.Text;
using Fabula.Reading;

namespace Fabula.Tests.Reading;

public class TextReadingTests
{
    private const string Line = "Mara lit the lamp — “Now,” said Wren. Café.";

    private static string ReadTxt(byte[] bytes) => StoryReader.Read(bytes, "txt", "story.txt").Text;

    [Fact]
    public void Reads_utf8_with_and_without_a_byte_order_mark()
    {
        Assert.Equal(Line, ReadTxt(Encoding.UTF8.GetBytes(Line)));
        Assert.Equal(Line, ReadTxt([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Line)]));
    }

    [Fact]
    public void Reads_utf16_little_and_big_endian_with_a_byte_order_mark()
    {
        Assert.Equal(Line, ReadTxt([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Line)]));
        Assert.Equal(Line, ReadTxt([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Line)]));
    }

    [Fact]
    public void Reads_windows_1252_when_the_bytes_are_not_utf8()
    {
        // "“Café,” she said — twice." in Windows-1252: curly quotes 0x93/0x94, é 0xE9, dash 0x97.
        byte[] bytes = [0x93, (byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)',', 0x94, (byte)' ', (byte)'s', (byte)'h', (byte)'e',
            (byte)' ', (byte)'s', (byte)'a', (byte)'i', (byte)'d', (byte)' ', 0x97, (byte)' ', (byte)'t', (byte)'w', (byte)'i', (byte)'c', (byte)'e', (byte)'.'];
        Assert.Equal("“Café,” she said — twice.", ReadTxt(bytes));
    }

    [Fact]
    public void Normalizes_line_ends()
    {
        Assert.Equal("One.\n\nTwo.\nThree.", ReadTxt(Encoding.UTF8.GetBytes("One.\r\n\r\nTwo.\rThree.")));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R' })]
    [InlineData(new byte[] { (byte)'H', (byte)'i', 0, (byte)'!' })]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x11, (byte)'a', (byte)'b' })]
    public void Refuses_binary_files_with_one_line(byte[] bytes)
    {
        var e = Assert.Throws<FabulaInputException>(() => StoryReader.Read(bytes, "txt", "photo.txt"));
        Assert.Equal("photo.txt looks like a binary file, not text", e.Message);
    }

    [Fact]
    public void Refuses_empty_and_blank_input()
    {
        Assert.Contains("is empty", Assert.Throws<FabulaInputException>(() => StoryReader.Read([], "txt", "a.txt")).Message);
        Assert.Contains("no story text", Assert.Throws<FabulaInputException>(() => StoryReader.Read(" \n\n "u8.ToArray(), "txt", "a.txt")).Message);
    }

    [Fact]
    public void Reads_the_sample_story_file()
    {
        var document = StoryReader.ReadFile(Samples.Path("the-lantern-keeper.txt"));
        Assert.StartsWith("The Lantern Keeper\n\nChapter 1: The Storm", document.Text);
        Assert.Equal("txt", document.Source.Format);
    }
}

internal static class Samples
{
    /// <summary>A file in the repository's samples/ folder, found from the test binary upwards.</summary>
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"samples/{name} not found above {AppContext.BaseDirectory}");
    }
}
