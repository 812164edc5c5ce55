using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

public class ReconcileTests
{
    [Fact]
    public async Task ReconcileAsync_StopFiredOnTheVenue_ReportsTheCloseAndCancelsTheOrphanTarget()
    {
        using var sut = new ScriptedSut();
        var open = await sut.OpenAsync(ScriptedSut.Long());
        sut.Clock.Advance(TimeSpan.FromMinutes(3));
        sut.Venue.FireTrigger(sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit));

        var report = await Reconcile(sut);

        var closed = Assert.Single(report.Closed);
        Assert.Equal(("ETH", PositionSide.Long, "stop_loss", 0.4m), (closed.Symbol, closed.Side, closed.Reason, closed.Size));
        Assert.Equal(0.9m, closed.RealizedPnl);
        Assert.Equal(sut.Clock.GetUtcNow().ToUnixTimeMilliseconds(), closed.ClosedAt.ToUnixTimeMilliseconds());
        Assert.Equal(1, report.OrphansCancelled);
        Assert.Empty(sut.Venue.OpenOrders);
        Assert.Equal(LedgerStatus.Closed, sut.Ledger.Find(open.EntryCloid!)!.Status);
        Assert.False(report.FailsCycle);
    }

    [Fact]
    public async Task ReconcileAsync_OurPositionWithoutItsStop_IsProtectedFromTheLedger()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.OpenOrders.Clear();

        var report = await Reconcile(sut);

        Assert.Equal(1, report.PositionsProtected);
        var stop = sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit);
        Assert.Equal((2_400m, 0.4m), (stop.TriggerPx, stop.Sz));
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTakeProfit && o.TriggerPx == 2_700m);
        Assert.Equal(ProtectionStatus.Protected, Assert.Single(report.Positions).Protection.Status);
    }

    [Fact]
    public async Task ReconcileAsync_StopSmallerThanThePosition_IsReplacedByOneForTheWholeSize()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions["ETH"] = 0.6m;

        var report = await Reconcile(sut);

        Assert.Equal(1, report.PositionsProtected);
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit);
        Assert.Equal(0.6m, sut.Venue.OpenOrders.Single(o => o.IsTrigger && !o.IsTakeProfit).Sz);
    }

    [Fact]
    public async Task ReconcileAsync_ProtectedPosition_IsLeftAsItIs()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        var triggers = sut.Venue.Count("order:trigger");

        var report = await Reconcile(sut);

        Assert.Equal(0, report.PositionsProtected + report.OrphansCancelled);
        Assert.Equal(triggers, sut.Venue.Count("order:trigger"));
        Assert.Empty(report.Actions.Where(a => a.Attempts > 0));
    }

    [Fact]
    public async Task ReconcileAsync_LedgerStopAlreadyCrossed_FlattensThePosition()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.OpenOrders.Clear();
        sut.Venue.Mids["ETH"] = 2_350m;

        var report = await Reconcile(sut);

        Assert.Equal(1, report.PositionsFlattened);
        Assert.False(sut.Venue.Positions.ContainsKey("ETH"));
    }

    [Fact]
    public async Task ReconcileAsync_ExternalPositionLeftAlone_IsSurfacedAndNotTouched()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Positions["SOL"] = 10m;

        var report = await Reconcile(sut);

        var external = Assert.Single(report.External);
        Assert.Equal(("SOL", PositionSide.Long, 10m, false), (external.Symbol, external.Side, external.Size, external.Adopted));
        Assert.Empty(sut.Venue.OpenOrders);
        Assert.False(report.FailsCycle);
    }

    [Fact]
    public async Task ReconcileAsync_ExternalPositionAdopted_IsProtectedWithTheDefaultDistanceAndManaged()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { ExternalPositions = ExternalPositionPolicy.Adopt });
        sut.Venue.Positions["SOL"] = -10m;

        var report = await Reconcile(sut);

        Assert.True(Assert.Single(report.External).Adopted);
        var stop = sut.Venue.OpenOrders.Single();
        Assert.Equal((153m, 10m, true), (stop.TriggerPx, stop.Sz, stop.IsBuy));
        var entry = Assert.Single(sut.Ledger.Entries(ScriptedSut.Trader));
        Assert.Equal((LedgerEntryKind.Adopted, LedgerStatus.Protected), (entry.Kind, entry.Status));

        var again = await Reconcile(sut);
        Assert.Empty(again.External);
    }

    [Fact]
    public async Task ReconcileAsync_AtrKnown_DefaultStopIsAMultipleOfIt()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { ExternalPositions = ExternalPositionPolicy.Adopt });
        sut.Venue.Positions["SOL"] = 10m;

        await Reconcile(sut, new Dictionary<string, decimal> { ["SOL"] = 4m });

        Assert.Equal(142m, sut.Venue.OpenOrders.Single().TriggerPx);
    }

    [Fact]
    public async Task ReconcileAsync_OrphanTriggerOfOurs_IsCancelledButAForeignOneIsLeft()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.Positions.Remove("ETH");
        sut.Venue.OpenOrders.Add(new VenueOrder { Oid = 77, Coin = "SOL", IsBuy = false, LimitPx = 130m, OrigSz = 1m, Sz = 1m, ReduceOnly = true, IsTrigger = true, TriggerPx = 140m });

        var first = await Reconcile(sut);
        var report = await Reconcile(sut);

        Assert.Equal((0, 1), (first.OrphansCancelled, sut.Venue.OpenOrders.Count(o => o.Oid == 77)));
        Assert.Equal(2, report.OrphansCancelled);
        Assert.Equal(77, Assert.Single(sut.Venue.OpenOrders).Oid);
        Assert.Equal("unknown", Assert.Single(report.Closed).Reason);
    }

    [Fact]
    public async Task ReconcileAsync_EntryLeftPendingByACrash_IsSettledByCloid()
    {
        using var sut = new ScriptedSut();
        var placed = Pending(sut, "0x000000000000000000000000000000aa");
        var neverPlaced = Pending(sut, "0x000000000000000000000000000000bb");
        sut.Venue.ByCloid[placed.Cloid] = new VenueOrder { Oid = 9, Coin = "ETH", IsBuy = true, LimitPx = 2_500m, OrigSz = 0.4m, Sz = 0m, Filled = 0.4m, Cloid = placed.Cloid, Tif = "Ioc", Status = "filled" };
        sut.Venue.Positions["ETH"] = 0.4m;

        var report = await Reconcile(sut);

        Assert.Equal(2, report.EntriesSettled);
        Assert.Equal(LedgerStatus.Protected, sut.Ledger.Find(placed.Cloid)!.Status);
        Assert.Equal(LedgerStatus.Failed, sut.Ledger.Find(neverPlaced.Cloid)!.Status);
        Assert.Equal(1, report.PositionsProtected);
        Assert.Empty(report.External);
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchRefused_IsReportedWithoutFailingTheCycle()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { DeadMansSwitch = TimeSpan.FromMinutes(10) });
        sut.Venue.ScheduleCancelError = "Cannot set scheduled cancel time until enough volume traded. Required: $1000000.";

        var report = await Reconcile(sut);

        Assert.StartsWith("RiskRejected", report.DeadMansSwitch, StringComparison.Ordinal);
        Assert.False(report.FailsCycle);
        Assert.Equal(1, report.Actions.Single(a => a.Action == OrderEventAction.ScheduleCancel).Attempts);
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchRefused_IsNeverSentAgain()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { DeadMansSwitch = TimeSpan.FromMinutes(10) });
        sut.Venue.ScheduleCancelError = "Cannot set scheduled cancel time until enough volume traded. Required: $1000000.";

        await Reconcile(sut);
        var second = await Reconcile(sut);

        Assert.Equal(1, sut.Venue.Count("scheduleCancel"));
        Assert.StartsWith("not sent: refused earlier", second.DeadMansSwitch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReconcileAsync_DeadMansSwitchAccepted_IsRefreshedEachCycle()
    {
        using var sut = new ScriptedSut(new OrchestratorOptions { DeadMansSwitch = TimeSpan.FromMinutes(10) });

        var first = await Reconcile(sut);
        await Reconcile(sut);

        Assert.Equal("ok", first.DeadMansSwitch);
        Assert.Equal(2, sut.Venue.Count("scheduleCancel"));
    }

    [Fact]
    public async Task ReconcileAsync_VenueUnreadable_FailsTheCycle()
    {
        using var sut = new ScriptedSut();
        sut.Venue.Script("clearinghouseState", new Fault.Refused());

        var report = await Reconcile(sut);

        Assert.True(report.FailsCycle);
        Assert.NotNull(report.Error);
    }

    [Fact]
    public async Task ReconcileAsync_CycleReadAtTheSameInstant_IsUsedInsteadOfReadingAgain()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        sut.Venue.OpenOrders.Clear();
        var read = await CycleReadNow(sut);
        var (accounts, orders) = (sut.Venue.Count("clearinghouseState"), sut.Venue.Count("frontendOpenOrders"));

        var report = await sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1) { Read = read }, CancellationToken.None));

        Assert.Equal((accounts, orders), (sut.Venue.Count("clearinghouseState"), sut.Venue.Count("frontendOpenOrders")));
        Assert.Equal(1, report.PositionsProtected); // judged on the cycle's read: the position has no stop
        Assert.Single(sut.Venue.OpenOrders, o => o.IsTrigger && !o.IsTakeProfit);
    }

    [Fact]
    public async Task ReconcileAsync_CycleReadFromAnEarlierInstant_ReadsAgain()
    {
        using var sut = new ScriptedSut();
        await sut.OpenAsync(ScriptedSut.Long());
        var read = await CycleReadNow(sut);
        sut.Clock.Advance(TimeSpan.FromSeconds(1));
        sut.Venue.OpenOrders.Clear();
        var (accounts, orders) = (sut.Venue.Count("clearinghouseState"), sut.Venue.Count("frontendOpenOrders"));

        var report = await sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1) { Read = read }, CancellationToken.None));

        Assert.Equal((accounts + 1, orders + 1), (sut.Venue.Count("clearinghouseState"), sut.Venue.Count("frontendOpenOrders")));
        Assert.Equal(1, report.PositionsProtected); // the stale read still showed the stop; the fresh one did not
    }

    [Fact]
    public async Task ReconcileAsync_EntryToSettleFirst_ReadsAgainDespiteTheCycleRead()
    {
        using var sut = new ScriptedSut();
        var read = await CycleReadNow(sut);
        _ = Pending(sut, "0x000000000000000000000000000000cc");
        var accounts = sut.Venue.Count("clearinghouseState");

        await sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1) { Read = read }, CancellationToken.None));

        Assert.Equal(accounts + 1, sut.Venue.Count("clearinghouseState"));
    }

    /// <summary>What a cycle would have read now (account and resting orders through the same client).</summary>
    private static async Task<CycleRead> CycleReadNow(ScriptedSut sut)
    {
        var address = ScriptedSut.Key.Address.Value;
        var account = await sut.Info.GetClearinghouseStateAsync(address, CancellationToken.None);
        var orders = await sut.Info.GetFrontendOpenOrdersAsync(address, CancellationToken.None);
        return new CycleRead(account.Value!, orders.Value!, sut.Clock.GetUtcNow());
    }

    private static LedgerEntry Pending(ScriptedSut sut, string cloid)
    {
        var entry = new LedgerEntry
        {
            Cloid = cloid, TraderId = ScriptedSut.Trader, Symbol = "ETH", Side = PositionSide.Long, RequestedSize = 0.4m, StopLoss = 2_400m,
            OrderCloids = [cloid], Status = LedgerStatus.Pending, CreatedAt = sut.Clock.GetUtcNow(), UpdatedAt = sut.Clock.GetUtcNow(),
        };
        sut.Ledger.Save(entry);
        return entry;
    }

    private static Task<ReconcileReport> Reconcile(ScriptedSut sut, IReadOnlyDictionary<string, decimal>? atr = null) =>
        sut.Drive(sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1, atr), CancellationToken.None));
}
