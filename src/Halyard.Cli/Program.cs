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
};

return await root.Parse(args).InvokeAsync();
