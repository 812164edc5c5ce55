using Halyard.Cycle.Reporting;
using Halyard.Journal;
using Halyard.Journal.Analytics;

namespace Halyard.Operations.Reports;

/// <summary>
/// One trader's journaled cycles, as the arena, the dashboard and the reports see it: where it comes from
/// (a run folder, or the running process), its records in cycle order, and its closed trades when they are
/// known from the venue's fills (live: the trader's own trade book; a replay: its summary).
/// </summary>
public sealed record TraderRun
{
    /// <summary>What the arena calls it: the trader id, prefixed by the run folder's name when several folders are shown.</summary>
    public required string Label { get; init; }

    public required string TraderId { get; init; }

    public required IReadOnlyList<DecisionCycleRecord> Records { get; init; }

    /// <summary>Closed trades from the venue's fills; null: inferred from the journal's position snapshots.</summary>
    public IReadOnlyList<ClosedTrade>? Trades { get; init; }

    /// <summary>The replay's summary when the folder holds exactly this trader (its trades, win rate and fees are exact).</summary>
    public RunSummary? Summary { get; init; }

    /// <summary>Where it was read from (null: the running process).</summary>
    public string? Folder { get; init; }
}
