using Halyard.Cluster.Contracts;
using Halyard.Cluster.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Grains;

/// <inheritdoc cref="IJobGrain"/>
[Orleans.Placement.PreferLocalPlacement]
public sealed class JobGrain(WorkerOptions options, ILogger<JobGrain> logger, IHostApplicationLifetime lifetime) : Grain, IJobGrain
{
    private Task? _run;

    public Task Start(JobLease lease, string worker)
    {
        ArgumentNullException.ThrowIfNull(lease);
        // The replay runs off the grain's scheduler (it is long and CPU-bound); this call returns at once.
        // A silo that stops (or dies) abandons its replays without reporting them: the lease expires and another
        // worker runs the job again.
        var grains = GrainFactory;
        var stopping = lifetime.ApplicationStopping;
        _run ??= Task.Run(() => new JobAttempt(grains, options, logger).RunLoggedAsync(lease, worker, stopping));
        return Task.CompletedTask;
    }

    public Task<bool> IsRunning() => Task.FromResult(_run is { IsCompleted: false });
}
