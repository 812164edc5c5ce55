using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>
/// The rule of every workflow: the new protection goes out before the old is removed, and protection is removed
/// only when the venue's own fills (or enough reads) prove the position gone. Each test makes the fault happen.
/// </summary>
public class StopAlwaysTests
{
    private const string NoMatch = "Order could not immediately match against any resting orders.";
    private const string TooFar = "Order price too far from oracle";

    [Fact]
    public async Task ReconcileAsync_StopTooSmall_NewStopRestsBeforeTheOldIsCancelled()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions["ETH"] = 0.6m;
        var kinds = new List<string>();
        sut.Venue.OnRequest = kind =>
        {
            lock (kinds)
            {
                kinds.Add(kind);
            }
        };

        var report = await Reconcile(sut);

        var placed = kinds.IndexOf("order:trigger");
        var cancelled = kinds.IndexOf("cancel");
        Assert.True(placed >= 0 && cancelled > placed, "requests in order: " + string.Join(", ", kinds));
        Assert.Equal(1, report.PositionsProtected);
        Assert.Equal(0.6m, sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit).Sz);
    }

    [Fact]
    public async Task ReconcileAsync_NewStopRefusedAndFlattenFails_TheOldStopStays()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions["ETH"] = 0.6m;
        sut.Venue.Script("order:trigger", new Fault.Err(TooFar));
        sut.Venue.Script("order:close", new Fault.Err(TooFar));

        var report = await Reconcile(sut);

        Assert.True(report.FailsCycle);
        Assert.Equal(0, sut.Venue.Count("cancel"));
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.Sz == 0.4m);
    }

    [Fact]
    public async Task CloseAsync_ReduceOnlyIocsDoNotFlatten_PositionKeepsItsStopAndTheCycleFails()
    {
        using var sut = new ScriptedSut();
        var open = await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Script("order:close", new Fault.Err(NoMatch));

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.NotEqual(IntentResult.Closed, outcome.Result);
        Assert.True(outcome.FailsCycle);
        Assert.Equal(0.4m, sut.Venue.Positions["ETH"]);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.Sz == 0.4m);
        Assert.Equal(0, sut.Venue.Count("cancel"));
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(open.EntryCloid!)!.Status);
    }

    [Fact]
    public async Task CloseAsync_Flat_CancelsTheStopOnlyAfterTheCloseFilled()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        var kinds = new List<string>();
        sut.Venue.OnRequest = kind =>
        {
            lock (kinds)
            {
                kinds.Add(kind);
            }
        };

        var outcome = await sut.CloseAsync(ScriptedSut.CloseLong());

        Assert.Equal(IntentResult.Closed, outcome.Result);
        Assert.True(kinds.IndexOf("order:close") < kinds.IndexOf("cancel"), "requests in order: " + string.Join(", ", kinds));
        Assert.Empty(sut.Venue.OpenOrders);
    }

    [Fact]
    public async Task ReconcileAsync_OneReadWithoutThePosition_KeepsTheEntryAndItsStop()
    {
        using var sut = new ScriptedSut();
        var open = await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions.Remove("ETH");

        var stale = await Reconcile(sut);

        Assert.Empty(stale.Closed);
        Assert.Equal(0, stale.OrphansCancelled);
        Assert.Equal("ETH", Assert.Single(stale.AwaitingCloseProof));
        Assert.Equal(2, sut.Venue.OpenOrders.Count(o => o.IsTrigger));
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(open.EntryCloid!)!.Status);

        sut.Venue.Positions["ETH"] = 0.4m;
        var back = await Reconcile(sut);

        Assert.Empty(back.External);
        Assert.Empty(back.Closed);
        Assert.Equal(0, sut.Ledger.Find(open.EntryCloid!)!.MissingReads);
        Assert.Equal(0, sut.Venue.Count("cancel") + back.PositionsProtected);
    }

    [Fact]
    public async Task ReconcileAsync_ClosedAfterReadsThenShownAgain_IsOursAgainNotExternal()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { ClosedAfterMissingReads = 1 });
        var open = await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions.Remove("ETH");
        var gone = await Reconcile(sut);
        Assert.Equal("unknown", Assert.Single(gone.Closed).Reason);
        Assert.Empty(sut.Venue.OpenOrders);

        sut.Venue.Positions["ETH"] = 0.4m;
        var back = await Reconcile(sut);

        Assert.Empty(back.External);
        Assert.Equal(1, back.PositionsProtected);
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(open.EntryCloid!)!.Status);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.TriggerPx == 2_400m);
    }

    [Fact]
    public async Task ReconcileAsync_PendingEntryThatCannotBeSettled_ItsFillIsProtectedAndOpensAreBlocked()
    {
        using var sut = new ScriptedSut();
        const string cloid = "0x000000000000000000000000000000aa";
        sut.Ledger.Save(new LedgerEntry
        {
            Cloid = cloid, TraderId = ScriptedSut.Trader, Symbol = "ETH", Side = PositionSide.Long, RequestedSize = 0.4m, StopLoss = 2_400m,
            OrderCloids = [cloid], Status = LedgerStatus.Pending, CreatedAt = sut.Clock.GetUtcNow(), UpdatedAt = sut.Clock.GetUtcNow(),
        });
        sut.Venue.Positions["ETH"] = 0.4m;
        sut.Venue.Script("orderStatus", new Fault.Refused());

        var report = await Reconcile(sut);

        Assert.Equal(1, report.EntriesUnresolved);
        Assert.NotNull(report.OpensBlocked);
        Assert.Empty(report.External);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit && o.Sz == 0.4m && o.TriggerPx == 2_400m);
        Assert.Equal(LedgerStatus.Pending, sut.Ledger.Find(cloid)!.Status);

        sut.Venue.ClearFaults();
        sut.Venue.ByCloid[cloid] = new VenueOrder { Oid = 9, Coin = "ETH", IsBuy = true, LimitPx = 2_500m, OrigSz = 0.4m, Sz = 0m, Filled = 0.4m, Cloid = cloid, Tif = "Ioc", Status = "filled" };
        var settled = await Reconcile(sut);

        Assert.Null(settled.OpensBlocked);
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(cloid)!.Status);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit);
    }

    private static Task<ReconcileReport> Reconcile(ScriptedSut sut) =>
        sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None));
}
