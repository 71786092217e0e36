using Fabula.Text;

namespace Fabula.Structure;

/// <summary>Placeholder: finds no Chapters yet.</summary>
public sealed class ChapterFinder : IStage
{
    public void Run(Story story) => story.Add(new List<Chapter>());
}
