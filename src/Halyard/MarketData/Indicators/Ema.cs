namespace Halyard.MarketData.Indicators;

/// <summary>
/// Exponential moving average, updated in O(1) per value. α = 2 / (n + 1); the first value is the simple
/// average of the first n inputs (SMA seed), then EMAₜ = EMAₜ₋₁ + α·(xₜ − EMAₜ₋₁).
/// Warm-up: <see cref="Value"/> is <see cref="double.NaN"/> until n inputs have been seen.
/// <see cref="ReplaceLast"/> revises the newest input (the venue's in-progress candle) without
/// disturbing what came before.
/// </summary>
public sealed class Ema
{
    private readonly double _alpha;
    private State _beforeLast;
    private State _current;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _alpha = 2.0 / (period + 1);
    }

    public int Period { get; }

    /// <summary>How many inputs have been taken (a replacement does not count).</summary>
    public int Count => _current.Count;

    public bool IsReady => _current.Count >= Period;

    /// <summary>The current EMA, or NaN during warm-up.</summary>
    public double Value => IsReady ? _current.Value : double.NaN;

    /// <summary>Takes a new input.</summary>
    public void Add(double value)
    {
        _beforeLast = _current;
        _current = Step(_beforeLast, value);
    }

    /// <summary>Replaces the newest input (same count afterwards).</summary>
    public void ReplaceLast(double value)
    {
        if (_current.Count == 0)
        {
            throw new InvalidOperationException("Nothing to replace: no input has been added.");
        }

        _current = Step(_beforeLast, value);
    }

    private State Step(State state, double value)
    {
        var count = state.Count + 1;
        if (count < Period)
        {
            return new State(count, state.Value + value);
        }

        if (count == Period)
        {
            return new State(count, (state.Value + value) / Period);
        }

        return new State(count, state.Value + (_alpha * (value - state.Value)));
    }

    /// <summary>During warm-up <see cref="Value"/> holds the running sum, afterwards the EMA.</summary>
    private readonly record struct State(int Count, double Value);
}
