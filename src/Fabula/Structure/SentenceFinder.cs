using Fabula.Text;

namespace Fabula.Structure;

/// <summary>Placeholder: finds no Sentences yet.</summary>
public sealed class SentenceFinder : IStage
{
    public void Run(Story story) => story.Add(new List<Sentence>());
}
