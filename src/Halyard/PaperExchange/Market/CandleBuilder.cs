using Halyard.Domain;
using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>One candle as <c>candleSnapshot</c> serves it.</summary>
internal readonly record struct CandleBar(long OpenMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>
/// Serves <c>candleSnapshot</c> without look-ahead: completed candles come from the native file of the
/// interval or are aggregated exactly from a finer native interval that divides it (15m/30m from 5m,
/// 2h/8h/12h/1d from 1h); the candle in progress at the virtual time is built from the finest series
/// that covers it, along the mark path up to now (volume pro rata). At most the latest 5000 candles.
/// A replay asks for the same candle in progress every cycle: the high and low of its completed finer
/// candles are kept and extended by the candles completed since (the same fold in the same order, so the
/// same values), the finer candle in progress is kept for the other intervals asked at the same instant, and
/// each coin's native series and the source of each interval are looked up once (<see cref="CoinCandles"/>, by asset id).
/// </summary>
internal sealed class CandleBuilder(MarketView market)
{
    public const int MaxCandles = 5000;
    private const long MaxDerivedIntervalMs = 86_400_000;

    private readonly Lock _gate = new();
    private readonly CoinCandles?[] _coins = new CoinCandles?[market.AssetCount];

    public List<CandleBar> Build(int assetId, string interval, long startMs, long endMs, long nowMs)
    {
        var bars = new List<CandleBar>();
        Build(assetId, interval, startMs, endMs, nowMs, bars);
        return bars;
    }

    /// <summary>Appends the candles of <paramref name="assetId"/> to <paramref name="bars"/> (a caller's list, reused between reads).</summary>
    public void Build(int assetId, string interval, long startMs, long endMs, long nowMs, List<CandleBar> bars)
    {
        if (!market.HasData(assetId))
        {
            return;
        }

        lock (_gate)
        {
            var coin = _coins[assetId] ??= new CoinCandles(market.Data, market.Asset(assetId));
            if (!CandleIntervalNames.TryGetMilliseconds(interval, out var intervalMs))
            {
                return;
            }

            var source = Source(coin, interval, intervalMs);
            var last = Math.Min(endMs, nowMs);
            if (source is null || last < startMs)
            {
                return;
            }

            var first = Math.Max(CandleTime.FloorMs(startMs, intervalMs), source.FirstOpenMs - (source.FirstOpenMs % intervalMs));
            var lastOpen = CandleTime.FloorMs(last, intervalMs);
            first = Math.Max(first, lastOpen - ((MaxCandles - 1) * intervalMs));
            bars.EnsureCapacity(bars.Count + (lastOpen < first ? 0 : (int)((lastOpen - first) / intervalMs) + 1));
            for (var open = first; open <= lastOpen; open += intervalMs)
            {
                var bar = open + intervalMs <= nowMs
                    ? Completed(source, open, intervalMs)
                    : InProgress(coin, open, intervalMs, nowMs);
                if (bar is { } value)
                {
                    bars.Add(value);
                }
            }
        }
    }

    /// <summary>The series an interval's completed candles come from: its native file, else the finer native one that divides it and reaches back furthest.</summary>
    private static CandleSeries? Source(CoinCandles coin, string interval, long intervalMs)
    {
        if (coin.TryGetSource(interval, out var kept))
        {
            return kept;
        }

        var source = FindSource(coin.Natives, interval, intervalMs);
        coin.KeepSource(interval, source);
        return source;
    }

    private static CandleSeries? FindSource(NativeSeries natives, string interval, long intervalMs)
    {
        for (var i = 0; i < natives.Count; i++)
        {
            if (string.Equals(natives.Name(i), interval, StringComparison.Ordinal))
            {
                return natives.Series(i);
            }
        }

        if (intervalMs > MaxDerivedIntervalMs)
        {
            return null;
        }

        CandleSeries? best = null;
        for (var i = 0; i < natives.Count; i++)
        {
            var ms = natives.Milliseconds(i);
            if (ms < intervalMs && intervalMs % ms == 0)
            {
                var series = natives.Series(i);
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

    private static CandleBar? InProgress(CoinCandles coin, long open, long intervalMs, long nowMs)
    {
        var natives = coin.Natives;
        for (var i = 0; i < natives.Count; i++)
        {
            var ms = natives.Milliseconds(i);
            if (ms > intervalMs || intervalMs % ms != 0)
            {
                continue;
            }

            var series = natives.Series(i);

            var current = series.IndexContaining(nowMs);
            var from = series.FirstIndexAtOrAfter(open);
            if (current < 0 || from > current || series.OpenTime(from) != open)
            {
                continue;
            }

            var partial = KeptPartial(coin, i, series, current, nowMs);
            if (from == current)
            {
                return partial;
            }

            var (high, low) = HighLow(coin, i, series, intervalMs, from, current);
            var volume = series.CumulativeVolume(current) - series.CumulativeVolume(from);
            return new CandleBar(
                open,
                series.Open(from),
                Math.Max(high, partial.High),
                Math.Min(low, partial.Low),
                partial.Close,
                volume + partial.Volume);
        }

        return null;
    }

    /// <summary>
    /// The highest high and lowest low of candles [<paramref name="from"/>, <paramref name="to"/>) of the series, folded
    /// left to right as <see cref="Aggregate"/> folds them: continued from the last fold of the same candle in progress
    /// when that started at <paramref name="from"/> and ended at or before <paramref name="to"/>.
    /// </summary>
    private static (decimal High, decimal Low) HighLow(CoinCandles coin, int native, CandleSeries series, long intervalMs, int from, int to)
    {
        int next;
        decimal high, low;
        if (coin.Range(native, intervalMs) is { } kept && kept.From == from && kept.To <= to)
        {
            (next, high, low) = (kept.To, kept.High, kept.Low);
        }
        else
        {
            (next, high, low) = (from + 1, series.High(from), series.Low(from));
        }

        for (var i = next; i < to; i++)
        {
            high = Math.Max(high, series.High(i));
            low = Math.Min(low, series.Low(i));
        }

        coin.KeepRange(native, intervalMs, new CandleRange(from, to, high, low));
        return (high, low);
    }

    /// <summary>The finer candle in progress, kept for the other intervals asked at the same instant (a cycle asks 3m and 4h).</summary>
    private static CandleBar KeptPartial(CoinCandles coin, int native, CandleSeries series, int index, long nowMs)
    {
        if (coin.TryGetPartial(native, index, nowMs, out var kept))
        {
            return kept;
        }

        var bar = Partial(series, index, nowMs, coin.SzDecimals, coin.Fraction(nowMs - series.OpenTime(index), series.IntervalMs));
        coin.KeepPartial(native, index, nowMs, bar);
        return bar;
    }

    /// <summary>
    /// The candle in progress of a native series at <paramref name="nowMs"/>: its mark path so far, each price on the grid
    /// (<see cref="PriceMath.RoundToValid"/> depends on the value alone and its result is normalized, so a high or low equal
    /// to the close is rounded once), and the volume pro rata (<paramref name="fraction"/>: the part of the candle elapsed,
    /// <see cref="CoinCandles.Fraction"/>).
    /// </summary>
    internal static CandleBar Partial(CandleSeries series, int index, long nowMs, int szDecimals, decimal fraction)
    {
        var (close, high, low) = MarkPath.PriceAndRange(series, index, nowMs);
        var closeValid = PriceMath.RoundToValid(close, szDecimals);
        var highValid = high == close ? closeValid : PriceMath.RoundToValid(high, szDecimals);
        var lowValid = low == close ? closeValid : low == high ? highValid : PriceMath.RoundToValid(low, szDecimals);
        return new CandleBar(
            series.OpenTime(index),
            series.Open(index),
            highValid,
            lowValid,
            closeValid,
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

/// <summary>The fold of candles [From, To) of a series: their highest high and lowest low.</summary>
internal readonly record struct CandleRange(int From, int To, decimal High, decimal Low);

/// <summary>A coin's native intervals, each series parsed on first use (by the data set) and then kept.</summary>
internal sealed class NativeSeries
{
    private readonly MarketDataSet _data;
    private readonly string _coin;
    private readonly string[] _names;
    private readonly long[] _milliseconds;
    private readonly CandleSeries?[] _series;

    public NativeSeries(MarketDataSet data, string coin)
    {
        _data = data;
        _coin = coin;
        _names = [.. data.NativeIntervals(coin)];
        _milliseconds = [.. _names.Select(CandleIntervalNames.Milliseconds)];
        _series = new CandleSeries?[_names.Length];
    }

    public int Count => _names.Length;

    public string Name(int index) => _names[index];

    public long Milliseconds(int index) => _milliseconds[index];

    public CandleSeries Series(int index) => _series[index] ??= _data.Candles(_coin, _names[index])!;
}
