using System.CommandLine;
using Halyard.Cli.Commands;

namespace Halyard.Tests.Cli;

/// <summary>Runs a <c>halyard</c> command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ReplayCommand.Create(), ReportCommand.Create(), ConfigCommand.Create(), DashboardCommand.Create() };
        foreach (var command in ControlCommands.Create())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var code = await Verbs.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
