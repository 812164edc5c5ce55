namespace Halyard.Risk;

/// <summary>
/// The Sharpe the gate compares with <c>sharpe_pause_threshold</c>, in the threshold's own units
/// (docs/analytics.md, "Gate"): per-cycle equity returns, mean ÷ population standard deviation, not
/// annualised. Only cycles with exposure add a return: the return from one cycle's equity to the next
/// counts when the trader held a position at either of the two cycles. A flat, idle trader adds no
/// return, so its old losses neither get diluted by zeros nor re-arm the pause: the gate reads the
/// Sharpe only on a cycle that added a return (<see cref="Fresh"/>). The window keeps the last
/// <c>sharpe_window</c> returns. One instance per trader, used by its own loop (not thread-safe).
/// </summary>
public sealed class GateSharpe
{
    private readonly Queue<decimal> _returns = new();
    private readonly int _window;
    private readonly int _minReturns;
    private (decimal Equity, bool Holding)? _last;
    private (double? Value, bool Known) _sharpe;
    private decimal[] _buffer = [];

    public GateSharpe(int window, int minReturns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minReturns, 2);
        _window = window;
        _minReturns = Math.Min(minReturns, window);
    }

    /// <summary>Returns in the window.</summary>
    public int Count => _returns.Count;

    /// <summary>True when the last <see cref="Observe"/> added a return (the trader had exposure).</summary>
    public bool Fresh { get; private set; }

    /// <summary>mean / population std of the window's returns; null below the minimum sample or with zero deviation (computed once per new return).</summary>
    public double? Sharpe
    {
        get
        {
            if (!_sharpe.Known)
            {
                if (_buffer.Length < _returns.Count)
                {
                    _buffer = new decimal[_window];
                }

                _returns.CopyTo(_buffer, 0);
                _sharpe = (Compute(_buffer.AsSpan(0, _returns.Count), _minReturns), true);
            }

            return _sharpe.Value;
        }
    }

    /// <summary>Feeds one cycle's equity and whether the trader held a position at that cycle.</summary>
    public void Observe(decimal equity, bool holding)
    {
        Fresh = false;
        if (_last is { } last && last.Equity > 0m && (last.Holding || holding))
        {
            _returns.Enqueue((equity / last.Equity) - 1m);
            while (_returns.Count > _window)
            {
                _returns.Dequeue();
            }

            Fresh = true;
            _sharpe = default;
        }

        _last = (equity, holding);
    }

    /// <summary>mean(r) / sqrt(Σ (r − mean)² / n); null with fewer than <paramref name="minReturns"/> returns or zero deviation.</summary>
    public static double? Compute(IReadOnlyList<decimal> returns, int minReturns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        return Compute([.. returns], minReturns);
    }

    /// <summary>The same sums, in the same order, as <c>Enumerable.Sum</c> (from <c>0m</c>, left to right): the same value and scale.</summary>
    private static double? Compute(ReadOnlySpan<decimal> returns, int minReturns)
    {
        var n = returns.Length;
        if (n < Math.Max(2, minReturns))
        {
            return null;
        }

        var sum = 0m;
        foreach (var r in returns)
        {
            sum += r;
        }

        var mean = sum / n;
        var squares = 0m;
        foreach (var r in returns)
        {
            var d = r - mean;
            squares += d * d;
        }

        var variance = squares / n;
        return variance > 0m ? (double)mean / Math.Sqrt((double)variance) : null;
    }
}
