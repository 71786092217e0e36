using System.CommandLine;
using Fabula;
using Fabula.Cli;

return FabulaCommand.Run(args, Console.Out, Console.Error);
