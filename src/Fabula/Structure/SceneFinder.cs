using Fabula.Text;

namespace Fabula.Structure;

/// <summary>Placeholder: finds no Scenes yet.</summary>
public sealed class SceneFinder : IStage
{
    public void Run(Story story) => story.Add(new List<Scene>());
}
