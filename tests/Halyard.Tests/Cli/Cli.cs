using System.CommandLine;
using Halyard.Cli.Commands;

namespace Halyard.Tests.Cli;

/// <summary>Runs a <c>halyard</c> command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ReplayCommand.Create(), ReportCommand.Create(), ConfigCommand.Create(), SweepCommand.Create() };
        var output = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
