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
/// same values), and each coin's native series are looked up once.
/// </summary>
internal sealed class CandleBuilder(MarketView market)
{
    public const int MaxCandles = 5000;
    private const long MaxDerivedIntervalMs = 86_400_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, NativeSeries> _natives = new(StringComparer.Ordinal);
    private readonly Dictionary<(CandleSeries Series, long IntervalMs), CandleRange> _ranges = [];
    private readonly Dictionary<CandleSeries, (int Index, long NowMs, int SzDecimals, CandleBar Bar)> _partials = [];

    public List<CandleBar> Build(int assetId, string interval, long startMs, long endMs, long nowMs)
    {
        if (!market.HasData(assetId) || !CandleIntervalNames.TryGetMilliseconds(interval, out var intervalMs))
        {
            return [];
        }

        var coin = market.Asset(assetId).Name;
        var source = Source(coin, interval, intervalMs);
        var last = Math.Min(endMs, nowMs);
        if (source is null || last < startMs)
        {
            return [];
        }

        var first = Math.Max(startMs - (((startMs % intervalMs) + intervalMs) % intervalMs), source.FirstOpenMs - (source.FirstOpenMs % intervalMs));
        var lastOpen = last - (((last % intervalMs) + intervalMs) % intervalMs);
        first = Math.Max(first, lastOpen - ((MaxCandles - 1) * intervalMs));
        var szDecimals = market.Asset(assetId).SzDecimals;
        var bars = new List<CandleBar>(lastOpen < first ? 0 : (int)((lastOpen - first) / intervalMs) + 1);
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
        var natives = Natives(coin);
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

    private CandleBar? InProgress(string coin, long open, long intervalMs, long nowMs, int szDecimals)
    {
        var natives = Natives(coin);
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

            var partial = KeptPartial(series, current, nowMs, szDecimals);
            if (from == current)
            {
                return partial;
            }

            var (high, low) = HighLow(series, intervalMs, from, current);
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

    /// <summary>The native intervals of a coin, in <see cref="CandleIntervalNames.All"/> order (the data set's files do not change).</summary>
    private NativeSeries Natives(string coin)
    {
        lock (_gate)
        {
            if (!_natives.TryGetValue(coin, out var natives))
            {
                natives = new NativeSeries(market.Data, coin);
                _natives[coin] = natives;
            }

            return natives;
        }
    }

    /// <summary>
    /// The highest high and lowest low of candles [<paramref name="from"/>, <paramref name="to"/>) of the series, folded
    /// left to right as <see cref="Aggregate"/> folds them: continued from the last fold of the same candle in progress
    /// when that started at <paramref name="from"/> and ended at or before <paramref name="to"/>.
    /// </summary>
    private (decimal High, decimal Low) HighLow(CandleSeries series, long intervalMs, int from, int to)
    {
        lock (_gate)
        {
            int next;
            decimal high, low;
            if (_ranges.TryGetValue((series, intervalMs), out var kept) && kept.From == from && kept.To <= to)
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

            _ranges[(series, intervalMs)] = new CandleRange(from, to, high, low);
            return (high, low);
        }
    }

    /// <summary>The finer candle in progress, kept for the other intervals asked at the same instant (a cycle asks 3m and 4h).</summary>
    private CandleBar KeptPartial(CandleSeries series, int index, long nowMs, int szDecimals)
    {
        lock (_gate)
        {
            if (_partials.TryGetValue(series, out var kept) && kept.Index == index && kept.NowMs == nowMs && kept.SzDecimals == szDecimals)
            {
                return kept.Bar;
            }

            var bar = Partial(series, index, nowMs, szDecimals);
            _partials[series] = (index, nowMs, szDecimals, bar);
            return bar;
        }
    }

    private static CandleBar Partial(CandleSeries series, int index, long nowMs, int szDecimals)
    {
        var close = MarkPath.PriceAt(series, index, nowMs);
        var (high, low) = MarkPath.RangeUntil(series, index, nowMs, close);
        var fraction = (decimal)(nowMs - series.OpenTime(index)) / series.IntervalMs;
        return new CandleBar(
            series.OpenTime(index),
            series.Open(index),
            PriceMath.RoundToValid(high, szDecimals),
            PriceMath.RoundToValid(low, szDecimals),
            PriceMath.RoundToValid(close, szDecimals),
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
