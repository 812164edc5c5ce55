using Halyard.Cluster.Contracts;
using Halyard.Cluster.Hosting;
using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Grains;

/// <inheritdoc cref="IJobGrain"/>
[Orleans.Placement.PreferLocalPlacement]
public sealed class JobGrain(WorkerOptions options, ILogger<JobGrain> logger) : Grain, IJobGrain
{
    private Task? _run;

    public Task Start(JobLease lease, string worker)
    {
        ArgumentNullException.ThrowIfNull(lease);
        // The replay runs off the grain's scheduler (it is long and CPU-bound); this call returns at once.
        var grains = GrainFactory;
        _run ??= Task.Run(() => new JobAttempt(grains, options, logger).RunLoggedAsync(lease, worker));
        return Task.CompletedTask;
    }

    public Task<bool> IsRunning() => Task.FromResult(_run is { IsCompleted: false });
}
