using Halyard.Domain;
using Halyard.Execution;
using Halyard.Journal;

namespace Halyard.Tests.Journal;

public class OrderEventNamesTests
{
    /// <summary>The journal's on-disk strings (cycles.jsonl, SQLite): renaming an enum member must not change them.</summary>
    [Fact]
    public void Of_EveryAction_IsTheJournalsPinnedString()
    {
        Assert.Equal(
            ["set_leverage", "entry", "entry_rest", "stop_loss", "take_profit", "close", "flatten", "cancel", "cancel_leftover", "cancel_rest",
             "cancel_orphan", "cancel_stale_protection", "schedule_cancel", "read_account", "read_open_orders", "read_fills", "read_mid",
             "read_position", "settle_entry", "ledger", "reduce"],
            Enum.GetValues<OrderEventAction>().Select(OrderEventNames.Of));
    }

    [Fact]
    public void Of_EveryResult_IsTheJournalsPinnedString()
    {
        Assert.Equal(
            ["ok", "filled", "partially_filled", "resting", "canceled", "rejected", "failed", "unresolved", "refused",
             "ledger_unwritable", "unwritable", "writable_again", "blocked_unsettled", "rejected_pre_trade", "discarded_stale",
             "claimed_by_other_trader", "blocked_journal"],
            Enum.GetValues<OrderEventResult>().Select(OrderEventNames.Of));
    }

    [Fact]
    public void ActionOfAndResultOf_ReadTheStringsBack()
    {
        Assert.All(Enum.GetValues<OrderEventAction>(), a => Assert.Equal(a, OrderEventNames.ActionOf(OrderEventNames.Of(a))));
        Assert.All(Enum.GetValues<OrderEventResult>(), r => Assert.Equal(r, OrderEventNames.ResultOf(OrderEventNames.Of(r))));
        Assert.Null(OrderEventNames.ActionOf(ActionNames.CircuitBreaker));
        Assert.Null(OrderEventNames.ResultOf("max_drawdown"));
    }

    [Fact]
    public void ToRecord_MapsEveryField()
    {
        var e = new OrderEvent
        {
            Symbol = "BTC",
            Action = OrderEventAction.StopLoss,
            Result = OrderEventResult.Rejected,
            Qty = 0.5m,
            Price = 60_000m,
            OrderId = 7,
            Cloid = "0x" + new string('a', 32),
            ErrorClass = ErrorClass.InvalidParam,
            ErrorDetail = "bad trigger",
            Attempts = 2,
            SuggestedSizeUsd = 100m,
            LatencyMs = 12.5,
        };

        var record = OrderEventNames.ToRecord(e);

        Assert.Equal(
            new ActionRecord
            {
                Symbol = "BTC", Action = "stop_loss", Result = "rejected", Qty = 0.5m, Price = 60_000m, OrderId = 7, Cloid = e.Cloid,
                ErrorClass = "invalid_param", ErrorDetail = "bad trigger", Attempts = 2, SuggestedSizeUsd = 100m, LatencyMs = 12.5,
            },
            record);
    }
}
