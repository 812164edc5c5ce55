using System.CommandLine;
using Halyard.Cli.Commands;

var root = new RootCommand("Halyard: an LLM trades Hyperliquid perpetuals inside hard, code-enforced risk rules.")
{
    PaperExchangeCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
