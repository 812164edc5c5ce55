using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>Partial closes (scaling out) through the real clients against the paper exchange, in-process.</summary>
public class ScaleOutTests
{
    [Fact]
    public async Task CloseAsync_HalfOfAProtectedLong_ReducesAndResizesStopAndTargetToTheRemainder()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        var (stop, target) = (mid * 0.98m, mid * 1.04m);
        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, stop, target, 1), CancellationToken.None);
        Assert.Equal(ProtectionStatus.Protected, open.Protection.Status);
        var before = (await sut.OpenOrdersAsync()).Where(o => o.IsTrigger).Select(o => o.Oid).ToHashSet();

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Long, 2) with { Fraction = 0.5m }, CancellationToken.None);

        Assert.Equal(IntentResult.Reduced, reduce.Result);
        var position = (await sut.StateAsync()).PositionOf("ETH")!;
        Assert.Equal(open.FilledSize - reduce.FilledSize, position.Size);
        Assert.Equal(decimal.Round(open.FilledSize / 2m, 4, MidpointRounding.ToZero), reduce.FilledSize);
        var triggers = (await sut.OpenOrdersAsync()).Where(o => o.Coin == "ETH" && o.IsTrigger).ToArray();
        Assert.Equal(["Stop Market", "Take Profit Market"], triggers.Select(t => t.OrderType).Order());
        Assert.All(triggers, t => Assert.Equal(position.AbsSize, t.Size));
        Assert.All(triggers, t => Assert.DoesNotContain(t.Oid, before));
        Assert.Equal(ProtectionStatus.Protected, reduce.Protection.Status);
        Assert.NotNull(reduce.RealizedPnl);
        var entry = sut.Ledger.Active(PaperSut.Trader).Single(e => e.Symbol == "ETH");
        Assert.Equal((LedgerStatus.Protected, position.AbsSize, 2), (entry.Status, entry.FilledSize, entry.ProtectionGeneration));
    }

    [Fact]
    public async Task CloseAsync_PartialClose_PlacesTheNewStopBeforeCancellingTheOld()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Long, 2) with { Fraction = 0.4m }, CancellationToken.None);

        var order = reduce.Actions.Select(a => a.Action).ToList();
        var newStop = order.IndexOf(OrderEventAction.StopLoss);
        var cancelOld = order.IndexOf(OrderEventAction.CancelStaleProtection);
        Assert.True(order.IndexOf(OrderEventAction.Reduce) < newStop && newStop >= 0 && newStop < cancelOld, string.Join(", ", order));
    }

    [Fact]
    public async Task CloseAsync_RemainderUnderTenDollars_ClosesTheWholePosition()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 100m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Long, 2) with { Fraction = 0.95m }, CancellationToken.None);

        Assert.Equal(IntentResult.Closed, reduce.Result);
        Assert.Null((await sut.StateAsync()).PositionOf("ETH"));
        Assert.Empty(await sut.OpenOrdersAsync());
        Assert.Contains("closed in full", reduce.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_PartUnderTenDollars_IsRefusedAndThePositionKeepsItsProtection()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 100m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Long, 2) with { Fraction = 0.05m }, CancellationToken.None);

        Assert.Equal(IntentResult.Rejected, reduce.Result);
        Assert.Equal(open.FilledSize, (await sut.StateAsync()).PositionOf("ETH")!.Size);
        Assert.Equal(2, (await sut.OpenOrdersAsync()).Count(o => o.IsTrigger && o.Size == open.FilledSize));
    }

    [Fact]
    public async Task CloseAsync_PartialCloseOfAShort_ReducesTheShort()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Short, 1_000m, mid * 1.02m, mid * 0.96m, 1), CancellationToken.None);

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Short, 2) with { Fraction = 0.25m }, CancellationToken.None);

        Assert.Equal(IntentResult.Reduced, reduce.Result);
        var position = (await sut.StateAsync()).PositionOf("ETH")!;
        Assert.Equal(-(open.FilledSize - reduce.FilledSize), position.Size);
        Assert.All((await sut.OpenOrdersAsync()).Where(o => o.IsTrigger), t => Assert.Equal((position.AbsSize, OrderSide.Buy), (t.Size, t.Side)));
    }

    [Fact]
    public async Task CloseAsync_PartialCloseOfTheOtherSide_IsRefusedAndNothingIsSent()
    {
        using var sut = new PaperSut();
        var mid = (await sut.MidsAsync())["ETH"];
        var open = await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);

        var reduce = await sut.Orchestrator.CloseAsync(PaperSut.Close("ETH", PositionSide.Short, 2) with { Fraction = 0.5m }, CancellationToken.None);

        Assert.Equal(IntentResult.Rejected, reduce.Result);
        Assert.Equal(open.FilledSize, (await sut.StateAsync()).PositionOf("ETH")!.Size);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void CloseIntent_FractionOutsideTheOpenInterval_IsABug(double fraction)
    {
        using var sut = new PaperSut();
        var intent = PaperSut.Close("ETH", PositionSide.Long, 2) with { Fraction = (decimal)fraction };
        Assert.ThrowsAny<ArgumentException>(() => { _ = sut.Orchestrator.CloseAsync(intent, CancellationToken.None); });
    }
}
