namespace Halyard.MarketData.Indicators;

/// <summary>
/// Wilder's relative strength index over n changes of the close, updated in O(1) per close.
/// The first average gain (loss) is the simple mean of the first n gains (losses); afterwards
/// avg = (avg·(n − 1) + current) / n. RSI = 100 − 100 / (1 + avgGain / avgLoss); 100 when the average
/// loss is zero and the average gain is not; 50 when both are zero (a flat market is neutral).
/// Warm-up: <see cref="Value"/> is <see cref="double.NaN"/> until n + 1 closes (n changes) have been seen.
/// </summary>
public sealed class Rsi
{
    private State _beforeLast;
    private State _current;

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    /// <summary>How many closes have been taken (a replacement does not count).</summary>
    public int Count => _current.Count;

    public bool IsReady => _current.Count > Period;

    /// <summary>The current RSI in [0, 100], or NaN during warm-up.</summary>
    public double Value
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var (gain, loss) = (_current.Gain, _current.Loss);
            if (loss == 0)
            {
                return gain == 0 ? 50.0 : 100.0;
            }

            return 100.0 - (100.0 / (1.0 + (gain / loss)));
        }
    }

    public void Add(double close)
    {
        _beforeLast = _current;
        _current = Step(_beforeLast, close);
    }

    /// <summary>Replaces the newest close (same count afterwards).</summary>
    public void ReplaceLast(double close)
    {
        if (_current.Count == 0)
        {
            throw new InvalidOperationException("Nothing to replace: no close has been added.");
        }

        _current = Step(_beforeLast, close);
    }

    private State Step(State state, double close)
    {
        if (state.Count == 0)
        {
            return new State(1, close, 0, 0);
        }

        var change = close - state.PreviousClose;
        var gain = change > 0 ? change : 0.0;
        var loss = change < 0 ? -change : 0.0;
        var changes = state.Count; // changes seen after this step
        if (changes < Period)
        {
            return new State(state.Count + 1, close, state.Gain + gain, state.Loss + loss);
        }

        if (changes == Period)
        {
            return new State(state.Count + 1, close, (state.Gain + gain) / Period, (state.Loss + loss) / Period);
        }

        return new State(
            state.Count + 1,
            close,
            ((state.Gain * (Period - 1)) + gain) / Period,
            ((state.Loss * (Period - 1)) + loss) / Period);
    }

    /// <summary>During warm-up Gain/Loss hold running sums, afterwards Wilder averages.</summary>
    private readonly record struct State(int Count, double PreviousClose, double Gain, double Loss);
}
