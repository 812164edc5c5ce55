using System.Globalization;
using Halyard.Cli.Rendering;
using Halyard.Cluster.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary><c>halyard sweep --cluster CLUSTER.yaml</c>: submits the plan to the Orleans cluster and follows it into the index.</summary>
internal static class ClusterSweepCommand
{
    public static async Task<int> SubmitAsync(ClusterSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var (config, errors) = ClusterConfig.Load(submission.ClusterFile.FullName);
        if (config is null)
        {
            foreach (var e in errors)
            {
                await submission.Error.WriteLineAsync("sweep: " + submission.ClusterFile.Name + ": " + e).ConfigureAwait(false);
            }

            return 2;
        }

        var plan = config.Results is { } results ? submission.Plan with { OutDirectory = Path.Combine(results, submission.Plan.Name) } : submission.Plan;
        var console = submission.Console;
        using var host = SiloHost.BuildClient(config);
        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await submission.Error.WriteLineAsync($"sweep: cannot reach the cluster of {submission.ClusterFile.Name}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        var grains = host.Services.GetRequiredService<IClusterClient>();
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Sweep {plan.Name}: {plan.Jobs.Count} job(s) submitted to cluster {config.ClusterId} ({config.Clustering.ToString().ToLowerInvariant()}), results in {plan.OutDirectory}. Ctrl-C stops following; the cluster goes on.")));
        var outcome = await SweepProgressView.RunAsync(console, progress => ClusterSweep.RunAsync(grains, plan, ClusterSweepOptions.From(config, submission.Definition), progress, ct)).ConfigureAwait(false);
        await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return SweepCommand.Finish(console, outcome, plan.OutDirectory);
    }
}
