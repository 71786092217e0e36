using Fabula.Text;

namespace Fabula.Quotations;

/// <summary>Placeholder: finds no quotations yet.</summary>
public sealed class QuotationFinder : IStage
{
    public void Run(Story story) => story.Add(new List<Quotation>());
}
