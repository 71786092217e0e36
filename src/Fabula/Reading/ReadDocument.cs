namespace Fabula.Reading;

/// <summary>What a reader makes of one input: the normalized story text and what is known about it.</summary>
public sealed record ReadDocument(string Text, StorySource Source);

/// <summary>Where a story came from and what its container says about it.</summary>
public sealed record StorySource(
    string? Path,
    string Format,
    string? Title,
    string? Author,
    DeclaredTags? Declared,
    IReadOnlyList<ChapterMark> ChapterMarks)
{
    public static StorySource Plain(string? path = null, string format = "txt") => new(path, format, null, null, null, []);
}

/// <summary>
/// A chapter boundary the document's markup states (an AO3 chapter, an EPUB spine item, a DOCX
/// heading): its start offset in the story text and its title, if any.
/// </summary>
public sealed record ChapterMark(int Start, string? Title);

/// <summary>The preface of an AO3 download: what the author declared about the work.</summary>
public sealed record DeclaredTags(
    string? Rating,
    IReadOnlyList<string> ArchiveWarnings,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Fandoms,
    IReadOnlyList<string> Relationships,
    IReadOnlyList<string> Characters,
    IReadOnlyList<string> AdditionalTags,
    string? Summary,
    IReadOnlyList<string> Notes);
