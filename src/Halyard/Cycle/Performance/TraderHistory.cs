using Halyard.Domain;
using Halyard.Journal;
using Halyard.Journal.Analytics;

namespace Halyard.Cycle.Performance;

/// <summary>
/// The analytics inputs of one trader, kept in memory over the analytics window: the equity curve (one
/// point per journaled cycle) and the judgements of the same cycles, taken from each cycle record as it is
/// written (and, after a restart, from the journal's last records). Trades come from the
/// <see cref="TradeBook"/>. Not thread-safe: the trader's own loop uses it.
/// </summary>
public sealed class TraderHistory
{
    private readonly Queue<EquityPoint> _equity = new();
    private readonly Queue<Judgement> _judgements = new();
    private readonly Action<Judgement> _judge;
    private readonly int _windowCycles;

    /// <param name="windowCycles">The <c>lastN</c> of <see cref="PerformanceAnalyzer.AnalyzePerformance"/>.</param>
    /// <param name="gateSharpe">The gate's per-cycle Sharpe over cycles with exposure; null: a default window of 50 returns.</param>
    public TraderHistory(int windowCycles, Risk.GateSharpe? gateSharpe = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCycles, 1);
        _windowCycles = windowCycles;
        _judge = _judgements.Enqueue;
        GateSharpe = gateSharpe ?? new Risk.GateSharpe(50, 10);
    }

    /// <summary>The gate's Sharpe (per-cycle returns of cycles with exposure, not annualised).</summary>
    public Risk.GateSharpe GateSharpe { get; }

    public int WindowCycles => _windowCycles;

    /// <summary>The time of the oldest equity point kept (the window's start), if any.</summary>
    public DateTimeOffset? WindowStart => _equity.Count > 0 ? _equity.Peek().Time : null;

    public void Add(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // JournalHistory.EquityCurve of this one record, without building a list for it.
        if (record.AccountSnapshot is { } account)
        {
            _equity.Enqueue(new EquityPoint(record.Timestamp, account.AccountValue));
            GateSharpe.Observe(account.AccountValue, record.PositionsSnapshot.Count > 0);
        }

        JournalHistory.Judge(record, _judge);

        while (_equity.Count > _windowCycles + 1)
        {
            _equity.Dequeue();
        }

        var start = WindowStart;
        while (start is { } s && _judgements.Count > 0 && _judgements.Peek().Time < s)
        {
            _judgements.Dequeue();
        }
    }

    /// <summary>Everything the analyzer reads: this window's curve and judgements, the book's trades and the open positions.</summary>
    public PerformanceInputs Inputs(TradeBook book, IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new PerformanceInputs
        {
            EquityCurve = [.. _equity],
            Judgements = [.. _judgements],
            ClosedTrades = book.Closed,
            OpenPositions = book.OpenPositions(positions),
        };
    }
}
