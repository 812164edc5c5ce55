using System.Globalization;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Info;
using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Conformance.ConformanceVenue;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>
/// TP/SL groupings through the real client, with a parent that fills partly (the finite book): <c>normalTpsl</c>
/// children go live only when the parent has fully filled, a cancelled partly filled parent takes them with it, their
/// size is fixed; a <c>positionTpsl</c> with an explicit size keeps that size.
/// </summary>
public sealed class ConformanceTpslTests
{
    private const int Btc = 0;
    private static readonly Cloid Parent = Cloid.FromInt(0x71);
    private static readonly Cloid TakeProfit = Cloid.FromInt(0x72);
    private static readonly Cloid StopLoss = Cloid.FromInt(0x73);

    /// <summary>The legs' own size, smaller than the parent's: it stays what was sent.</summary>
    private const decimal LegSize = 1m;

    [Fact]
    public async Task NormalTpsl_PartlyFilledParent_ChildrenWait_ThenGoLiveOnTheFullFill_WithTheirFixedSize()
    {
        using var venue = new ConformanceVenue(usdc: 50_000_000m);
        await venue.PlaceAsync(Limit(Btc, true, Whole(await venue.MidAsync("BTC") * 1.01m), "0.5", TimeInForce.Ioc));
        var (parentSize, statuses) = await PlaceSweepingParentAsync(venue);

        // The parent swept the whole book and rests its remainder: the legs wait for its fill.
        Assert.IsType<OrderResting>(statuses[0]);
        Assert.IsType<OrderWaitingForFill>(statuses[1]);
        Assert.IsType<OrderWaitingForFill>(statuses[2]);
        var partly = await venue.PositionAsync("BTC") - 0.5m;
        Assert.InRange(partly, 1m, parentSize - 0.5m);

        // The stop lies above the mark: a live stop would have fired at once. It waits while the parent is partly filled.
        venue.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(OrderStatusReport.Open, (await venue.StatusAsync(StopLoss)).Report!.Status);
        Assert.True(await venue.PositionAsync("BTC") >= partly + 0.5m);

        // The rest of the parent fills from the tape; then the legs are live, the stop fires and sells its own size.
        venue.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(OrderStatusReport.Filled, (await venue.StatusAsync(Parent)).Report!.Status);
        Assert.Equal(OrderStatusReport.Filled, (await venue.StatusAsync(StopLoss)).Report!.Status);
        Assert.Equal("siblingFilledCanceled", (await venue.StatusAsync(TakeProfit)).Report!.Status);
        var stopFills = (await venue.FillsAsync()).Where(f => f.Side == OrderSide.Sell).ToArray();
        Assert.Equal(LegSize, stopFills.Sum(f => f.Size)); // fixed: neither the parent's size nor the position
        Assert.Equal(0.5m + parentSize - LegSize, await venue.PositionAsync("BTC"));
    }

    [Fact]
    public async Task NormalTpsl_CancellingAPartlyFilledParent_CancelsItsWaitingLegs()
    {
        using var venue = new ConformanceVenue(usdc: 50_000_000m);
        var (parentSize, _) = await PlaceSweepingParentAsync(venue);
        var partly = await venue.PositionAsync("BTC");
        Assert.InRange(partly, 1m, parentSize - 0.00001m);

        var cancel = await venue.Client.CancelByCloidAsync(new CancelByCloidAction([new CancelByCloidRequest(Btc, Parent)]), CancellationToken.None);
        Assert.True(cancel.Value![0].Success, cancel.ToString());

        Assert.Equal(OrderStatusReport.Canceled, (await venue.StatusAsync(Parent)).Report!.Status);
        Assert.Equal(OrderStatusReport.Canceled, (await venue.StatusAsync(StopLoss)).Report!.Status);
        Assert.Equal(OrderStatusReport.Canceled, (await venue.StatusAsync(TakeProfit)).Report!.Status);
        venue.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(partly, await venue.PositionAsync("BTC")); // the filled part stays, unprotected
    }

