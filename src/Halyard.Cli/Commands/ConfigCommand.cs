using System.CommandLine;
using Halyard.Cycle.Configuration;

namespace Halyard.Cli.Commands;

/// <summary><c>halyard config init [PATH]</c> writes the starter configuration; <c>halyard config check FILE</c> reports every issue.</summary>
internal static class ConfigCommand
{
    public const string DefaultFile = "halyard.yaml";

    public static Command Create()
    {
        var path = new Argument<FileInfo?>("PATH") { Description = "where to write it (default: halyard.yaml)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "overwrite an existing file" };
        var init = new Command("init", "Write the starter configuration: the paper exchange funded with $10,000, the baseline decision maker, one trader.") { path, force };
        init.SetAction(result => Init(result, result.GetValue(path), result.GetValue(force)));

        var file = new Argument<FileInfo>("FILE") { Description = "the configuration to check" };
        var check = new Command("check", "Load a configuration and print every error and warning with its path; exit code 1 when there is an error.") { file };
        check.SetAction(result => Check(result, result.GetValue(file)!));

        return new Command("config", "Write or check a configuration file.") { init, check };
    }

    private static int Init(ParseResult result, FileInfo? target, bool force)
    {
        var output = result.InvocationConfiguration.Output;
        var file = target ?? new FileInfo(DefaultFile);
        if (file.Exists && !force)
        {
            result.InvocationConfiguration.Error.WriteLine($"{file.FullName} exists; pass --force to overwrite it.");
            return 1;
        }

        if (file.DirectoryName is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(file.FullName, HalyardConfig.Default().ToYaml());
        output.WriteLine($"Wrote {file.FullName}.");
        output.WriteLine($"Check it with: halyard config check {file.Name}; run it with: halyard replay --config {file.Name}");
        return 0;
    }

    private static int Check(ParseResult result, FileInfo file)
    {
        var output = result.InvocationConfiguration.Output;
        var loaded = HalyardConfigLoader.Load(file.FullName);
        foreach (var issue in loaded.Issues)
        {
            output.WriteLine(issue.ToString());
        }

        var errors = loaded.Errors.Count;
        var warnings = loaded.Warnings.Count;
        output.WriteLine(errors == 0
            ? $"{file.Name}: OK ({warnings} warning{(warnings == 1 ? "" : "s")})."
            : $"{file.Name}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}.");
        return errors == 0 ? 0 : 1;
    }
}
