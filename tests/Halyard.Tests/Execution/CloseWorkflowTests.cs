using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

public class CloseWorkflowTests
{
    [Fact]
    public async Task CloseAsync_ProtectedPosition_EndsFlatWithItsTriggersCancelled()
    {
        using var sut = new ScriptedSut();
        var open = await sut.OpenAsync(ScriptedSut.Long());

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.Equal(IntentResult.Closed, outcome.Result);
        Assert.False(sut.Venue.Positions.ContainsKey("ETH"));
        Assert.Empty(sut.Venue.OpenOrders);
        Assert.Equal(2, outcome.Actions.Count(a => a is { Action: OrderEventAction.CancelLeftover, Result: OrderEventResult.Canceled }));
        Assert.Equal(0, outcome.Actions.Count(a => a.Action == OrderEventAction.Cancel));
        Assert.Equal(0.4m, outcome.FilledSize);
        Assert.Equal(0.9m, outcome.RealizedPnl);
        Assert.Equal(LedgerStatus.Closed, sut.Ledger.Find(open.EntryCloid!)!.Status);
        Assert.NotNull(outcome.Latency);
    }

    [Fact]
    public async Task CloseAsync_IsAReduceOnlyIocBelowTheMid()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Positions["ETH"] = 0.4m;

        await sut.CloseAsync(ScriptedSut.CloseLong());

        var close = sut.Venue.ByCloid.Values.Single();
        Assert.True(close.ReduceOnly);
        Assert.False(close.IsBuy);
        Assert.Equal("Ioc", close.Tif);
        Assert.Equal(2_475m, close.LimitPx);
    }

    [Fact]
    public async Task CloseAsync_NoPosition_IsAlreadyFlatAndCancelsLeftoverTriggers()
    {
        using var sut = new ScriptedSut();
        sut.Venue.OpenOrders.Add(new VenueOrder { Oid = 5, Coin = "ETH", IsBuy = false, LimitPx = 2_300m, OrigSz = 0.4m, Sz = 0.4m, ReduceOnly = true, IsTrigger = true, TriggerPx = 2_400m });

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.Equal(IntentResult.AlreadyFlat, outcome.Result);
        Assert.Empty(sut.Venue.OpenOrders);
        Assert.Equal(0, sut.Venue.Count("order:close"));
    }

    [Fact]
    public async Task CloseAsync_PositionOnTheOtherSide_IsNotTouched()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Positions["ETH"] = -0.4m;

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.Equal(IntentResult.Rejected, outcome.Result);
        Assert.Equal(ErrorClass.RiskRejected, outcome.ErrorClass);
        Assert.Equal(-0.4m, sut.Venue.Positions["ETH"]);
        Assert.Equal(0, sut.Venue.Count("order:close"));
    }

    [Fact]
    public async Task OpenAsync_ExchangeDown_FailsTheCycle()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Script("order:entry", new Fault.Refused());

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        // The cycle's order step stops sending on this flag (ManagerCycleTests.RunCycle_AnOpenFailsTheCycle_SendsNothingAfterIt).
        Assert.True(outcome.FailsCycle);
        Assert.Equal(IntentResult.Failed, outcome.Result);
        Assert.Equal(1, sut.Venue.Count("order:entry"));
    }
}
