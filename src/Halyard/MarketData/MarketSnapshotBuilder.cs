using Halyard.Domain;

namespace Halyard.MarketData;

/// <summary>
/// Builds the <see cref="MarketSnapshot"/> of one coin from its <c>metaAndAssetCtxs</c> context and its
/// intraday and 4h <see cref="IndicatorState"/>s. Price is the mid, else the mark. Open interest and
/// funding come from the context.
/// <para>
/// Trend deltas come from the <b>intraday</b> candles: with the newest intraday candle opening at T,
/// ChangeXPct = (Price / close of the candle that opened at T − X − 1) × 100, rounded to 4 decimals, i.e.
/// the live price against the price X before the newest candle's close. Null when the kept candles do not
/// reach back that far (or the reference close is zero).
/// </para>
/// Costs O(series length) per call; the series themselves are cached by the states.
/// </summary>
public sealed class MarketSnapshotBuilder
{
    private readonly long _hourMs;

    public MarketSnapshotBuilder(MarketSnapshotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _hourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;
    }

    public MarketSnapshotOptions Options { get; }

    public MarketSnapshot Build(AssetContext context, IndicatorState intraday, IndicatorState fourHour)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(intraday);
        ArgumentNullException.ThrowIfNull(fourHour);
        if (intraday.Interval != Options.Intraday || fourHour.Interval != Options.Slow)
        {
            throw new ArgumentException(
                $"Expected {Options.Intraday.Name} and {Options.Slow.Name} states, got {intraday.Interval.Name} and {fourHour.Interval.Name}.");
        }

        var price = context.LivePrice;
        return new MarketSnapshot(
            context.Coin,
            price,
            context.MarkPrice,
            ChangePct(price, intraday, _hourMs),
            ChangePct(price, intraday, 4 * _hourMs),
            context.OpenInterest,
            context.Funding,
            intraday.ToSeries(),
            fourHour.ToSeries());
    }

    /// <summary>The percent change of <paramref name="price"/> against the intraday close <paramref name="windowMs"/> ago.</summary>
    public static decimal? ChangePct(decimal price, IndicatorState intraday, long windowMs)
    {
        ArgumentNullException.ThrowIfNull(intraday);
        if (intraday.Last is not { } last
            || !intraday.TryGetClose(last.OpenTimeMs - windowMs, out var reference)
            || reference == 0m)
        {
            return null;
        }

        return decimal.Round(((price / reference) - 1m) * 100m, 4);
    }
}
