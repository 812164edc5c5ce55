namespace Halyard.Sweeps.Endpoints;

/// <summary>A lease for one model call, or how long to wait before asking again (null: until a lease is released).</summary>
public readonly record struct LeaseAnswer(Guid? Lease, TimeSpan? RetryAfter)
{
    public bool Granted => Lease is not null;
}

/// <summary>
/// The budget of one endpoint: at most <see cref="EndpointLimit.MaxConcurrency"/> leases out at once, at most
/// <see cref="EndpointLimit.RequestsPerMinute"/> granted in any rolling minute. A lease not released by its
/// deadline (its holder died) is taken back. Not thread-safe: the local gate holds a lock, the cluster's
/// endpoint grain is single-threaded.
/// </summary>
public sealed class EndpointBudget(EndpointLimit limit)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, DateTimeOffset> _leases = [];
    private readonly Queue<DateTimeOffset> _starts = new();

    public EndpointLimit Limit { get; } = limit ?? throw new ArgumentNullException(nameof(limit));

    public int InFlight => _leases.Count;

    public LeaseAnswer TryAcquire(DateTimeOffset now, TimeSpan holdFor)
    {
        foreach (var expired in _leases.Where(l => l.Value <= now).Select(l => l.Key).ToArray())
        {
            _leases.Remove(expired);
        }

        while (_starts.Count > 0 && _starts.Peek() <= now - Minute)
        {
            _starts.Dequeue();
        }

        if (_leases.Count >= Limit.MaxConcurrency)
        {
            return new LeaseAnswer(null, null);
        }

        if (Limit.RequestsPerMinute is { } rpm && _starts.Count >= rpm)
        {
            return new LeaseAnswer(null, _starts.Peek() + Minute - now);
        }

        var lease = Guid.NewGuid();
        _leases[lease] = now + holdFor;
        _starts.Enqueue(now);
        return new LeaseAnswer(lease, null);
    }

    public void Release(Guid lease) => _leases.Remove(lease);
}
