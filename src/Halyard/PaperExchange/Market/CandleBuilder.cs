using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>One candle as <c>candleSnapshot</c> serves it.</summary>
internal readonly record struct CandleBar(long OpenMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>
/// Serves <c>candleSnapshot</c> without look-ahead: completed candles come from the native file of the
/// interval or are aggregated exactly from a finer native interval that divides it (15m/30m from 5m,
/// 2h/8h/12h/1d from 1h); the candle in progress at the virtual time is built from the finest series
/// that covers it, along the mark path up to now (volume pro rata). At most the latest 5000 candles.
/// </summary>
internal sealed class CandleBuilder(MarketView market)
{
    public const int MaxCandles = 5000;
    private const long MaxDerivedIntervalMs = 86_400_000;

    public List<CandleBar> Build(int assetId, string interval, long startMs, long endMs, long nowMs)
    {
        var bars = new List<CandleBar>();
        if (!market.HasData(assetId) || !CandleIntervalNames.TryGetMilliseconds(interval, out var intervalMs))
        {
            return bars;
        }

        var coin = market.Asset(assetId).Name;
        var source = Source(coin, interval, intervalMs);
        var last = Math.Min(endMs, nowMs);
        if (source is null || last < startMs)
        {
            return bars;
        }

        var first = Math.Max(startMs - (((startMs % intervalMs) + intervalMs) % intervalMs), source.FirstOpenMs - (source.FirstOpenMs % intervalMs));
        var lastOpen = last - (((last % intervalMs) + intervalMs) % intervalMs);
        first = Math.Max(first, lastOpen - ((MaxCandles - 1) * intervalMs));
        var szDecimals = market.Asset(assetId).SzDecimals;
        for (var open = first; open <= lastOpen; open += intervalMs)
        {
            var bar = open + intervalMs <= nowMs
                ? Completed(source, open, intervalMs)
                : InProgress(coin, open, intervalMs, nowMs, szDecimals);
            if (bar is { } value)
            {
                bars.Add(value);
            }
        }

        return bars;
    }

    private CandleSeries? Source(string coin, string interval, long intervalMs)
    {
        if (market.Data.Candles(coin, interval) is { } native)
        {
            return native;
        }

        if (intervalMs > MaxDerivedIntervalMs)
        {
            return null;
        }

        CandleSeries? best = null;
        foreach (var name in market.Data.NativeIntervals(coin))
        {
            var ms = CandleIntervalNames.Milliseconds(name);
            if (ms < intervalMs && intervalMs % ms == 0)
            {
                var series = market.Data.Candles(coin, name)!;
                if (best is null || series.FirstOpenMs < best.FirstOpenMs || (series.FirstOpenMs == best.FirstOpenMs && ms > best.IntervalMs))
                {
                    best = series;
                }
            }
        }

        return best;
    }

    private static CandleBar? Completed(CandleSeries source, long open, long intervalMs)
    {
        var from = source.FirstIndexAtOrAfter(open);
        var to = source.FirstIndexAtOrAfter(open + intervalMs);
        if (from >= source.Count || source.OpenTime(from) != open || (to - from) * source.IntervalMs != intervalMs)
        {
            return null;
        }

        return Aggregate(source, from, to);
    }

    private CandleBar? InProgress(string coin, long open, long intervalMs, long nowMs, int szDecimals)
    {
        foreach (var name in market.Data.NativeIntervals(coin))
        {
            var series = market.Data.Candles(coin, name)!;
            if (series.IntervalMs > intervalMs || intervalMs % series.IntervalMs != 0)
            {
                continue;
            }

            var current = series.IndexContaining(nowMs);
            var from = series.FirstIndexAtOrAfter(open);
            if (current < 0 || from > current || series.OpenTime(from) != open)
            {
                continue;
            }

            var partial = Partial(series, current, nowMs, szDecimals);
            if (from == current)
            {
                return partial;
            }

            var done = Aggregate(series, from, current);
            return new CandleBar(
                open,
                done.Open,
                Math.Max(done.High, partial.High),
                Math.Min(done.Low, partial.Low),
                partial.Close,
                done.Volume + partial.Volume);
        }

        return null;
    }

    private static CandleBar Partial(CandleSeries series, int index, long nowMs, int szDecimals)
    {
        var (high, low) = MarkPath.RangeUntil(series, index, nowMs);
        var fraction = (decimal)(nowMs - series.OpenTime(index)) / series.IntervalMs;
        return new CandleBar(
            series.OpenTime(index),
            series.Open(index),
            PriceMath.RoundToValid(high, szDecimals),
            PriceMath.RoundToValid(low, szDecimals),
            PriceMath.RoundToValid(MarkPath.PriceAt(series, index, nowMs), szDecimals),
            PriceMath.RoundSizeDown(series.Volume(index) * fraction, szDecimals));
    }

    private static CandleBar Aggregate(CandleSeries series, int from, int to)
    {
        var high = series.High(from);
        var low = series.Low(from);
        for (var i = from + 1; i < to; i++)
        {
            high = Math.Max(high, series.High(i));
            low = Math.Min(low, series.Low(i));
        }

        var volume = series.CumulativeVolume(to) - series.CumulativeVolume(from);
        return new CandleBar(series.OpenTime(from), series.Open(from), high, low, series.Close(to - 1), volume);
    }
}
