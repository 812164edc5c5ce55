using Halyard.Cluster.Contracts;
using Halyard.Cluster.Grains;
using Halyard.Cycle.Reporting;
using Halyard.Domain;
using Halyard.Sweeps.Endpoints;
using Halyard.Sweeps.Running;
using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Hosting;

/// <summary>
/// One attempt of a job on this silo, off the grain scheduler: the replay, its lease renewals, and the report
/// of how it ended to the sweep's coordinator (retried while the coordinator moves after a silo loss).
/// </summary>
internal sealed class JobAttempt(IGrainFactory grains, WorkerOptions options, ILogger logger)
{
    /// <summary>Runs the attempt; a bug is logged (the lease then expires and another worker runs the job again).</summary>
    public async Task RunLoggedAsync(JobLease lease, string worker, CancellationToken siloStopping = default)
    {
        try
        {
            await RunAsync(lease, worker, siloStopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ClusterLog.AttemptFailed(logger, lease.Job.Name, e.ToString());
        }
    }

    private async Task RunAsync(JobLease lease, string worker, CancellationToken siloStopping)
    {
        var sweep = grains.GetGrain<ISweepGrain>(lease.Sweep);
        var wall = options.Wall;
        var started = wall.GetUtcNow();
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(siloStopping);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(sweep, lease, lost, renewing.Token);
        Result<RunSummary>? outcome = null;
        try
        {
            var gate = new ClusterEndpointGate(grains, lease.Endpoints);
            outcome = await JobRunner.RunAsync(lease.Job.ToSpec(), new JobRunnerOptions
            {
                Data = options.Data,
                Wall = wall,
                DecorateChatClient = lease.Endpoints.Count == 0 ? null : EndpointGateDecorator.For(gate, wall),
            }, lost.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            ClusterLog.LeaseLost(logger, lease.Job.Name, worker);
            return;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = new Error(ErrorClass.Unknown, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        if (siloStopping.IsCancellationRequested)
        {
            ClusterLog.LeaseLost(logger, lease.Job.Name, worker);
            return;
        }

        var completion = new JobCompletion(lease.Job.Name, lease.Job.Digest, lease.Lease, worker, started, wall.GetUtcNow(), outcome.IsSuccess ? outcome.Value.ToJson() : null, outcome.Error?.Message);
        await ReportAsync(sweep, completion).ConfigureAwait(false);
    }

    /// <summary>Renews the lease at a third of its timeout; a refused renewal (the job was given to another worker) stops the replay.</summary>
    private async Task RenewAsync(ISweepGrain sweep, JobLease lease, CancellationTokenSource lost, CancellationToken stop)
    {
        var every = lease.Timeout / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, options.Wall, stop).ConfigureAwait(false);
                if (!await sweep.Renew(lease.Job.Name, lease.Lease).ConfigureAwait(false))
                {
                    ClusterLog.RenewRefused(logger, lease.Job.Name, lease.Lease.ToString());
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The coordinator is moving (its silo died): keep running, renew again at the next tick.
                ClusterLog.CallFailed(logger, "renew " + lease.Job.Name, e.Message);
            }
        }
    }

    /// <summary>Reports the completion, retrying while the coordinator moves to another silo.</summary>
    private async Task ReportAsync(ISweepGrain sweep, JobCompletion completion)
    {
        for (var attempt = 1; attempt <= 60; attempt++)
        {
            try
            {
                await sweep.Complete(completion).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                ClusterLog.CallFailed(logger, "complete " + completion.Name, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), options.Wall).ConfigureAwait(false);
            }
        }
    }
}
