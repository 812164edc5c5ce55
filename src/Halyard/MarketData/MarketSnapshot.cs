namespace Halyard.MarketData;

/// <summary>
/// Indicator series on one timeframe, each oldest → newest and of equal length (the last value is the
/// latest closed or current candle). Indicators are <c>double</c>; they are not money.
/// Warm-up: a value the history cannot define yet is <see cref="double.NaN"/> (see
/// <see cref="IndicatorState"/>); lists stay aligned with <see cref="Close"/>. Print NaN as "n/a".
/// </summary>
public sealed record IndicatorSeries(
    string Interval,
    IReadOnlyList<double> Close,
    IReadOnlyList<double> Ema20,
    IReadOnlyList<double> Ema50,
    IReadOnlyList<double> Rsi7,
    IReadOnlyList<double> Rsi14,
    IReadOnlyList<double> Macd,
    IReadOnlyList<double> MacdSignal,
    IReadOnlyList<double> Atr3,
    IReadOnlyList<double> Atr14,
    IReadOnlyList<double> Volume)
{
    /// <summary>MACD histogram (line − signal) per candle, NaN where the signal is not defined yet.</summary>
    public IReadOnlyList<double> MacdHistogram => Macd.Zip(MacdSignal, (line, signal) => line - signal).ToArray();

    /// <summary>True when the newest value of every indicator is defined (no warm-up NaN).</summary>
    public bool IsWarm =>
        Close.Count > 0 && !double.IsNaN(Ema50[^1]) && !double.IsNaN(Ema20[^1]) && !double.IsNaN(Rsi7[^1])
        && !double.IsNaN(Rsi14[^1]) && !double.IsNaN(Macd[^1]) && !double.IsNaN(MacdSignal[^1])
        && !double.IsNaN(Atr3[^1]) && !double.IsNaN(Atr14[^1]);
}

/// <summary>
/// What the model sees of one coin each cycle, from the venue's own data: price, trend deltas, open
/// interest and funding from <c>metaAndAssetCtxs</c>, and indicator series on an intraday and a 4h timeframe.
/// </summary>
/// <param name="Price">The live reference price (mid, else mark).</param>
/// <param name="Change1hPct">Percent change over the last hour, when the history covers it.</param>
/// <param name="Change4hPct">Percent change over the last four hours, when the history covers it.</param>
/// <param name="OpenInterest">Open interest in coins.</param>
/// <param name="Funding">Current hourly funding rate.</param>
public sealed record MarketSnapshot(
    string Coin,
    decimal Price,
    decimal MarkPrice,
    decimal? Change1hPct,
    decimal? Change4hPct,
    decimal OpenInterest,
    decimal Funding,
    IndicatorSeries Intraday,
    IndicatorSeries FourHour)
{
    public decimal OpenInterestUsd => OpenInterest * MarkPrice;
}
