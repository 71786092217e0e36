using Fabula.Text;

namespace Fabula.Structure;

/// <summary>Placeholder: finds no Tokens yet.</summary>
public sealed class Tokenizer : IStage
{
    public void Run(Story story) => story.Add(new List<Token>());
}
