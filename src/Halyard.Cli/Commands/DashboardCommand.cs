using System.CommandLine;
using Halyard.Operations.Reports;
using Halyard.Operations.Web;

namespace Halyard.Cli.Commands;

/// <summary><c>halyard dashboard RUN_DIR…</c>: the dashboard of finished runs (read-only) on 127.0.0.1 until Ctrl-C.</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var folders = new Argument<DirectoryInfo[]>("RUN_DIR") { Description = "one or more run folders (replays, or journal folders of halyard run)", Arity = ArgumentArity.OneOrMore };
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 8788 };
        var command = new Command("dashboard", "Serve the read-only dashboard of finished runs (arena, positions, decision timelines) on 127.0.0.1 until Ctrl-C.") { folders, port };
        command.SetAction(async (result, ct) =>
        {
            var dirs = result.GetValue(folders)!.Select(d => d.FullName).ToArray();
            var missing = dirs.Where(d => !RunFolders.IsRunFolder(d)).ToArray();
            if (missing.Length > 0)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("not a run folder (no cycles.jsonl): " + string.Join(", ", missing)).ConfigureAwait(false);
                return 1;
            }

            await using var server = await OperationsServer.StartAsync(new ServerOptions { Source = new FolderSource(dirs), Port = result.GetValue(port) }, ct).ConfigureAwait(false);
            await result.InvocationConfiguration.Output.WriteLineAsync($"Dashboard (read-only) on {server.Url}/ — Ctrl-C stops.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C.
            }

            return 0;
        });
        return command;
    }
}
