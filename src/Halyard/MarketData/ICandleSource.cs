using Halyard.Domain;

namespace Halyard.MarketData;

/// <summary>
/// Where candles come from: the venue's <c>candleSnapshot</c> (the info client's adapter), or a replay.
/// Returns the candles of <paramref name="coin"/> whose open time lies in [startMs, endMs], oldest first,
/// the newest possibly still in progress. Venue and network failures are values, never exceptions.
/// </summary>
public interface ICandleSource
{
    Task<Result<IReadOnlyList<Candle>>> FetchAsync(string coin, CandleInterval interval, long startMs, long endMs, CancellationToken cancellationToken);
}

/// <summary>The request weight of <c>candleSnapshot</c>: 20, plus 1 per 60 candles returned (rounded down).</summary>
public static class CandleSnapshotWeight
{
    /// <summary>The base weight of an info request.</summary>
    public const int Base = 20;

    /// <summary>Candles per additional unit of weight.</summary>
    public const int CandlesPerUnit = 60;

    public static int For(int candles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candles);
        return Base + (candles / CandlesPerUnit);
    }

    /// <summary>
    /// The weight of a request for [startMs, endMs] at most: every candle whose open time lies in the
    /// window (what an adapter passes to the HTTP budget before sending).
    /// </summary>
    public static int ForWindow(CandleInterval interval, long startMs, long endMs)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (endMs < startMs)
        {
            return Base;
        }

        var first = interval.FloorMs(startMs) == startMs ? startMs : interval.FloorMs(startMs) + interval.Milliseconds;
        var candles = endMs < first ? 0 : ((interval.FloorMs(endMs) - first) / interval.Milliseconds) + 1;
        return For((int)Math.Min(candles, int.MaxValue));
    }
}

/// <summary>
/// One planned <c>candleSnapshot</c> request: the window, how many candles it should return and what it
/// should weigh. <paramref name="IsInitial"/> is true for a first (or reset) fetch of the warm-up lookback.
/// </summary>
public sealed record CandleRequest(string Coin, CandleInterval Interval, long StartMs, long EndMs, int ExpectedCandles, bool IsInitial)
{
    public int ExpectedWeight => CandleSnapshotWeight.For(ExpectedCandles);
}
