namespace Halyard.MarketData.Indicators;

/// <summary>
/// Wilder's average true range over n candles, updated in O(1) per candle. The true range of the first
/// candle is high − low (there is no previous close); afterwards max(high − low, |high − prevClose|,
/// |low − prevClose|). The first ATR is the mean of the first n true ranges; afterwards
/// ATR = (ATR·(n − 1) + TR) / n.
/// Warm-up: <see cref="Value"/> is <see cref="double.NaN"/> until n candles have been seen.
/// </summary>
public sealed class Atr
{
    private State _beforeLast;
    private State _current;

    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    /// <summary>How many candles have been taken (a replacement does not count).</summary>
    public int Count => _current.Count;

    public bool IsReady => _current.Count >= Period;

    /// <summary>The current ATR (in price units), or NaN during warm-up.</summary>
    public double Value => IsReady ? _current.Value : double.NaN;

    public void Add(double high, double low, double close)
    {
        _beforeLast = _current;
        _current = Step(_beforeLast, high, low, close);
    }

    /// <summary>Replaces the newest candle (same count afterwards).</summary>
    public void ReplaceLast(double high, double low, double close)
    {
        if (_current.Count == 0)
        {
            throw new InvalidOperationException("Nothing to replace: no candle has been added.");
        }

        _current = Step(_beforeLast, high, low, close);
    }

    /// <summary>The true range of a candle given the previous close (none for the first candle).</summary>
    public static double TrueRange(double high, double low, double? previousClose)
    {
        var range = high - low;
        if (previousClose is not { } pc)
        {
            return range;
        }

        return Math.Max(range, Math.Max(Math.Abs(high - pc), Math.Abs(low - pc)));
    }

    private State Step(State state, double high, double low, double close)
    {
        var tr = TrueRange(high, low, state.Count == 0 ? null : state.PreviousClose);
        var count = state.Count + 1;
        if (count < Period)
        {
            return new State(count, close, state.Value + tr);
        }

        if (count == Period)
        {
            return new State(count, close, (state.Value + tr) / Period);
        }

        return new State(count, close, ((state.Value * (Period - 1)) + tr) / Period);
    }

    /// <summary>During warm-up <see cref="Value"/> holds the running sum of true ranges, afterwards the ATR.</summary>
    private readonly record struct State(int Count, double PreviousClose, double Value);
}
