using System.CommandLine;
using Halyard.Cli.Commands;

var root = new RootCommand("Halyard: an LLM trades Hyperliquid perpetuals inside hard, code-enforced risk rules.")
{
    RunCommand.Create(),
    ReplayCommand.Create(),
    ReportCommand.Create(),
    ConfigCommand.Create(),
    PaperExchangeCommand.Create(),
    DashboardCommand.Create(),
};
foreach (var command in ControlCommands.Create())
{
    root.Subcommands.Add(command);
}

return await Verbs.InvokeAsync(root, args);
