namespace Halyard.MarketData;

/// <summary>
/// Indicator series on one timeframe, each oldest → newest and of equal length (the last value is the
/// latest closed or current candle). Indicators are <c>double</c>; they are not money.
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
    IReadOnlyList<double> Volume);

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
