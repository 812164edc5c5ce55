namespace Halyard.MarketData;

/// <summary>How much history the <see cref="CandleCache"/> fetches.</summary>
public sealed record CandleCacheOptions
{
    /// <summary>The venue serves only the most recent ~5000 candles of an interval.</summary>
    public const int MaxLookbackCandles = 5000;

    /// <summary>
    /// Candles fetched the first time a (coin, interval) is seen, and again after a gap longer than this.
    /// Default 300 (weight 25): ≥ 50 for EMA50 plus room for the SMA seed to fade (its weight after 250
    /// more candles is (1 − 2/51)^250 ≈ 5e-5) and for the 81 intraday candles of the 4h delta.
    /// </summary>
    public int LookbackCandles { get; init; } = 300;

    /// <summary>Throws <see cref="ArgumentException"/> when the lookback cannot warm the indicators up or fill the kept candles.</summary>
    public void Validate(MarketSnapshotOptions snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var minimum = Math.Max(
            IndicatorState.WarmupCandles + snapshot.SeriesLength - 1,
            snapshot.CandleCapacity(snapshot.Intraday));
        if (LookbackCandles < minimum || LookbackCandles > MaxLookbackCandles)
        {
            throw new ArgumentException(
                $"{nameof(LookbackCandles)} = {LookbackCandles}: allowed {minimum}..{MaxLookbackCandles} "
                + $"(warm-up {IndicatorState.WarmupCandles} + series {snapshot.SeriesLength} − 1, and the intraday history).",
                nameof(LookbackCandles));
        }
    }
}
