using Halyard.Domain;

namespace Halyard.Execution;

/// <summary>
/// What the Orchestrator (or the cycle on its behalf) attempted. The journal writes each member as a stable
/// snake_case string (<c>Journal.OrderEventNames</c>); renaming a member must not change that string.
/// </summary>
public enum OrderEventAction
{
    /// <summary>The leverage update before an entry.</summary>
    SetLeverage,

    /// <summary>The entry order of an open (also an open the cycle did not send, see the result).</summary>
    Entry,

    /// <summary>The IOC that finishes the unfilled remainder of a partly filled entry.</summary>
    EntryRest,

    /// <summary>The reduce-only stop-loss trigger.</summary>
    StopLoss,

    /// <summary>The reduce-only take-profit trigger.</summary>
    TakeProfit,

    /// <summary>A reduce-only IOC closing a position the model asked to close.</summary>
    Close,

    /// <summary>A reduce-only IOC closing a position that could not be protected.</summary>
    Flatten,

    /// <summary>Cancelling a symbol's non-protective orders before a close.</summary>
    Cancel,

    /// <summary>Cancelling what is left on a coin once its position is flat.</summary>
    CancelLeftover,

    /// <summary>Cancelling the resting rest of a GTC entry.</summary>
    CancelRest,

    /// <summary>Cancelling a reduce-only trigger on a coin without a position.</summary>
    CancelOrphan,

    /// <summary>Cancelling an old stop once its replacement rests.</summary>
    CancelStaleProtection,

    /// <summary>The dead man's switch refresh.</summary>
    ScheduleCancel,

    /// <summary>An account read that failed and stopped a reconciliation.</summary>
    ReadAccount,

    /// <summary>An open-orders read that failed and stopped a workflow.</summary>
    ReadOpenOrders,

    /// <summary>A fills read that failed.</summary>
    ReadFills,

    /// <summary>A mid-price read that failed before an entry.</summary>
    ReadMid,

    /// <summary>A position read that failed during a close.</summary>
    ReadPosition,

    /// <summary>An order-status lookup that failed while settling an entry by cloid.</summary>
    SettleEntry,

    /// <summary>The intent ledger's durability changed (see <see cref="OrderEventResult.Unwritable"/>).</summary>
    Ledger,

    /// <summary>A reduce-only IOC closing part of a position (scaling out).</summary>
    Reduce,
}

/// <summary>What became of one <see cref="OrderEventAction"/>.</summary>
public enum OrderEventResult
{
    /// <summary>A simple action (leverage, dead man's switch) succeeded.</summary>
    Ok,

    Filled,

    PartiallyFilled,

    /// <summary>Accepted and resting on the book (or as a trigger).</summary>
    Resting,

    Canceled,

    /// <summary>The venue (or the formatter) answered definitively no.</summary>
    Rejected,

    /// <summary>The venue could not be reached or kept failing; nothing is known to have executed.</summary>
    Failed,

    /// <summary>The request's outcome is unknown; reconciliation settles it by cloid.</summary>
    Unresolved,

    /// <summary>Never left the process (a formatter refusal, a read that failed first).</summary>
    Refused,

    /// <summary>An open refused because the intent ledger cannot be written (a cloid must be durable before it leaves).</summary>
    LedgerUnwritable,

    /// <summary>The intent ledger could not be written; entries are held in memory.</summary>
    Unwritable,

    /// <summary>The intent ledger is written again.</summary>
    WritableAgain,

    /// <summary>An open not sent: an earlier entry is not settled with the venue yet.</summary>
    BlockedUnsettled,

    /// <summary>An open not sent: the second check against fresh prices rejected it.</summary>
    RejectedPreTrade,

    /// <summary>An open not sent: the price moved past the staleness bound since the snapshot.</summary>
    DiscardedStale,

    /// <summary>An open not sent: another trader on the account holds or is opening the coin.</summary>
    ClaimedByOtherTrader,

    /// <summary>An open not sent: the trader stopped opening (its journal cannot be written).</summary>
    BlockedJournal,
}

/// <summary>
/// One order event: an action the Orchestrator took (or the cycle declined to take) and its result, as an
/// immutable fact. The journal maps it to its record; Execution knows nothing of the journal.
/// </summary>
public sealed record OrderEvent
{
    public required string Symbol { get; init; }

    public required OrderEventAction Action { get; init; }

    public required OrderEventResult Result { get; init; }

    /// <summary>Size in coins as sent (or filled); null for actions without a size (leverage: the leverage).</summary>
    public decimal? Qty { get; init; }

    /// <summary>Limit or trigger price as sent (or the average fill price).</summary>
    public decimal? Price { get; init; }

    /// <summary>The venue's order id, when it gave one.</summary>
    public long? OrderId { get; init; }

    /// <summary>The client order id (<c>0x</c> + 32 hex digits), recorded before the request left.</summary>
    public string? Cloid { get; init; }

    /// <summary>Null on success.</summary>
    public ErrorClass? ErrorClass { get; init; }

    /// <summary>The venue's or the network's message verbatim, or our reason.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Requests sent for this action (0 when nothing left the process).</summary>
    public int Attempts { get; init; }

    /// <summary>An <c>insufficient</c> entry's size-down suggestion (USD notional that fits the margin now).</summary>
    public decimal? SuggestedSizeUsd { get; init; }

    /// <summary>Wall-clock milliseconds from the first request sent to the final response.</summary>
    public double LatencyMs { get; init; }

    /// <summary>True when requests left the process for this action.</summary>
    public bool Sent => Attempts > 0;

    /// <summary>A protective trigger (stop-loss or take-profit).</summary>
    public bool IsProtective => Action is OrderEventAction.StopLoss or OrderEventAction.TakeProfit;
}
