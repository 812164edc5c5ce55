using System.CommandLine;

namespace Halyard.Cli.Commands;

/// <summary>
/// The first word of the command line must name a command. Without this check <c>halyard nosuch --help</c>
/// prints the root help and exits 0, so a script cannot tell a missing command from a working one.
/// </summary>
public static class Verbs
{
    /// <summary>The error for a first word that names no command, or null when it names one (or is an option or a directive).</summary>
    public static string? Unknown(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0].StartsWith('-') || args[0].StartsWith('['))
        {
            return null;
        }

        var known = root.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name));
        return known.Contains(args[0], StringComparer.Ordinal)
            ? null
            : $"unknown command '{args[0]}'; the commands are: {string.Join(", ", root.Subcommands.Select(c => c.Name))} (halyard --help)";
    }

    /// <summary>Runs the command line; an unknown command prints an error and returns 2 (bad arguments).</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (Unknown(root, args) is { } error)
        {
            await (configuration?.Error ?? Console.Error).WriteLineAsync(error).ConfigureAwait(false);
            return 2;
        }

        return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
    }
}
