using System.Globalization;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.Hyperliquid.RateLimit;

/// <summary>
/// A rolling-window request-weight budget on the injected clock. Every request takes its weight before it
/// is sent; list endpoints add their per-item surcharge after the response (<see cref="Charge"/>), which may
/// push the budget into debt so that later requests wait. An HTTP 429 with <c>Retry-After</c> blocks the
/// budget until then (<see cref="BlockUntil"/>). Thread-safe; one instance per client, never static.
/// </summary>
public sealed class WeightBudget
{
    private readonly Lock _gate = new();
    private readonly Queue<Entry> _entries = new();
    private readonly TimeProvider _time;
    private int _used;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public WeightBudget(WeightBudgetOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        Options = options;
        _time = timeProvider;
    }

    public WeightBudgetOptions Options { get; }

    /// <summary>Weight that could be taken right now (0 while blocked or in debt).</summary>
    public int Available
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                Prune(now);
                return now < _blockedUntil ? 0 : Math.Max(0, Options.Capacity - _used);
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="weight"/> from the budget: null when the request may go, otherwise a
    /// <see cref="ErrorClass.RateLimited"/> error (the request was not sent) with the time until there is room.
    /// In <see cref="WeightBudgetMode.Wait"/> mode it first waits on the injected clock, up to
    /// <see cref="WeightBudgetOptions.MaxWait"/>. Cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async ValueTask<Error?> AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        if (weight < 1 || weight > Options.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A request weight must be between 1 and the budget capacity.");
        }

        var waited = TimeSpan.Zero;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                Prune(now);
                wait = WaitTime(now, weight);
                if (wait <= TimeSpan.Zero)
                {
                    Add(now, weight);
                    return null;
                }
            }

            if (Options.Mode == WeightBudgetMode.Fail || waited + wait > Options.MaxWait)
            {
                return Exhausted(weight, wait);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    /// <summary>Adds weight after the fact (per-item surcharges); never waits, may put the budget in debt.</summary>
    public void Charge(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        if (weight == 0)
        {
            return;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Prune(now);
            Add(now, weight);
        }
    }

    /// <summary>No request may go before <paramref name="until"/> (the venue answered 429 with Retry-After).</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    private static Error Exhausted(int weight, TimeSpan wait) => new(
        ErrorClass.RateLimited,
        string.Create(CultureInfo.InvariantCulture, $"Client-side weight budget exhausted: a request of weight {weight} must wait {wait.TotalSeconds:0.###} s; it was not sent."),
        RetryAfter: wait);

    private TimeSpan WaitTime(DateTimeOffset now, int weight)
    {
        var blocked = _blockedUntil > now ? _blockedUntil - now : TimeSpan.Zero;
        var excess = _used + weight - Options.Capacity;
        if (excess <= 0)
        {
            return blocked;
        }

        var freed = 0;
        foreach (var entry in _entries)
        {
            freed += entry.Weight;
            if (freed >= excess)
            {
                var expiry = entry.At + Options.Window - now;
                return expiry > blocked ? expiry : blocked;
            }
        }

        // Unreachable: the entries sum to _used and weight <= capacity, so they free enough.
        throw new InvalidOperationException("Weight budget bookkeeping is inconsistent.");
    }

    private void Add(DateTimeOffset now, int weight)
    {
        _entries.Enqueue(new Entry(now, weight));
        _used += weight;
    }

    private void Prune(DateTimeOffset now)
    {
        while (_entries.TryPeek(out var oldest) && oldest.At + Options.Window <= now)
        {
            _entries.Dequeue();
            _used -= oldest.Weight;
        }
    }

    private readonly record struct Entry(DateTimeOffset At, int Weight);
}
