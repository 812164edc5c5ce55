using Halyard.Execution;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>Feature flags and shadow mode (design: "Rollout &amp; Safety").</summary>
public class RolloutTests
{
    [Fact]
    public async Task OpenAsync_ShadowMode_SendsNothingAndRecordsTheWouldBeOrders()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { Features = new ExecutionFeatures { Shadow = true } });

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.Shadow, outcome.Result);
        Assert.Equal(ProtectionStatus.Shadow, outcome.Protection.Status);
        Assert.Equal([OrderEventAction.SetLeverage, OrderEventAction.Entry, OrderEventAction.StopLoss, OrderEventAction.TakeProfit], outcome.Actions.Select(a => a.Action));
        Assert.All(outcome.Actions, a => Assert.Equal(OrderEventResult.Shadow, a.Result));
        Assert.All(outcome.Actions, a => Assert.Equal(0, a.Attempts));
        Assert.Equal(0.4m, outcome.Actions.Single(a => a.Action == OrderEventAction.StopLoss).Qty);
        Assert.Equal(0, sut.Venue.Count("order:entry") + sut.Venue.Count("order:trigger") + sut.Venue.Count("updateLeverage"));
        Assert.Empty(sut.Ledger.Entries(ScriptedSut.Trader));
    }

    [Fact]
    public async Task CloseAsync_ShadowMode_SendsNothing()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { Features = new ExecutionFeatures { Shadow = true } });
        sut.Venue.Positions["ETH"] = 0.4m;
        sut.Venue.OpenOrders.Add(new VenueOrder { Oid = 5, Coin = "ETH", IsBuy = false, LimitPx = 2_300m, OrigSz = 0.4m, Sz = 0.4m, ReduceOnly = true, IsTrigger = true, TriggerPx = 2_400m });

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.Equal(IntentResult.Shadow, outcome.Result);
        Assert.Equal([OrderEventAction.Close], outcome.Actions.Select(a => a.Action));
        Assert.All(outcome.Actions, a => Assert.Equal(OrderEventResult.Shadow, a.Result));
        Assert.Equal(0, sut.Venue.Count("cancel") + sut.Venue.Count("order:close"));
        Assert.Equal(0.4m, sut.Venue.Positions["ETH"]);
    }

    [Fact]
    public async Task OpenAsync_AllFlagsOff_IsABasicIocWithoutCloidRetriesOrProtection()
    {
        var features = new ExecutionFeatures { SltpOrchestration = false, IdempotentRetries = false, MultiDecision = false };
        using var sut = new ScriptedSut(new OrchestratorOptions { Entry = EntryMode.Gtc, Features = features });
        sut.Venue.Script("order:entry", new Fault.Err("Invalid nonce: duplicate nonce 1"), 1);

        var failed = await sut.OpenAsync(ScriptedSut.Long());
        var filled = await sut.OpenAsync(ScriptedSut.Long(cycle: 2));

        Assert.Equal(IntentResult.Failed, failed.Result);
        Assert.Equal(1, failed.Actions.Single(a => a.Action == OrderEventAction.Entry).Attempts);
        Assert.Equal(IntentResult.Filled, filled.Result);
        Assert.Equal(ProtectionStatus.Disabled, filled.Protection.Status);
        Assert.DoesNotContain(sut.Venue.OpenOrders, o => o.IsTrigger);
        var entry = sut.Venue.Fills.Single();
        Assert.Null(entry.Cloid);
        Assert.Equal(0, sut.Venue.Count("order:trigger"));
        Assert.Null(filled.Actions.Single(a => a.Action == OrderEventAction.Entry).Cloid);
    }

    [Fact]
    public async Task ReconcileAsync_EntrySentWithoutCloidAndUnanswered_IsSettledFromThePosition()
    {
        var features = new ExecutionFeatures { IdempotentRetries = false };
        using var sut = new ScriptedSut(new OrchestratorOptions { Features = features });
        sut.Venue.Script("order:entry", new Fault.Lost(), 1);

        var outcome = await sut.OpenAsync(ScriptedSut.Long());
        var report = await sut.Drive(sut.Orchestrator.ReconcileAsync(new Halyard.Execution.Reconciliation.ReconcileRequest(1), CancellationToken.None));

        Assert.Equal(IntentResult.Unresolved, outcome.Result);
        Assert.Equal(1, report.EntriesSettled);
        Assert.Empty(report.External);
        Assert.Equal(1, report.PositionsProtected);
        Assert.Equal(Halyard.Execution.Ledger.LedgerStatus.Protected, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
    }
}
