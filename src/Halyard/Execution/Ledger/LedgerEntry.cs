using System.Collections.Immutable;
using Halyard.Domain;

namespace Halyard.Execution.Ledger;

/// <summary>Where an intent's position stands, as far as the Orchestrator knows.</summary>
public enum LedgerStatus
{
    /// <summary>Recorded; the entry request is about to leave (or left and no answer was read yet).</summary>
    Pending,

    /// <summary>The entry's outcome is unknown; settle by cloid before anything is sent again.</summary>
    Unresolved,

    /// <summary>A GTC entry rests on the book.</summary>
    Resting,

    /// <summary>Filled (fully or partly), protection not (yet) in place.</summary>
    Open,

    /// <summary>Filled and a stop-loss rests for the filled size.</summary>
    Protected,

    /// <summary>Filled, then closed by the Orchestrator because no stop could be placed.</summary>
    Flattened,

    /// <summary>The position was closed (by a close intent, or on the venue by a trigger or liquidation).</summary>
    Closed,

    /// <summary>The entry was accepted or answered, but nothing filled.</summary>
    NotFilled,

    /// <summary>The entry was refused (locally or by the venue) or never placed.</summary>
    Failed,
}

/// <summary>How the entry came about.</summary>
public enum LedgerEntryKind
{
    /// <summary>An open intent of this trader.</summary>
    Intent,

    /// <summary>An external position taken over by reconciliation (<c>external_positions: adopt</c>).</summary>
    Adopted,
}

/// <summary>
/// The Orchestrator's record of one open intent and the position it produced, keyed by the entry cloid.
/// Saved BEFORE the entry request leaves and after every change, so a restart knows every cloid that may be
/// live on the venue. <see cref="OrderCloids"/> lists every cloid used for it (entry, remainder, stops,
/// take-profits, flattens): reconciliation recognises our own orders by them.
/// </summary>
public sealed record LedgerEntry
{
    public required string Cloid { get; init; }

    public required string TraderId { get; init; }

    public required string Symbol { get; init; }

    public required PositionSide Side { get; init; }

    public LedgerEntryKind Kind { get; init; } = LedgerEntryKind.Intent;

    public long Cycle { get; init; }

    public string DecisionId { get; init; } = string.Empty;

    /// <summary>Coins the entry asked for.</summary>
    public decimal RequestedSize { get; init; }

    /// <summary>Coins filled so far.</summary>
    public decimal FilledSize { get; init; }

    public decimal? AveragePrice { get; init; }

    /// <summary>The stop-loss trigger to keep (the intent's, or the default one).</summary>
    public decimal? StopLoss { get; init; }

    /// <summary>The take-profit trigger to keep, if any.</summary>
    public decimal? TakeProfit { get; init; }

    /// <summary>Cloid of the current stop-loss order.</summary>
    public string? StopCloid { get; init; }

    /// <summary>Cloid of the current take-profit order.</summary>
    public string? TakeProfitCloid { get; init; }

    /// <summary>Incremented each time the protection is placed anew (its cloids derive from it).</summary>
    public int ProtectionGeneration { get; init; }

    public ImmutableArray<string> OrderCloids { get; init; } = [];

    /// <summary>
    /// False when the entry went out without a cloid (idempotent retries off): it cannot be looked up by
    /// cloid, so reconciliation settles it from the position instead.
    /// </summary>
    public bool CloidSent { get; init; } = true;

    public required LedgerStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Consecutive reconciliation reads that did not show the position (reset when it shows).</summary>
    public int MissingReads { get; init; }

    /// <summary>The last noteworthy event (why flattened, why failed, how it closed).</summary>
    public string? Note { get; init; }

    /// <summary>True while the entry may hold a position on the venue.</summary>
    public bool MayHoldPosition => Status is LedgerStatus.Open or LedgerStatus.Protected or LedgerStatus.Unresolved or LedgerStatus.Pending or LedgerStatus.Resting;

    /// <summary>True when the entry's outcome still has to be settled with the venue.</summary>
    public bool NeedsSettling => Status is LedgerStatus.Pending or LedgerStatus.Unresolved or LedgerStatus.Resting;
}
