using BenchmarkDotNet.Running;
using Fabula.Bench;

// dotnet run -c Release --project bench/Fabula.Bench -- table [--quick] [--corpus-only] [--passes N]    the throughput table (a minute or two)
// dotnet run -c Release --project bench/Fabula.Bench -- bdn [BenchmarkDotNet args, e.g. --filter *Stage*]
if (args.Length > 0 && args[0] == "table")
{
    Console.WriteLine($"LitBank: {Corpus.Folder}");
    int passes = Array.IndexOf(args, "--passes") is int at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 1;
    ThroughputTable.Print(Console.Out, quick: args.Contains("--quick"), corpusOnly: args.Contains("--corpus-only"), passes);
    return 0;
}
if (args.Length > 0 && args[0] == "bdn")
{
    _ = Corpus.Folder;
    BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args[1..]);
    return 0;
}
Console.Error.WriteLine("usage: Fabula.Bench table [--quick] [--corpus-only] | bdn [BenchmarkDotNet arguments]");
return 2;
