using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>
/// What a <see cref="CandleBuilder"/> keeps of one coin, found by asset id instead of a look-up by name per read: its
/// native series, the source series of each interval asked (the data set's files do not change), the last candle in
/// progress built per native series (its index and instant) and the last fold of completed finer candles per native
/// series and interval. Not thread-safe: the builder holds its lock.
/// </summary>
internal sealed class CoinCandles
{
    private readonly KeptBar?[] _partials;
    private (string Interval, CandleSeries? Source)[] _sources = [];
    private (int Native, long IntervalMs, CandleRange Range)[] _ranges = [];
    private (long ElapsedMs, long IntervalMs, decimal Fraction) _fraction = (0, 0, 0m);

    public CoinCandles(MarketDataSet data, UniverseAsset asset)
    {
        Coin = asset.Name;
        SzDecimals = asset.SzDecimals;
        Natives = new NativeSeries(data, asset.Name);
        _partials = new KeptBar?[Natives.Count];
    }

    public string Coin { get; }

    public int SzDecimals { get; }

    public NativeSeries Natives { get; }

    /// <summary>The source series kept for <paramref name="interval"/>.</summary>
    public bool TryGetSource(string interval, out CandleSeries? source)
    {
        var sources = _sources;
        for (var i = 0; i < sources.Length; i++)
        {
            if (string.Equals(sources[i].Interval, interval, StringComparison.Ordinal))
            {
                source = sources[i].Source;
                return true;
            }
        }

        source = null;
        return false;
    }

    /// <summary>Keeps the source of a valid interval name (at most one per interval of <see cref="CandleIntervalNames.All"/>).</summary>
    public void KeepSource(string interval, CandleSeries? source) => _sources = [.. _sources, (interval, source)];

    /// <summary>The candle in progress of native series <paramref name="native"/> kept at candle <paramref name="index"/> and instant <paramref name="nowMs"/>.</summary>
    public bool TryGetPartial(int native, int index, long nowMs, out CandleBar bar)
    {
        if (_partials[native] is { } kept && kept.Index == index && kept.NowMs == nowMs)
        {
            bar = kept.Bar;
            return true;
        }

        bar = default;
        return false;
    }

    public void KeepPartial(int native, int index, long nowMs, CandleBar bar) => _partials[native] = new KeptBar(index, nowMs, bar);

    /// <summary>The last fold kept for native series <paramref name="native"/> inside candles of <paramref name="intervalMs"/>.</summary>
    public CandleRange? Range(int native, long intervalMs)
    {
        var ranges = _ranges;
        for (var i = 0; i < ranges.Length; i++)
        {
            if (ranges[i].Native == native && ranges[i].IntervalMs == intervalMs)
            {
                return ranges[i].Range;
            }
        }

        return null;
    }

    public void KeepRange(int native, long intervalMs, CandleRange range)
    {
        for (var i = 0; i < _ranges.Length; i++)
        {
            if (_ranges[i].Native == native && _ranges[i].IntervalMs == intervalMs)
            {
                _ranges[i].Range = range;
                return;
            }
        }

        _ranges = [.. _ranges, (native, intervalMs, range)];
    }

    /// <summary>
    /// <paramref name="elapsedMs"/> / <paramref name="intervalMs"/> as a decimal: the part of a candle in progress elapsed. A
    /// replay's cycles reach each new candle at the same offset, so the last quotient is kept and reused for the same two
    /// operands (the same division gives the same digits).
    /// </summary>
    public decimal Fraction(long elapsedMs, long intervalMs)
    {
        if (_fraction.IntervalMs != intervalMs || _fraction.ElapsedMs != elapsedMs)
        {
            _fraction = (elapsedMs, intervalMs, (decimal)elapsedMs / intervalMs);
        }

        return _fraction.Fraction;
    }

    private readonly record struct KeptBar(int Index, long NowMs, CandleBar Bar);
}