    [Fact]
    public async Task NormalTpsl_PartlyFilledParentCancelledForMargin_LegsGoLiveWithTheirFixedSize()
    {
        // A hand-written market: flat at 100,000 for 75 s, then a slide to 97,000; 1 BTC traded per 5 minutes (0.01 per 3 s step).
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var market = new SyntheticMarket("5m", start, (100_000m, 100_000m, 97_000m, 97_000m, 1m), (97_000m, 97_000m, 97_000m, 97_000m, 1m), (97_000m, 97_000m, 97_000m, 97_000m, 1m));
        var options = new PaperExchangeOptions { Book = new BookOptions(LevelNotionalUsd: 20_000m) };
        using var venue = new ConformanceVenue(options, usdc: 3_000m, start: start, data: market.Data);
        Assert.True((await venue.Client.UpdateLeverageAsync(new UpdateLeverageAction(Btc, true, 40), CancellationToken.None)).IsSuccess);

        // 1 BTC at 40× needs $2,500 of the $3,000: it takes two levels, rests 0.6 and fills from the tape while the price slides.
        var result = await venue.Client.PlaceOrdersAsync(Grouped(
            OrderGrouping.NormalTpsl,
            Limit(Btc, true, "100020", "1", TimeInForce.Gtc, cloid: Parent),
            Trigger(Btc, false, "105000", "0.3", "105000", TpSl.TakeProfit, TakeProfit),
            Trigger(Btc, false, "90000", "0.3", "98000", TpSl.StopLoss, StopLoss)), CancellationToken.None);
        Assert.IsType<OrderResting>(result.Value![0]);
        Assert.IsType<OrderWaitingForFill>(result.Value[2]);

        venue.Clock.Advance(TimeSpan.FromMinutes(5));

        // The loss ate the margin the remainder needed: the parent was cancelled for margin after partial fills, its
        // legs went live, the stop fired at 98,000 and sold its own 0.3.
        var parent = (await venue.StatusAsync(Parent)).Report!;
        Assert.Equal("marginCanceled", parent.Status);
        var bought = (await venue.FillsAsync()).Where(f => f.Side == OrderSide.Buy).Sum(f => f.Size);
        Assert.InRange(bought, 0.41m, 0.99m);
        Assert.Equal(OrderStatusReport.Filled, (await venue.StatusAsync(StopLoss)).Report!.Status);
        Assert.Equal("siblingFilledCanceled", (await venue.StatusAsync(TakeProfit)).Report!.Status);
        Assert.Equal(0.3m, (await venue.FillsAsync()).Where(f => f.Side == OrderSide.Sell).Sum(f => f.Size));
        Assert.Equal(bought - 0.3m, await venue.PositionAsync("BTC"));
    }

    [Fact]
    public async Task PositionTpsl_WithAnExplicitSize_ClosesThatSizeEvenAfterThePositionGrew()
    {
        using var venue = new ConformanceVenue();
        var mark = await venue.MidAsync("BTC");
        await venue.PlaceAsync(Limit(Btc, true, Whole(mark * 1.01m), "0.03", TimeInForce.Ioc));
        var trigger = Whole(mark * 0.999m);
        var stop = await venue.Client.PlaceOrdersAsync(
            Grouped(OrderGrouping.PositionTpsl, Trigger(Btc, false, Whole(mark * 0.9m), "0.01", trigger, TpSl.StopLoss, StopLoss)), CancellationToken.None);
        Assert.IsType<OrderWaitingForTrigger>(stop.Value![0]);
        await venue.PlaceAsync(Limit(Btc, true, Whole(mark * 1.01m), "0.02", TimeInForce.Ioc));
        Assert.Equal(0.05m, await venue.PositionAsync("BTC"));

        for (var i = 0; i < 288 && (await venue.StatusAsync(StopLoss)).Report!.Status == OrderStatusReport.Open; i++)
        {
            venue.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(OrderStatusReport.Filled, (await venue.StatusAsync(StopLoss)).Report!.Status);
        Assert.Equal(0.04m, await venue.PositionAsync("BTC"));
    }

    /// <summary>A buy parent 1 % through the mark larger than the whole book, with a TP far above and a stop just above the mark (legs of 1 BTC).</summary>
    private static async Task<(decimal ParentSize, IReadOnlyList<OrderStatus> Statuses)> PlaceSweepingParentAsync(ConformanceVenue venue)
    {
        var mark = await venue.MidAsync("BTC");
        var book = Ok(await venue.Info.GetL2BookAsync("BTC", CancellationToken.None));
        var size = book.Asks.Sum(level => level.Size) + 3m;
        var limit = decimal.Floor(mark * 1.01m);
        var result = await venue.Client.PlaceOrdersAsync(Grouped(
            OrderGrouping.NormalTpsl,
            Limit(Btc, true, Whole(limit), Str(size), TimeInForce.Gtc, cloid: Parent),
            Trigger(Btc, false, Whole(limit * 1.05m), Str(LegSize), Whole(limit * 1.05m), TpSl.TakeProfit, TakeProfit),
            Trigger(Btc, false, Whole(mark * 0.9m), Str(LegSize), Whole(mark * 1.005m), TpSl.StopLoss, StopLoss)), CancellationToken.None);
        Assert.True(result.IsSuccess, result.ToString());
        return (size, result.Value!);
    }

    private static string Whole(decimal price) => decimal.Floor(price).ToString(CultureInfo.InvariantCulture);

    private static string Str(decimal value) => (value / 1.0000000000000000m).ToString(CultureInfo.InvariantCulture);
}
