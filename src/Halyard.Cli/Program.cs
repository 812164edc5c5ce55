using System.CommandLine;
using Halyard.Cli.Commands;

var root = new RootCommand("Halyard: an LLM trades Hyperliquid perpetuals inside hard, code-enforced risk rules.")
{
    RunCommand.Create(),
    ReplayCommand.Create(),
    ReportCommand.Create(),
    ConfigCommand.Create(),
    PaperExchangeCommand.Create(),
};

// `halyard run` owns SIGINT/SIGTERM (it needs longer than the 2 s System.CommandLine gives, and a second
// Ctrl-C that forces); every other command keeps the default handling.
var parsed = root.Parse(args);
var owned = parsed.CommandResult.Command.Name == "run";
return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = owned ? null : TimeSpan.FromSeconds(2) });
