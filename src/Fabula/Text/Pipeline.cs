using System.Collections.Immutable;
using Fabula.Reading;

namespace Fabula.Text;

/// <summary>A stage reads the layers it needs and adds its own.</summary>
public interface IStage
{
    void Run(Story story);
}

/// <summary>An immutable, ordered list of stages, shared across threads.</summary>
public sealed class Pipeline(ImmutableArray<IStage> stages)
{
    public ImmutableArray<IStage> Stages => stages;

    public static Pipeline Default { get; } = new([
        new Structure.ParagraphFinder(),
        new Structure.Tokenizer(),
        new Structure.SentenceFinder(),
        new Structure.ChapterFinder(),
        new Structure.SceneFinder(),
        new Quotations.QuotationFinder(),
        new Cast.CastFinder(),
        new Dialogue.SpeakerFinder(),
        new World.Relations.RelationFinder(),
        new World.Network.NetworkFinder(),
        new World.AttributeFinder(),
        new World.PlaceFinder(),
        new World.TimelineFinder(),
        new World.WorldConsistency(),
        new Content.ContentProfiler(),
    ]);

    public Story Run(ReadDocument document)
    {
        var story = new Story(document);
        foreach (var stage in stages)
            stage.Run(story);
        return story;
    }

    /// <summary>Runs the pipeline on plain text (tests, benchmarks).</summary>
    public Story Run(string text) => Run(new ReadDocument(TextNormalizer.Normalize(text), StorySource.Plain()));
}
