namespace Halyard.PaperExchange.Data;

/// <summary>
/// One coin's candles on one interval as compact parallel arrays, oldest first. Immutable once built.
/// Lookups by time are O(1) on a gap-free grid (the bundled data) and O(log n) otherwise.
/// <see cref="CumulativeNotional"/> holds prefix sums of <c>volume × close</c> for O(1) window volumes.
/// </summary>
public sealed class CandleSeries
{
    private readonly long[] _openTimes;
    private readonly decimal[] _open;
    private readonly decimal[] _high;
    private readonly decimal[] _low;
    private readonly decimal[] _close;
    private readonly decimal[] _volume;
    private readonly decimal[] _cumulativeNotional;
    private readonly decimal[] _cumulativeVolume;
    private readonly bool _regular;

    internal CandleSeries(string coin, string interval, CandleColumns columns)
    {
        Coin = coin;
        Interval = interval;
        IntervalMs = CandleIntervalNames.Milliseconds(interval);
        _openTimes = columns.OpenTimes;
        _open = columns.Open;
        _high = columns.High;
        _low = columns.Low;
        _close = columns.Close;
        _volume = columns.Volume;
        Count = _openTimes.Length;
        if (Count == 0)
        {
            throw new ArgumentException("A candle series needs at least one candle.", nameof(columns));
        }

        _cumulativeNotional = new decimal[Count + 1];
        _cumulativeVolume = new decimal[Count + 1];
        for (var i = 0; i < Count; i++)
        {
            _cumulativeNotional[i + 1] = _cumulativeNotional[i] + (_volume[i] * _close[i]);
            _cumulativeVolume[i + 1] = _cumulativeVolume[i] + _volume[i];
        }

        _regular = _openTimes[^1] - _openTimes[0] == (Count - 1) * IntervalMs;
    }

    public string Coin { get; }

    public string Interval { get; }

    public long IntervalMs { get; }

    public int Count { get; }

    public long FirstOpenMs => _openTimes[0];

    public long LastOpenMs => _openTimes[^1];

    /// <summary>The close time of the last candle (exclusive end of the covered range).</summary>
    public long EndMs => _openTimes[^1] + IntervalMs;

    public long OpenTime(int index) => _openTimes[index];

    public decimal Open(int index) => _open[index];

    public decimal High(int index) => _high[index];

    public decimal Low(int index) => _low[index];

    public decimal Close(int index) => _close[index];

    public decimal Volume(int index) => _volume[index];

    /// <summary>Σ volume × close of candles [0, index).</summary>
    public decimal CumulativeNotional(int index) => _cumulativeNotional[index];

    /// <summary>Σ volume of candles [0, index).</summary>
    public decimal CumulativeVolume(int index) => _cumulativeVolume[index];

    /// <summary>The index of the candle whose [open, open + interval) contains <paramref name="timeMs"/>, or −1.</summary>
    public int IndexContaining(long timeMs)
    {
        var index = LastIndexAtOrBefore(timeMs);
        return index >= 0 && timeMs < _openTimes[index] + IntervalMs ? index : -1;
    }

    /// <summary>The index of the last candle that opens at or before <paramref name="timeMs"/>, or −1.</summary>
    public int LastIndexAtOrBefore(long timeMs)
    {
        if (timeMs < _openTimes[0])
        {
            return -1;
        }

        if (timeMs >= _openTimes[^1])
        {
            return Count - 1;
        }

        if (_regular)
        {
            return (int)((timeMs - _openTimes[0]) / IntervalMs);
        }

        var found = Array.BinarySearch(_openTimes, timeMs);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The index of the first candle that opens at or after <paramref name="timeMs"/> (may be <see cref="Count"/>).</summary>
    public int FirstIndexAtOrAfter(long timeMs)
    {
        var index = LastIndexAtOrBefore(timeMs);
        if (index < 0)
        {
            return 0;
        }

        return _openTimes[index] == timeMs ? index : index + 1;
    }
}

/// <summary>The columns of a candle file while it is being built.</summary>
internal sealed record CandleColumns(long[] OpenTimes, decimal[] Open, decimal[] High, decimal[] Low, decimal[] Close, decimal[] Volume);
