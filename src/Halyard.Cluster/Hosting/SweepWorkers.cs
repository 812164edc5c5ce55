using System.Globalization;
using Halyard.Cluster.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Hosting;

/// <summary>
/// A silo's workers: while fewer than <see cref="WorkerOptions.Workers"/> job grains it started are running,
/// it asks the active sweeps for a pending job and starts that job's grain (placed on this silo). Pull, not
/// push: a busy silo takes nothing more, a new silo starts taking work as soon as it joins.
/// </summary>
public sealed class SweepWorkers(IGrainFactory grains, WorkerOptions options, ILogger<SweepWorkers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<IJobGrain>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(running).ConfigureAwait(false);
                var leased = running.Count < options.Workers && await TryLeaseAsync(running).ConfigureAwait(false);
                if (!leased)
                {
                    await Task.Delay(options.Poll, options.Wall, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or InvalidOperationException)
            {
                ClusterLog.WorkerError(logger, e.Message);
                await Task.Delay(options.Poll, options.Wall, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task PruneAsync(List<IJobGrain> running)
    {
        for (var i = running.Count - 1; i >= 0; i--)
        {
            bool alive;
            try
            {
                alive = await running[i].IsRunning().ConfigureAwait(false);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                alive = false; // its activation is gone; its lease expires and the job is leased again.
            }

            if (!alive)
            {
                running.RemoveAt(i);
            }
        }
    }

    private async Task<bool> TryLeaseAsync(List<IJobGrain> running)
    {
        foreach (var sweep in await grains.GetGrain<ISweepRegistryGrain>(0).Active().ConfigureAwait(false))
        {
            var lease = await grains.GetGrain<ISweepGrain>(sweep).Lease(options.Name).ConfigureAwait(false);
            if (lease is null)
            {
                continue;
            }

            var job = grains.GetGrain<IJobGrain>(string.Create(CultureInfo.InvariantCulture, $"{sweep}/{lease.Job.Name}/{lease.Lease:N}"));
            await job.Start(lease, options.Name).ConfigureAwait(false);
            running.Add(job);
            ClusterLog.Leased(logger, options.Name, lease.Job.Name, sweep);
            return true;
        }

        return false;
    }
}
