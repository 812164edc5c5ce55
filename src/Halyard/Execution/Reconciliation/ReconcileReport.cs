using System.Collections.Immutable;
using Halyard.Domain;

namespace Halyard.Execution.Reconciliation;

/// <summary>What the Manager hands to a reconciliation.</summary>
/// <param name="Cycle">The cycle number (for the records).</param>
/// <param name="AtrBySymbol">ATR per coin when the Manager has it: default stops are k × ATR instead of a percentage.</param>
public sealed record ReconcileRequest(long Cycle, IReadOnlyDictionary<string, decimal>? AtrBySymbol = null)
{
    /// <summary>
    /// The account and resting orders the cycle has just read, if any: the reconciliation uses them instead of reading
    /// again when nothing can have changed since (the Orchestrator's clock still shows <see cref="CycleRead.At"/> and
    /// no unsettled entry made it touch the venue first); otherwise it reads for itself.
    /// </summary>
    public CycleRead? Read { get; init; }
}

/// <summary>The account and resting orders a cycle read, and the instant (on the Orchestrator's clock) it read them.</summary>
public sealed record CycleRead(AccountSnapshot Account, IReadOnlyList<OpenOrder> Orders, DateTimeOffset At);

/// <summary>
/// A position of ours that the venue closed without us (a stop or take-profit fired, a liquidation, a manual
/// close): the Manager updates <c>RecentlyClosed</c>, PnL and the next context from it.
/// </summary>
/// <param name="Reason"><c>stop_loss</c>, <c>take_profit</c>, <c>liquidation</c>, <c>external</c> (closed by someone else), or <c>unknown</c> (no closing fill found).</param>
/// <param name="RealizedPnl">Closed PnL net of fees from the closing fills; null when they could not be read.</param>
public sealed record ClosedOnVenue(
    string Symbol,
    PositionSide Side,
    DateTimeOffset ClosedAt,
    decimal Size,
    decimal? RealizedPnl,
    string Reason,
    string EntryCloid);

/// <summary>A position the trader did not open.</summary>
/// <param name="Adopted">True when <c>external_positions: adopt</c> took it over (then it is protected and managed).</param>
public sealed record ExternalPosition(string Symbol, PositionSide Side, decimal Size, decimal EntryPrice, bool Adopted);

/// <summary>The protection of one open position after reconciliation.</summary>
public sealed record PositionCheck(string Symbol, PositionSide Side, decimal Size, bool Managed, ProtectionState Protection);

/// <summary>The result of one reconciliation (at start and every cycle).</summary>
public sealed record ReconcileReport
{
    public required long Cycle { get; init; }

    public ImmutableArray<OrderEvent> Actions { get; init; } = [];

    /// <summary>Positions of ours the venue closed since the last check.</summary>
    public ImmutableArray<ClosedOnVenue> Closed { get; init; } = [];

    /// <summary>Positions we did not open.</summary>
    public ImmutableArray<ExternalPosition> External { get; init; } = [];

    /// <summary>Every open position and its protection.</summary>
    public ImmutableArray<PositionCheck> Positions { get; init; } = [];

    /// <summary>Earlier entries whose outcome was settled by cloid in this pass.</summary>
    public int EntriesSettled { get; init; }

    /// <summary>Entries whose outcome could still not be settled.</summary>
    public int EntriesUnresolved { get; init; }

    /// <summary>Trigger orders without a position that were cancelled.</summary>
    public int OrphansCancelled { get; init; }

    /// <summary>Positions that had no (or too small a) stop and were protected now.</summary>
    public int PositionsProtected { get; init; }

    /// <summary>Positions closed because they could not be protected (or were already past their stop).</summary>
    public int PositionsFlattened { get; init; }

    /// <summary>The dead man's switch refresh: null when off; otherwise <c>ok</c> or the venue's refusal (never fails the cycle).</summary>
    public string? DeadMansSwitch { get; init; }

    /// <summary>True when the venue could not be read, or a position is left without a stop.</summary>
    public bool FailsCycle { get; init; }

    /// <summary>Coins of ours the venue did not show this time, kept open until a closing fill or enough reads prove them closed.</summary>
    public ImmutableArray<string> AwaitingCloseProof { get; init; } = [];

    /// <summary>Why the cycle must open nothing (an entry not settled with the venue yet); null: opens allowed.</summary>
    public string? OpensBlocked { get; init; }

    public string? Error { get; init; }
}
