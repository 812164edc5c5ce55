using Halyard.Cycle.Configuration;
using Halyard.Domain;
using Halyard.Domain.Precision;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid.Actions;
using Halyard.PaperExchange;
using Halyard.Tests.Execution.Support;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Execution;

/// <summary>The workflows against the paper exchange through the real ExchangeClient/InfoClient, in-process, no faults.</summary>
public class PaperWorkflowTests
{
    [Fact]
    public async Task OpenThenClose_OnThePaperExchange_IsProtectedThenFlatWithNoOrderLeft()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];

        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        Assert.Equal(IntentResult.Filled, open.Result);
        Assert.Equal(ProtectionStatus.Protected, open.Protection.Status);
        var position = (await sut.StateAsync()).PositionOf("ETH")!;
        Assert.Equal(open.FilledSize, position.Size);
        var triggers = (await sut.OpenOrdersAsync()).Where(o => o.Coin == "ETH").ToArray();
        Assert.Equal(["Stop Market", "Take Profit Market"], triggers.Select(t => t.OrderType).Order());
        Assert.All(triggers, t => Assert.Equal(position.AbsSize, t.Size));
        Assert.All(triggers, t => Assert.True(t.ReduceOnly));

        var close = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Long, 2), CancellationToken.None);

        Assert.Equal(IntentResult.Closed, close.Result);
        Assert.Null((await sut.StateAsync()).PositionOf("ETH"));
        Assert.Empty(await sut.OpenOrdersAsync());
        Assert.NotNull(close.RealizedPnl);
    }

    [Fact]
    public async Task OpenAsync_ThinBookWithoutFinishing_ProtectsExactlyThePartialFill()
    {
        using var sut = new PaperSut(ThinBook(), new OrchestratorOptions { FinishPartialFills = false });
        var mid = (await sut.MidsAsync())["SOL"];

        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("SOL", PositionSide.Short, 1_000m, mid * 1.02m, mid * 0.95m, 1), CancellationToken.None);

        Assert.Equal(IntentResult.PartiallyFilled, open.Result);
        var position = (await sut.StateAsync()).PositionOf("SOL")!;
        Assert.True(position.AbsSize < open.Actions.Single(a => a.Action == OrderEventAction.Entry).Qty * 2);
        Assert.Equal(open.FilledSize, position.AbsSize);
        var stop = (await sut.OpenOrdersAsync()).Single(o => o.OrderType == "Stop Market");
        Assert.Equal((position.AbsSize, OrderSide.Buy), (stop.Size, stop.Side));
    }

    [Fact]
    public async Task OpenAsync_ThinBookFinishing_FillsTheRemainderWithASecondIoc()
    {
        using var sut = new PaperSut(ThinBook());
        var mid = (await sut.MidsAsync())["SOL"];

        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("SOL", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.05m, 1), CancellationToken.None);

        Assert.Equal([OrderEventAction.Entry, OrderEventAction.EntryRest], open.Fills.Select(f => f.Role));
        var position = (await sut.StateAsync()).PositionOf("SOL")!;
        Assert.Equal(open.FilledSize, position.Size);
        Assert.Equal(position.Size, (await sut.OpenOrdersAsync()).Single(o => o.OrderType == "Stop Market").Size);
    }

    [Fact]
    public async Task OpenAsync_GtcOnAThinBook_RestsFillsWhileWaitingAndProtectsTheWhole()
    {
        using var sut = new PaperSut(ThinBook(), new OrchestratorOptions { Entry = EntryMode.Gtc, SlippageBps = 1m });
        var mid = (await sut.MidsAsync())["SOL"];

        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("SOL", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.05m, 1), CancellationToken.None);

        Assert.Equal(OrderEventResult.Resting, open.Actions.Single(a => a.Action == OrderEventAction.Entry).Result);
        Assert.Equal(IntentResult.Filled, open.Result);
        var position = (await sut.StateAsync()).PositionOf("SOL")!;
        Assert.Equal(open.FilledSize, position.Size);
        var orders = await sut.OpenOrdersAsync();
        Assert.DoesNotContain(orders, o => !o.IsTrigger);
        Assert.Equal(position.Size, orders.Single(o => o.OrderType == "Stop Market").Size);
    }

    [Fact]
    public async Task OpenAsync_FillPastTheStop_IsFlattenedWithNothingLeft()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["BTC"];

        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("BTC", PositionSide.Long, 2_000m, mid * 1.01m, mid * 1.05m, 1), CancellationToken.None);

        Assert.Equal(ProtectionStatus.Flattened, open.Protection.Status);
        Assert.Null((await sut.StateAsync()).PositionOf("BTC"));
        Assert.Empty(await sut.OpenOrdersAsync());
    }

    [Fact]
    public async Task Reconcile_StopFiredOnThePaperExchange_ReportsItAndCancelsTheTarget()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["BTC"];
        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("BTC", PositionSide.Long, 2_000m, mid * 0.999m, mid * 1.2m, 1), CancellationToken.None);
        Assert.Equal(ProtectionStatus.Protected, open.Protection.Status);

        ReconcileReport? report = null;
        for (var i = 0; i < 2_000 && report is not { Closed.Length: > 0 }; i++)
        {
            sut.Clock.Advance(TimeSpan.FromMinutes(1));
            report = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(i), CancellationToken.None);
        }

        var closed = Assert.Single(report!.Closed);
        Assert.Equal(("BTC", "stop_loss"), (closed.Symbol, closed.Reason));
        Assert.True(closed.RealizedPnl < 0m);
        Assert.Equal(1, report.OrphansCancelled);
        Assert.Empty(await sut.OpenOrdersAsync());
    }

    [Fact]
    public async Task Reconcile_StopCancelledBehindOurBack_IsPlacedAgain()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Short, 1_500m, mid * 1.03m, null, 1), CancellationToken.None);
        var stop = (await sut.OpenOrdersAsync()).Single();
        var asset = (await Rules(sut, "ETH")).AssetId;
        Assert.True((await sut.Exchange.CancelAsync(new CancelAction([new CancelRequest(asset, stop.Oid)]), CancellationToken.None)).IsSuccess);

        var report = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(2), CancellationToken.None);

        Assert.Equal(1, report.PositionsProtected);
        var again = (await sut.OpenOrdersAsync()).Single();
        Assert.Equal((stop.TriggerPrice, stop.Size, "Stop Market"), (again.TriggerPrice, again.Size, again.OrderType));
    }

    [Theory]
    [InlineData(ExternalPositionPolicy.Leave)]
    [InlineData(ExternalPositionPolicy.Adopt)]
    public async Task Reconcile_PositionOpenedByHand_IsSurfacedAndProtectedOnlyWhenAdopted(ExternalPositionPolicy policy)
    {
        using var sut = new PaperSut(options: new OrchestratorOptions { ExternalPositions = policy });
        var rules = await Rules(sut, "SOL");
        var mid = (await sut.MidsAsync())["SOL"];
        var price = rules.FormatPrice(mid * 1.01m, OrderSide.Buy, PricePurpose.Entry).Value!.Text;
        var size = rules.FormatSize(1_000m / mid).Value!.Text;
        Assert.True((await sut.Exchange.PlaceOrdersAsync(new OrderAction([new OrderWire(rules.AssetId, true, price, size, false, new LimitOrderType(TimeInForce.Ioc))]), CancellationToken.None)).IsSuccess);

        var report = await sut.Orchestrator.ReconcileAsync(new ReconcileRequest(1), CancellationToken.None);

        var external = Assert.Single(report.External);
        Assert.Equal(("SOL", policy == ExternalPositionPolicy.Adopt), (external.Symbol, external.Adopted));
        var orders = await sut.OpenOrdersAsync();
        if (policy == ExternalPositionPolicy.Adopt)
        {
            var stop = Assert.Single(orders);
            Assert.Equal(external.Size, stop.Size);
            Assert.InRange(stop.TriggerPrice!.Value, mid * 0.975m, mid * 0.985m);
        }
        else
        {
            Assert.Empty(orders);
        }
    }

    [Fact]
    public async Task Reconcile_AfterARestartWithTheJsonlLedger_KnowsItsOwnPositions()
    {
        using var dir = new TempDirectory();
        var path = dir.File("ledger.jsonl");
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        using (var ledger = JsonlIntentLedger.Open(path, fsync: false))
        {
            var before = new Orchestrator(new OrchestratorSetup(PaperSut.Trader, sut.Exchange, sut.Info, ledger, sut.OrchestratorClock, new OrchestratorOptions()));
            await before.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);
        }

        using var reopened = JsonlIntentLedger.Open(path, fsync: false);
        var after = new Orchestrator(new OrchestratorSetup(PaperSut.Trader, sut.Exchange, sut.Info, reopened, sut.OrchestratorClock, new OrchestratorOptions()));
        var report = await after.ReconcileAsync(new ReconcileRequest(2), CancellationToken.None);

        Assert.Empty(report.External);
        var check = Assert.Single(report.Positions);
        Assert.Equal((true, ProtectionStatus.Protected), (check.Managed, check.Protection.Status));
        Assert.Equal(0, report.PositionsProtected + report.OrphansCancelled);
    }

    private static PaperExchangeOptions ThinBook() => new() { Book = new BookOptions(Levels: 1, LevelNotionalUsd: 600m) };

    private static async Task<InstrumentRules> Rules(PaperSut sut, string coin) =>
        (await sut.ReadAsync(sut.Info.GetMetaAsync)).Single(r => r.Name == coin);
}
