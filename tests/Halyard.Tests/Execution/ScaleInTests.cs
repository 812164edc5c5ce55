using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>Scaling in through the real clients against the paper exchange, in-process.</summary>
public class ScaleInTests
{
    [Fact]
    public async Task OpenAsync_ScaleIn_ProtectsTheCombinedSizeWithTheNewPricesAndCancelsTheOldTriggers()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        var first = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);
        var before = (await sut.OpenOrdersAsync()).Where(o => o.IsTrigger).Select(o => o.Oid).ToHashSet();
        var (stop, target) = (mid * 0.985m, mid * 1.05m);

        var add = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 500m, stop, target, 2) with { ScaleIn = true }, CancellationToken.None);

        Assert.Equal(IntentResult.Filled, add.Result);
        Assert.Equal(ProtectionStatus.Protected, add.Protection.Status);
        var position = (await sut.StateAsync()).PositionOf("ETH")!;
        Assert.Equal(first.FilledSize + add.FilledSize, position.Size);
        var triggers = (await sut.OpenOrdersAsync()).Where(o => o.Coin == "ETH" && o.IsTrigger).ToArray();
        Assert.Equal(["Stop Market", "Take Profit Market"], triggers.Select(t => t.OrderType).Order());
        Assert.All(triggers, t => Assert.Equal(position.AbsSize, t.Size));
        Assert.All(triggers, t => Assert.DoesNotContain(t.Oid, before));
        var stopOrder = triggers.Single(t => t.OrderType == "Stop Market");
        Assert.True(stopOrder.TriggerPrice > mid * 0.98m, $"the stop {stopOrder.TriggerPrice} is not the add's");

        var active = Assert.Single(sut.Ledger.Active(PaperSut.Trader), e => e.Symbol == "ETH" && e.MayHoldPosition);
        Assert.Equal((first.EntryCloid, position.AbsSize, LedgerStatus.Protected), (active.Cloid, active.FilledSize, active.Status));
        Assert.Equal(LedgerStatus.Closed, sut.Ledger.Find(add.EntryCloid!)!.Status);
    }

    [Fact]
    public async Task OpenAsync_ScaleIn_NewStopIsPlacedBeforeTheOldIsCancelled()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        var add = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 500m, mid * 0.985m, mid * 1.05m, 2) with { ScaleIn = true }, CancellationToken.None);

        var order = add.Actions.Select(a => a.Action).ToList();
        Assert.True(order.IndexOf(OrderEventAction.Entry) < order.IndexOf(OrderEventAction.StopLoss) && order.IndexOf(OrderEventAction.StopLoss) < order.IndexOf(OrderEventAction.CancelStaleProtection), string.Join(", ", order));
    }

    [Fact]
    public async Task Reconcile_AfterAScaleIn_FindsThePositionCoveredAndPlacesNothing()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 500m, mid * 0.985m, mid * 1.05m, 2) with { ScaleIn = true }, CancellationToken.None);

        var report = await sut.Orchestrator.ReconcileAsync(new Halyard.Execution.Reconciliation.ReconcileRequest(3), CancellationToken.None);

        Assert.Equal(0, report.PositionsProtected);
        Assert.Empty(report.External);
        Assert.Equal(2, (await sut.OpenOrdersAsync()).Count(o => o.IsTrigger));
    }
}
