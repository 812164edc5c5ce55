using Halyard.Domain;
using Halyard.Execution;

namespace Halyard.Journal;

/// <summary>
/// The journal's stable strings of the typed order events, and the mapping of an <see cref="OrderEvent"/> to its
/// <see cref="ActionRecord"/>. These strings are the cycles.jsonl and SQLite schema: a member may be renamed, its
/// string may not change. The other action records of a cycle (circuit breaker, reactions, external positions)
/// take their names from <see cref="ActionNames"/>.
/// </summary>
public static class OrderEventNames
{
    public static string Of(OrderEventAction action) => action switch
    {
        OrderEventAction.SetLeverage => "set_leverage",
        OrderEventAction.Entry => "entry",
        OrderEventAction.EntryRest => "entry_rest",
        OrderEventAction.StopLoss => "stop_loss",
        OrderEventAction.TakeProfit => "take_profit",
        OrderEventAction.Close => "close",
        OrderEventAction.Flatten => "flatten",
        OrderEventAction.Reduce => "reduce",
        OrderEventAction.Cancel => "cancel",
        OrderEventAction.CancelLeftover => "cancel_leftover",
        OrderEventAction.CancelRest => "cancel_rest",
        OrderEventAction.CancelOrphan => "cancel_orphan",
        OrderEventAction.CancelStaleProtection => "cancel_stale_protection",
        OrderEventAction.ScheduleCancel => "schedule_cancel",
        OrderEventAction.ReadAccount => "read_account",
        OrderEventAction.ReadOpenOrders => "read_open_orders",
        OrderEventAction.ReadFills => "read_fills",
        OrderEventAction.ReadMid => "read_mid",
        OrderEventAction.ReadPosition => "read_position",
        OrderEventAction.SettleEntry => "settle_entry",
        OrderEventAction.Ledger => "ledger",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unmapped order action."),
    };

    public static string Of(OrderEventResult result) => result switch
    {
        OrderEventResult.Ok => "ok",
        OrderEventResult.Filled => "filled",
        OrderEventResult.PartiallyFilled => "partially_filled",
        OrderEventResult.Resting => "resting",
        OrderEventResult.Canceled => "canceled",
        OrderEventResult.Rejected => "rejected",
        OrderEventResult.Failed => "failed",
        OrderEventResult.Unresolved => "unresolved",
        OrderEventResult.Refused => "refused",
        OrderEventResult.LedgerUnwritable => "ledger_unwritable",
        OrderEventResult.Unwritable => "unwritable",
        OrderEventResult.WritableAgain => "writable_again",
        OrderEventResult.BlockedUnsettled => "blocked_unsettled",
        OrderEventResult.RejectedPreTrade => "rejected_pre_trade",
        OrderEventResult.DiscardedStale => "discarded_stale",
        OrderEventResult.ClaimedByOtherTrader => "claimed_by_other_trader",
        OrderEventResult.BlockedJournal => "blocked_journal",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unmapped order result."),
    };

    /// <summary>The order action a journal string names; null for the cycle's other records (or an unknown string).</summary>
    public static OrderEventAction? ActionOf(string? name) => name is null ? null : Actions.TryGetValue(name, out var action) ? action : null;

    /// <summary>The order result a journal string names; null for other results (or an unknown string).</summary>
    public static OrderEventResult? ResultOf(string? name) => name is null ? null : Results.TryGetValue(name, out var result) ? result : null;

    /// <summary>The journal's record of one order event.</summary>
    public static ActionRecord ToRecord(OrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new ActionRecord
        {
            Symbol = e.Symbol,
            Action = Of(e.Action),
            Qty = e.Qty,
            Price = e.Price,
            OrderId = e.OrderId,
            Cloid = e.Cloid,
            Result = Of(e.Result),
            ErrorClass = e.ErrorClass is { } c ? ErrorClassCodes.Of(c) : null,
            ErrorDetail = e.ErrorDetail,
            Attempts = e.Attempts,
            SuggestedSizeUsd = e.SuggestedSizeUsd,
            LatencyMs = e.LatencyMs,
        };
    }

    /// <summary>The journal's records of <paramref name="events"/>, in order.</summary>
    public static IReadOnlyList<ActionRecord> ToRecords(IEnumerable<OrderEvent> events) =>
        events is IReadOnlyCollection<OrderEvent> { Count: 0 } ? [] : [.. events.Select(ToRecord)]; // most cycles: none

    private static readonly Dictionary<string, OrderEventAction> Actions =
        Enum.GetValues<OrderEventAction>().ToDictionary(Of, a => a, StringComparer.Ordinal);

    private static readonly Dictionary<string, OrderEventResult> Results =
        Enum.GetValues<OrderEventResult>().ToDictionary(Of, r => r, StringComparer.Ordinal);
}
