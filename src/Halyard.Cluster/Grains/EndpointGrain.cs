using Halyard.Cluster.Contracts;
using Halyard.Sweeps.Endpoints;

namespace Halyard.Cluster.Grains;

/// <summary>
/// <inheritdoc cref="IEndpointGrain"/> One activation in the cluster holds the budget in memory; if its silo
/// dies the budget starts afresh elsewhere (the leases then outstanding are forgotten: at most one
/// concurrency's worth of calls over the limit, for at most one model call).
/// </summary>
public sealed class EndpointGrain(TimeProvider time) : Grain, IEndpointGrain
{
    private EndpointBudget? _budget;

    public Task<LeaseAnswerDto> TryAcquire(EndpointLimitDto limit, TimeSpan holdFor)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var wanted = new EndpointLimit(limit.Endpoint, limit.MaxConcurrency, limit.RequestsPerMinute);
        if (_budget is null || _budget.Limit != wanted)
        {
            _budget = new EndpointBudget(wanted);
        }

        var answer = _budget.TryAcquire(time.GetUtcNow(), holdFor);
        return Task.FromResult(new LeaseAnswerDto(answer.Lease, answer.RetryAfter));
    }

    public Task Release(Guid lease)
    {
        _budget?.Release(lease);
        return Task.CompletedTask;
    }
}

/// <summary>The cluster-wide gate: each endpoint's budget is its grain's.</summary>
public sealed class ClusterEndpointGate(IGrainFactory grains, IReadOnlyList<EndpointLimitDto> limits) : IEndpointGate
{
    private readonly Dictionary<string, EndpointLimitDto> _limits = limits.ToDictionary(l => l.Endpoint, StringComparer.Ordinal);

    public async Task<LeaseAnswer?> TryAcquireAsync(string endpoint, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(endpoint, out var limit))
        {
            return null;
        }

        var answer = await grains.GetGrain<IEndpointGrain>(endpoint).TryAcquire(limit, holdFor).WaitAsync(cancellationToken).ConfigureAwait(false);
        return new LeaseAnswer(answer.Lease, answer.RetryAfter);
    }

    public Task ReleaseAsync(string endpoint, Guid lease) => grains.GetGrain<IEndpointGrain>(endpoint).Release(lease);
}
