using System.CommandLine;
using Spectre.Console;

namespace Halyard.Cli.Rendering;

/// <summary>The console a command writes to: the real terminal with colours and live progress, or plain text when redirected (or in tests).</summary>
internal static class Terminal
{
    public static IAnsiConsole For(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var writer = result.InvocationConfiguration.Output;
        if (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        return Plain(writer);
    }

    public static bool IsInteractive(IAnsiConsole console) => console.Profile.Capabilities.Interactive;

    public static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }
}
