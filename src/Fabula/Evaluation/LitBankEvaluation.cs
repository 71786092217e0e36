namespace Fabula.Evaluation;

/// <summary>Scores the pipeline against LitBank's gold annotations (see ../shared/litbank/README.md).</summary>
public static class LitBankEvaluation
{
    /// <summary>Runs the pipeline on each annotated book in DIR/original and writes the scores.</summary>
    public static int Run(string litbankDir, bool verbose, TextWriter output)
    {
        if (!Directory.Exists(Path.Combine(litbankDir, "original")))
            throw new FabulaInputException($"{litbankDir} does not look like LitBank (no original/ folder)");
        output.WriteLine("no scores yet");
        return 0;
    }
}
