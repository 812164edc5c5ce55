using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

public class OpenWorkflowTests
{
    [Fact]
    public async Task OpenAsync_StopAnsweredWithoutAnOid_FoundByCloid()
    {
        using var sut = new ScriptedSut();
        sut.Venue.TriggersAnswerWaiting = true;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        var stop = sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit);
        Assert.Equal(stop.Oid, outcome.Protection.StopOid);
        Assert.True(sut.Venue.Count("orderStatus") > 0);
    }

    [Fact]
    public async Task OpenAsync_FullFill_PlacesStopAndTargetForTheFilledSize()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.Filled, outcome.Result);
        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        Assert.Equal(0.4m, outcome.FilledSize);
        var triggers = sut.Venue.OpenOrders.Where(o => o.IsTrigger).ToArray();
        Assert.Equal(2, triggers.Length);
        Assert.All(triggers, t => Assert.Equal(0.4m, t.Sz));
        Assert.All(triggers, t => Assert.True(t.ReduceOnly));
        Assert.All(triggers, t => Assert.False(t.IsBuy));
        Assert.Equal(2_400m, triggers.Single(t => !t.IsTakeProfit).TriggerPx);
        Assert.Equal(2_700m, triggers.Single(t => t.IsTakeProfit).TriggerPx);
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
        Assert.Equal([OrderEventAction.SetLeverage, OrderEventAction.Entry, OrderEventAction.StopLoss, OrderEventAction.TakeProfit], outcome.Actions.Select(a => a.Action));
    }

    [Fact]
    public async Task OpenAsync_Entry_IsAnIocAtTheMidPlusSlippageFormattedAndCloidRecordedBeforeSending()
    {
        using var sut = new ScriptedSut();
        var intent = ScriptedSut.Long();

        var outcome = await sut.OpenAsync(intent);

        var entry = sut.Venue.ByCloid[IntentCloids.Entry(intent).Value];
        Assert.Equal("Ioc", entry.Tif);
        Assert.Equal(2_512.5m, entry.LimitPx);
        Assert.Equal(IntentCloids.Entry(intent).Value, outcome.EntryCloid);
        Assert.Contains(IntentCloids.Entry(intent).Value, sut.Ledger.Find(outcome.EntryCloid!)!.OrderCloids);
        Assert.NotNull(outcome.Latency);
    }

    [Fact]
    public async Task OpenAsync_EntryRequest_FindsItsCloidAlreadyInTheLedger()
    {
        using var sut = new ScriptedSut();
        var intent = ScriptedSut.Long();
        var cloid = IntentCloids.Entry(intent).Value;
        LedgerStatus? seen = null;
        sut.Venue.OnRequest = kind =>
        {
            if (kind == "order:entry")
            {
                seen = sut.Ledger.Find(cloid)?.Status;
            }
        };

        await sut.OpenAsync(intent);

        Assert.Equal(LedgerStatus.Pending, seen);
    }

    [Fact]
    public async Task OpenAsync_StopTrigger_IsAMarketTriggerWithAProtectiveLimitBelowIt()
    {
        using var sut = new ScriptedSut();

        await sut.OpenAsync(ScriptedSut.Long());

        var stop = sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit);
        Assert.Equal(2_280m, stop.LimitPx);
    }

    [Fact]
    public async Task OpenAsync_PartialFill_FinishesTheRemainderAndProtectsTheTotalFilled()
    {
        using var sut = new ScriptedSut();
        sut.Venue.EntryFillFraction = 0.5m;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.PartiallyFilled, outcome.Result);
        Assert.Equal(0.3m, outcome.FilledSize);
        Assert.Equal([OrderEventAction.Entry, OrderEventAction.EntryRest], outcome.Fills.Select(f => f.Role));
        Assert.Equal(OrderEventResult.PartiallyFilled, outcome.Actions.Single(a => a.Action == OrderEventAction.Entry).Result);
        Assert.All(sut.Venue.OpenOrders.Where(o => o.IsTrigger), t => Assert.Equal(0.3m, t.Sz));
        Assert.Equal(0.3m, sut.Venue.Positions["ETH"]);
        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
    }

    [Fact]
    public async Task OpenAsync_RemainderBelowTenDollars_IsDroppedAndTheFilledPartProtected()
    {
        using var sut = new ScriptedSut();
        sut.Venue.EntryFillFraction = 0.995m;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.PartiallyFilled, outcome.Result);
        Assert.Equal(0.398m, outcome.FilledSize);
        var rest = outcome.Actions.Single(a => a.Action == OrderEventAction.EntryRest);
        Assert.Equal(OrderEventResult.Refused, rest.Result);
        Assert.Contains("minimum", rest.ErrorDetail, StringComparison.Ordinal);
        Assert.Equal(1, sut.Venue.Count("order:entry"));
        Assert.All(sut.Venue.OpenOrders.Where(o => o.IsTrigger), t => Assert.Equal(0.398m, t.Sz));
    }

    [Fact]
    public async Task OpenAsync_FillAlreadyPastTheStop_FlattensAtOnce()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long(stop: 2_600m, target: 2_900m));

        Assert.Equal(IntentResult.Filled, outcome.Result);
        Assert.Equal(ProtectionStatus.Flattened, outcome.Protection.Status);
        Assert.Contains("past the stop", outcome.Protection.Reason, StringComparison.Ordinal);
        Assert.False(sut.Venue.Positions.ContainsKey("ETH"));
        Assert.Equal(0, sut.Venue.Count("order:trigger"));
        Assert.Equal(LedgerStatus.Flattened, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
    }

    [Fact]
    public async Task OpenAsync_TargetAlreadyReachedAtTheFill_KeepsTheStopOnly()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long(target: 2_450m));

        Assert.Equal(ProtectionStatus.StopOnly, outcome.Protection.Status);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger);
        Assert.Contains("already reached", outcome.Protection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NoStopGiven_UsesTheDefaultDistanceFromTheFill()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long(stop: null, target: null));

        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        Assert.Equal(2_450m, sut.Venue.OpenOrders.Single(o => o.IsTrigger).TriggerPx);
    }

    [Fact]
    public async Task OpenAsync_NoStopCanBePlacedAndNoFlatten_IsUnprotectedAndFailsTheCycle()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Script("order:trigger", new Fault.Err("Invalid TP/SL price."));
        sut.Venue.Script("order:close", new Fault.Refused());

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(ProtectionStatus.Unprotected, outcome.Protection.Status);
        Assert.True(outcome.FailsCycle);
        Assert.Equal(LedgerStatus.Open, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
        Assert.StartsWith("UNPROTECTED", sut.Ledger.Find(outcome.EntryCloid!)!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_StopRejected_FlattensAndCancelsTheTakeProfit()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Script("order:trigger", new Fault.Err("Invalid TP/SL price."));

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(ProtectionStatus.Flattened, outcome.Protection.Status);
        Assert.Contains("Invalid TP/SL price.", outcome.Protection.Reason, StringComparison.Ordinal);
        Assert.False(sut.Venue.Positions.ContainsKey("ETH"));
        Assert.Empty(sut.Venue.OpenOrders);
    }

    [Fact]
    public async Task OpenAsync_LeverageAboveTheAssetCap_IsClampedAndSetOnlyOnce()
    {
        using var sut = new ScriptedSut();

        var first = await sut.OpenAsync(ScriptedSut.Long(leverage: 100));
        await sut.CloseAsync(ScriptedSut.CloseLong());
        var second = await sut.OpenAsync(ScriptedSut.Long(leverage: 100, cycle: 3));

        Assert.Equal(25, sut.Venue.Leverage["ETH"]);
        Assert.Equal(25m, first.Actions.Single(a => a.Action == OrderEventAction.SetLeverage).Qty);
        Assert.DoesNotContain(second.Actions, a => a.Action == OrderEventAction.SetLeverage);
        Assert.Equal(1, sut.Venue.Count("updateLeverage"));
    }

    [Fact]
    public async Task OpenAsync_VenueAlreadyHasTheLeverageOnThePosition_DoesNotUpdateIt()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Positions["BTC"] = 0.01m;
        sut.Venue.Leverage["BTC"] = 5;

        var outcome = await sut.OpenAsync(ScriptedSut.Long("BTC", 1_000m, stop: 95_000m, target: 110_000m));

        Assert.DoesNotContain(outcome.Actions, a => a.Action == OrderEventAction.SetLeverage);
        Assert.Equal(0, sut.Venue.Count("updateLeverage"));
    }

    [Fact]
    public async Task OpenAsync_SameIntentTwice_PlacesOneEntryAndReportsADuplicate()
    {
        using var sut = new ScriptedSut();
        var intent = ScriptedSut.Long();

        await sut.OpenAsync(intent);
        var again = await sut.OpenAsync(intent with { Size = OrderSize.Usd(1_010m) });

        Assert.Equal(IntentResult.Duplicate, again.Result);
        Assert.Equal(1, sut.Venue.Count("order:entry"));
        Assert.Equal(0.4m, sut.Venue.Positions["ETH"]);
    }

    [Fact]
    public async Task OpenAsync_AfterACrashBetweenRecordAndAnswer_SettlesByCloidAndProtects()
    {
        using var sut = new ScriptedSut();
        var intent = ScriptedSut.Long();
        var cloid = IntentCloids.Entry(intent).Value;
        sut.Ledger.Save(new LedgerEntry
        {
            Cloid = cloid, TraderId = ScriptedSut.Trader, Symbol = "ETH", Side = PositionSide.Long, RequestedSize = 0.4m,
            StopLoss = 2_400m, TakeProfit = 2_700m, OrderCloids = [cloid], Status = LedgerStatus.Pending,
            CreatedAt = sut.Clock.GetUtcNow(), UpdatedAt = sut.Clock.GetUtcNow(),
        });
        sut.Venue.ByCloid[cloid] = new VenueOrder { Oid = 9, Coin = "ETH", IsBuy = true, LimitPx = 2_512.5m, OrigSz = 0.4m, Sz = 0m, Filled = 0.4m, Cloid = cloid, Tif = "Ioc", Status = "filled" };
        sut.Venue.Positions["ETH"] = 0.4m;

        var outcome = await sut.OpenAsync(intent);

        Assert.Equal(IntentResult.Duplicate, outcome.Result);
        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        Assert.Equal(0, sut.Venue.Count("order:entry"));
        Assert.All(sut.Venue.OpenOrders.Where(o => o.IsTrigger), t => Assert.Equal(0.4m, t.Sz));
    }

    [Fact]
    public async Task OpenAsync_GtcFilledWhileWaiting_IsProtectedWithoutACancel()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { Entry = EntryMode.Gtc });
        sut.Venue.EntryFillFraction = 0m;
        var task = sut.Orchestrator.OpenAsync(ScriptedSut.Long(), CancellationToken.None);
        await Task.Yield();
        var resting = sut.Venue.OpenOrders.Single(o => !o.IsTrigger);
        sut.Venue.FillResting(resting, 0.4m);

        var outcome = await sut.Drive(task);

        Assert.Equal(IntentResult.Filled, outcome.Result);
        Assert.Equal(ProtectionStatus.Protected, outcome.Protection.Status);
        Assert.Equal(0, sut.Venue.Count("cancelByCloid"));
        Assert.Equal("Gtc", resting.Tif);
    }

    [Fact]
    public async Task OpenAsync_GtcPartlyFilledAtTheTimeout_CancelsTheRestAndProtectsTheFill()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { Entry = EntryMode.Gtc });
        sut.Venue.EntryFillFraction = 0.25m;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.PartiallyFilled, outcome.Result);
        Assert.Equal(0.1m, outcome.FilledSize);
        Assert.Equal(OrderEventResult.Canceled, outcome.Actions.Single(a => a.Action == OrderEventAction.CancelRest).Result);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.Sz == 0.1m);
        Assert.DoesNotContain(sut.Venue.OpenOrders, o => !o.IsTrigger);
    }

    [Fact]
    public async Task OpenAsync_GtcNothingFilled_IsNotFilledAndLeavesNoOrder()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { Entry = EntryMode.Gtc });
        sut.Venue.EntryFillFraction = 0m;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.NotFilled, outcome.Result);
        Assert.Empty(sut.Venue.OpenOrders);
        Assert.Equal(LedgerStatus.NotFilled, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
    }

    [Fact]
    public async Task OpenAsync_IocWithoutAMatch_IsRetriedRepricedAndThenNotFilled()
    {
        using var sut = new ScriptedSut();
        sut.Venue.EntryFillFraction = 0m;

        var outcome = await sut.OpenAsync(ScriptedSut.Long());

        Assert.Equal(IntentResult.NotFilled, outcome.Result);
        Assert.Equal(3, sut.Venue.Count("order:entry"));
        Assert.Equal(LedgerStatus.NotFilled, sut.Ledger.Find(outcome.EntryCloid!)!.Status);
        Assert.False(sut.Venue.Positions.ContainsKey("ETH"));
    }

    [Fact]
    public async Task OpenAsync_BelowTheMinimumOrderValue_IsRefusedWithoutSending()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long(usd: 9m));

        Assert.Equal(IntentResult.Rejected, outcome.Result);
        Assert.Equal(ErrorClass.InvalidParam, outcome.ErrorClass);
        Assert.Equal(OrderEventResult.Refused, outcome.Actions.Single().Result);
        Assert.Equal(0, sut.Venue.Count("order:entry"));
        Assert.Null(sut.Ledger.Find(outcome.EntryCloid!));
    }

    [Fact]
    public async Task OpenAsync_UnknownSymbol_IsRejectedAsInvalidParam()
    {
        using var sut = new ScriptedSut();

        var outcome = await sut.OpenAsync(ScriptedSut.Long("NOPE"));

        Assert.Equal(IntentResult.Rejected, outcome.Result);
        Assert.Equal(ErrorClass.InvalidParam, outcome.ErrorClass);
        Assert.Equal(1, sut.Venue.Count("meta"));
    }

    [Fact]
    public async Task OpenAsync_IntentOfAnotherTrader_Throws()
    {
        using var sut = new ScriptedSut();

        await Assert.ThrowsAsync<ArgumentException>(() => sut.Orchestrator.OpenAsync(ScriptedSut.Long() with { TraderId = "t02" }, CancellationToken.None));
    }
}
