using System.Collections.Immutable;
using Halyard.Domain;

namespace Halyard.Execution;

/// <summary>What became of one intent.</summary>
public enum IntentResult
{
    /// <summary>The entry filled completely (within the size rounding).</summary>
    Filled,

    /// <summary>Part of the entry filled; the rest was finished below the minimum or cancelled.</summary>
    PartiallyFilled,

    /// <summary>The entry was accepted but nothing filled (IOC without a match, GTC timed out empty).</summary>
    NotFilled,

    /// <summary>A close left the position flat.</summary>
    Closed,

    /// <summary>A partial close filled: the position is smaller, its stop and target resized to what remains.</summary>
    Reduced,

    /// <summary>A close found no position to close (leftover orders were still cancelled).</summary>
    AlreadyFlat,

    /// <summary>Refused before or by the venue with a definitive answer (see <see cref="ExecutionOutcome.ErrorClass"/>).</summary>
    Rejected,

    /// <summary>The venue could not be reached or kept failing; nothing is known to have executed.</summary>
    Failed,

    /// <summary>A request's outcome is still unknown; reconciliation settles it by cloid.</summary>
    Unresolved,

    /// <summary>Not executed: an earlier intent failed the cycle, or multi-decision is off.</summary>
    Skipped,

    /// <summary>The same intent (same cloid) was already executed; nothing new was sent.</summary>
    Duplicate,
}

/// <summary>The protection of the position an intent produced.</summary>
public enum ProtectionStatus
{
    /// <summary>No position from this intent (nothing filled, or a close).</summary>
    None,

    /// <summary>A reduce-only stop-loss (and the take-profit, when one was asked for) rests for the filled size.</summary>
    Protected,

    /// <summary>The stop-loss rests; the take-profit could not be placed or was skipped (see the reason).</summary>
    StopOnly,

    /// <summary>No stop could be placed (or the fill was already past it): the position was closed.</summary>
    Flattened,

    /// <summary>Neither a stop nor a flatten succeeded: the position is open without a stop; reconciliation retries.</summary>
    Unprotected,

    /// <summary>SL/TP orchestration is switched off.</summary>
    Disabled,
}

/// <summary>The protective orders of a position.</summary>
/// <param name="Size">The size the stop covers (the filled quantity), 0 when none.</param>
/// <param name="Reason">Why the protection is not <see cref="ProtectionStatus.Protected"/>, when it is not.</param>
public sealed record ProtectionState(
    ProtectionStatus Status,
    decimal Size = 0m,
    decimal? StopLoss = null,
    decimal? TakeProfit = null,
    long? StopOid = null,
    long? TakeProfitOid = null,
    string? Reason = null)
{
    public static ProtectionState None { get; } = new(ProtectionStatus.None);

    /// <summary>True when the position (if any) has a resting stop or was closed.</summary>
    public bool IsSafe => Status is ProtectionStatus.None or ProtectionStatus.Protected or ProtectionStatus.StopOnly or ProtectionStatus.Flattened;
}

/// <summary>One execution of an order of the intent.</summary>
/// <param name="Role">The order's role: <see cref="OrderEventAction.Entry"/>, <see cref="OrderEventAction.EntryRest"/>, <see cref="OrderEventAction.Close"/>, <see cref="OrderEventAction.Flatten"/>.</param>
public sealed record ExecutionFill(OrderEventAction Role, decimal Size, decimal Price, long? Oid, string? Cloid);

/// <summary>
/// Decision-to-order latency of the intent's main order (entry or close), from
/// <see cref="TimeProvider.GetTimestamp"/>: validated decision → first request sent → final response.
/// </summary>
public sealed record OrderLatency(TimeSpan DecisionToSend, TimeSpan SendToResponse)
{
    public TimeSpan Total => DecisionToSend + SendToResponse;
}

/// <summary>The outcome of one intent: result, every action record, fills, protection and latency.</summary>
public sealed record ExecutionOutcome
{
    public required ExecutionIntent Intent { get; init; }

    public required IntentResult Result { get; init; }

    /// <summary>Every exchange action taken, in order.</summary>
    public ImmutableArray<OrderEvent> Actions { get; init; } = [];

    public ImmutableArray<ExecutionFill> Fills { get; init; } = [];

    public ProtectionState Protection { get; init; } = ProtectionState.None;

    /// <summary>Null when no order was sent.</summary>
    public OrderLatency? Latency { get; init; }

    /// <summary>The class of the failure that decided the result; null on success.</summary>
    public ErrorClass? ErrorClass { get; init; }

    /// <summary>Why, in words (the venue's message, a refusal reason, a protection note).</summary>
    public string? Detail { get; init; }

    /// <summary>The entry's client order id (the intent's identity on the venue).</summary>
    public string? EntryCloid { get; init; }

    /// <summary>Coins filled by the entry (opens) or the close (closes).</summary>
    public decimal FilledSize { get; init; }

    /// <summary>Volume-weighted fill price, when something filled.</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>Closes: realised PnL net of fees from the venue's fills, when it could be read.</summary>
    public decimal? RealizedPnl { get; init; }

    /// <summary>Insufficient margin: a notional (USD) that the free margin would have allowed.</summary>
    public decimal? SuggestedSizeUsd { get; init; }

    /// <summary>
    /// The venue is down (<see cref="Domain.ErrorClass.ExchangeDown"/> with nothing executed, or a position left
    /// without protection): the caller must fail the cycle (the cycle's order step stops sending there).
    /// </summary>
    public bool FailsCycle { get; init; }
}
