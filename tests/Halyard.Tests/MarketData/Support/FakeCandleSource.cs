using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.MarketData;

namespace Halyard.Tests.MarketData.Support;

/// <summary>
/// Serves fixed candles like the venue: open time in [start, end] and not after now; the candle that
/// contains now is still in progress and comes back partial (see <see cref="Partial"/>). Records every
/// request; can fail on demand.
/// </summary>
internal sealed class FakeCandleSource(TimeProvider time, IReadOnlyDictionary<CandleInterval, IReadOnlyList<Candle>> candles) : ICandleSource
{
    public List<(string Coin, CandleInterval Interval, long StartMs, long EndMs)> Requests { get; } = [];

    /// <summary>Failures to return, per coin, before serving candles again.</summary>
    public Dictionary<string, Queue<Error>> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the served candles are passed through this (e.g. to shuffle or add stale ones).</summary>
    public Func<IReadOnlyList<Candle>, IReadOnlyList<Candle>>? Transform { get; set; }

    /// <summary>The in-progress version of <paramref name="final"/> at <paramref name="nowMs"/>: open, then the
    /// close moves linearly toward the final close; high/low cover open and close; volume pro rata.</summary>
    public static Candle Partial(Candle final, long nowMs, CandleInterval interval)
    {
        var fraction = (decimal)(nowMs - final.OpenTimeMs + 1) / interval.Milliseconds;
        if (fraction >= 1m)
        {
            return final;
        }

        var close = final.Open + ((final.Close - final.Open) * fraction);
        return new Candle(
            final.OpenTimeMs,
            final.Open,
            Math.Max(final.Open, close),
            Math.Min(final.Open, close),
            close,
            final.Volume * fraction);
    }

    public Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken)
    {
        Requests.Add((coin, interval, startMs, endMs));
        if (Failures.TryGetValue(coin, out var queue) && queue.Count > 0)
        {
            return Task.FromResult(Result<IReadOnlyList<Candle>>.Failure(queue.Dequeue()));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        IReadOnlyList<Candle> served = candles[interval]
            .Where(c => c.OpenTimeMs >= startMs && c.OpenTimeMs <= endMs && c.OpenTimeMs <= now)
            .Select(c => Partial(c, now, interval))
            .ToArray();
        return Task.FromResult(Result<IReadOnlyList<Candle>>.Success(Transform?.Invoke(served) ?? served));
    }

    public static Error Error(ErrorClass errorClass) => new(errorClass, "injected " + errorClass);
}
