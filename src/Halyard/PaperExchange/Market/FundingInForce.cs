namespace Halyard.PaperExchange.Market;

/// <summary>
/// Each asset's funding rate in force (<see cref="MarketView.CurrentFunding"/>), kept with the span of time it holds
/// for (from its print to the next one): a reader asking every cycle looks the history up once per print, not once
/// per read. The same rate, scale included. Not thread-safe: one per reader that holds the engine's lock.
/// </summary>
internal sealed class FundingInForce
{
    private readonly MarketView _market;
    private readonly (long FromMs, long UntilMs, decimal? Rate)?[] _spans;

    public FundingInForce(MarketView market)
    {
        _market = market;
        _spans = new (long, long, decimal?)?[market.AssetCount];
    }

    public decimal? At(int assetId, long timeMs)
    {
        if ((uint)assetId >= (uint)_spans.Length)
        {
            return _market.CurrentFunding(assetId, timeMs);
        }

        if (_spans[assetId] is { } span && span.FromMs <= timeMs && timeMs < span.UntilMs)
        {
            return span.Rate;
        }

        if (_market.FundingSeriesOf(assetId) is not { } series)
        {
            // Live prices (the feed's context) or no history: asked each time.
            return _market.CurrentFunding(assetId, timeMs);
        }

        var index = series.LastIndexAtOrBefore(timeMs);
        var from = index >= 0 ? series.Time(index) : long.MinValue;
        var until = index + 1 < series.Count ? series.Time(index + 1) : long.MaxValue;
        var rate = index >= 0 ? series.Rate(index) : (decimal?)null;
        _spans[assetId] = (from, until, rate);
        return rate;
    }
}
