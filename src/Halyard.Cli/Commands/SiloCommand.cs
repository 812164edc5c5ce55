using System.CommandLine;
using Halyard.Cluster.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cli.Commands;

/// <summary><c>halyard silo --config CLUSTER.yaml</c>: an Orleans silo that runs sweep jobs with its workers, until Ctrl-C or SIGTERM.</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "the cluster file (docs/sweeps.md)", Required = true };
        var port = new Option<int?>("--silo-port") { Description = "overrides silo_port (several silos on one machine)" };
        var gateway = new Option<int?>("--gateway-port") { Description = "overrides gateway_port" };
        var workers = new Option<int?>("--workers") { Description = "overrides workers: replays at once on this silo" };
        var name = new Option<string?>("--name") { Description = "overrides name: this silo in the index" };
        var verbose = new Option<bool>("--verbose") { Description = "log Orleans at Information level" };
        var command = new Command("silo", "Start an Orleans silo that runs sweep jobs (halyard sweep --cluster) with its workers.") { config, port, gateway, workers, name, verbose };
        command.SetAction((result, ct) => RunAsync(result, result.GetValue(config)!, result.GetValue(port), result.GetValue(gateway), result.GetValue(workers), result.GetValue(name), result.GetValue(verbose), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, FileInfo file, int? port, int? gateway, int? workers, string? name, bool verbose, CancellationToken ct)
    {
        var error = result.InvocationConfiguration.Error;
        var (config, errors) = ClusterConfig.Load(file.FullName);
        if (config is null)
        {
            foreach (var e in errors)
            {
                await error.WriteLineAsync("silo: " + file.Name + ": " + e).ConfigureAwait(false);
            }

            return 2;
        }

        if (workers is <= 0)
        {
            await error.WriteLineAsync("silo: --workers must be at least 1.").ConfigureAwait(false);
            return 2;
        }

        config = config with
        {
            SiloPort = port ?? config.SiloPort,
            GatewayPort = gateway ?? config.GatewayPort,
            Workers = workers ?? config.Workers,
            Name = name ?? config.Name,
        };
        using var host = SiloHost.Build(config, verbose ? LogLevel.Information : LogLevel.Warning);
        await host.StartAsync(ct).ConfigureAwait(false);
        await result.InvocationConfiguration.Output.WriteLineAsync(
            $"Silo {config.SiloName} of cluster {config.ClusterId} ({config.Clustering.ToString().ToLowerInvariant()}), {config.Workers} worker(s), silo port {config.SiloPort}, gateway {config.GatewayPort}. Ctrl-C stops.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }
}
