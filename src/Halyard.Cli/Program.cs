using System.CommandLine;
using Halyard.Cli.Commands;

var root = new RootCommand("Halyard: an LLM trades Hyperliquid perpetuals inside hard, code-enforced risk rules.")
{
    RunCommand.Create(),
    ReplayCommand.Create(),
    ReportCommand.Create(),
    SweepCommand.Create(),
    SiloCommand.Create(),
    ConfigCommand.Create(),
    PaperExchangeCommand.Create(),
    DashboardCommand.Create(),
};
foreach (var command in ControlCommands.Create())
{
    root.Subcommands.Add(command);
}

// `halyard run` owns SIGINT/SIGTERM (it needs longer than the 2 s System.CommandLine gives, and a second
// Ctrl-C that forces); every other command keeps the default handling.
var owned = args.Length > 0 && args[0] == "run";
return await Verbs.InvokeAsync(root, args, new InvocationConfiguration { ProcessTerminationTimeout = owned ? null : TimeSpan.FromSeconds(2) });
