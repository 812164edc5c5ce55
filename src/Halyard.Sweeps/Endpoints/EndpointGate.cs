using Halyard.Decisions.Llm;

namespace Halyard.Sweeps.Endpoints;

/// <summary>Hands out leases for model calls per endpoint: one process (<see cref="LocalEndpointGate"/>) or a whole cluster.</summary>
public interface IEndpointGate
{
    /// <summary>A lease, or null when the endpoint has no limits; the caller waits until one is granted.</summary>
    Task<LeaseAnswer?> TryAcquireAsync(string endpoint, TimeSpan holdFor, CancellationToken cancellationToken);

    Task ReleaseAsync(string endpoint, Guid lease);
}

/// <summary>The gate of one process: a budget per configured endpoint under a lock.</summary>
public sealed class LocalEndpointGate(IReadOnlyList<EndpointLimit> limits, TimeProvider time) : IEndpointGate
{
    private readonly Dictionary<string, EndpointBudget> _budgets = limits.ToDictionary(l => l.Endpoint, l => new EndpointBudget(l), StringComparer.Ordinal);

    public Task<LeaseAnswer?> TryAcquireAsync(string endpoint, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        if (!_budgets.TryGetValue(endpoint, out var budget))
        {
            return Task.FromResult<LeaseAnswer?>(null);
        }

        lock (budget)
        {
            return Task.FromResult<LeaseAnswer?>(budget.TryAcquire(time.GetUtcNow(), holdFor));
        }
    }

    public Task ReleaseAsync(string endpoint, Guid lease)
    {
        if (_budgets.TryGetValue(endpoint, out var budget))
        {
            lock (budget)
            {
                budget.Release(lease);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns a gate into the replay's chat-client decorator: every model call waits for its endpoint's lease.</summary>
public static class EndpointGateDecorator
{
    /// <summary>How often a refused caller asks again when no retry time is known (a lease must be released first).</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public static ChatClientDecorator For(IEndpointGate gate, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(time);
        return (client, options) => new GatedChatClient(client, gate, EndpointKeyOf.Of(options), options.Timeout + TimeSpan.FromMinutes(1), time);
    }
}
