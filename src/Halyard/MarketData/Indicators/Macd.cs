namespace Halyard.MarketData.Indicators;

/// <summary>
/// MACD(fast, slow, signal), default (12, 26, 9), updated in O(1) per close. Line = EMA(fast) − EMA(slow);
/// signal = EMA(signal) of the line, fed from the first close at which the line exists; histogram =
/// line − signal. Every EMA is SMA-seeded (see <see cref="Ema"/>).
/// Warm-up: <see cref="Line"/> is NaN until <c>slow</c> closes (26); <see cref="Signal"/> and
/// <see cref="Histogram"/> until <c>slow + signal − 1</c> closes (34).
/// </summary>
public sealed class Macd
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fastPeriod, slowPeriod);
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public int Count => _slow.Count;

    /// <summary>Closes needed before the signal (and the histogram) exist.</summary>
    public int WarmupPeriod => _slow.Period + _signal.Period - 1;

    public double Line => _slow.IsReady ? _fast.Value - _slow.Value : double.NaN;

    public double Signal => _signal.Value;

    public double Histogram => _signal.IsReady ? Line - Signal : double.NaN;

    public void Add(double close)
    {
        _fast.Add(close);
        _slow.Add(close);
        if (_slow.IsReady)
        {
            _signal.Add(Line);
        }
    }

    /// <summary>Replaces the newest close. Readiness depends only on the count, which does not change.</summary>
    public void ReplaceLast(double close)
    {
        _fast.ReplaceLast(close);
        _slow.ReplaceLast(close);
        if (_slow.IsReady)
        {
            _signal.ReplaceLast(Line);
        }
    }
}
