using System.Globalization;
using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using static Halyard.Tests.PaperExchange.Conformance.ConformanceVenue;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>The trading life cycle through the real client: open, fill, protect, trigger, close, cancel.</summary>
public sealed class ConformanceTests
{
    private const int Btc = 0;

    [Fact]
    public async Task Open_IocBuy_FilledAndPositionShown()
    {
        using var venue = new ConformanceVenue();
        var cloid = Cloid.FromInt(1);
        var status = Assert.IsType<OrderFilled>((await venue.PlaceAsync(Limit(Btc, true, "110000", "0.01", TimeInForce.Ioc, cloid: cloid)))[0]);
        Assert.Equal(0.01m, status.TotalSize);
        Assert.Equal(cloid, status.Cloid);
        Assert.True(status.Oid > uint.MaxValue);
        Assert.Equal(0.01m, await venue.PositionAsync("BTC"));
    }

    [Fact]
    public async Task Rest_ThenCancel_ThenCancelAgainIsClassified()
    {
        using var venue = new ConformanceVenue();
        var resting = Assert.IsType<OrderResting>((await venue.PlaceAsync(Limit(Btc, true, "100000", "0.001", TimeInForce.Gtc)))[0]);
        var cancel = new CancelAction([new CancelRequest(Btc, resting.Oid)]);
        var first = await venue.Client.CancelAsync(cancel, CancellationToken.None);
        Assert.True(first.Value![0].Success);
        var second = await venue.Client.CancelAsync(cancel, CancellationToken.None);
        Assert.False(second.Value![0].Success);
        Assert.Equal(ErrorClass.InvalidParam, second.Value[0].Class);
        Assert.StartsWith("Order was never placed, already canceled, or filled.", second.Value[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protect_NormalTpsl_ChildrenWaitingForTrigger()
    {
        using var venue = new ConformanceVenue();
        var result = await venue.Client.PlaceOrdersAsync(Grouped(
            OrderGrouping.NormalTpsl,
            Limit(Btc, true, "110000", "0.01", TimeInForce.Ioc),
            Trigger(Btc, false, "110000", "0.01", "115000", TpSl.TakeProfit),
            Trigger(Btc, false, "90000", "0.01", "100000", TpSl.StopLoss)), CancellationToken.None);
        Assert.IsType<OrderFilled>(result.Value![0]);
        Assert.IsType<OrderWaitingForTrigger>(result.Value[1]);
        Assert.IsType<OrderWaitingForTrigger>(result.Value[2]);
    }

    [Fact]
    public async Task Trigger_StopOnACandleWick_ClosesThePosition()
    {
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var (index, trigger) = WickCandle(candles);
        using var venue = new ConformanceVenue(start: DateTimeOffset.FromUnixTimeMilliseconds(candles.OpenTime(index - 1)));
        var mark = await venue.MidAsync("BTC");
        await venue.PlaceAsync(Limit(Btc, true, Whole(mark * 1.02m), "0.01", TimeInForce.Ioc));
        var stop = await venue.Client.PlaceOrdersAsync(Grouped(OrderGrouping.PositionTpsl, Trigger(Btc, false, Whole(trigger * 0.9m), "0.01", Whole(trigger), TpSl.StopLoss)), CancellationToken.None);
        Assert.IsType<OrderWaitingForTrigger>(stop.Value![0]);

        venue.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0m, await venue.PositionAsync("BTC"));
        var fill = (await venue.FillsAsync())[0];
        Assert.Equal("Close Long", fill.Direction);
        Assert.InRange(fill.Time.ToUnixTimeMilliseconds(), candles.OpenTime(index), candles.OpenTime(index + 1) - 1);
    }

    [Fact]
    public async Task Close_ReduceOnlyIoc_FlatAgain()
    {
        using var venue = new ConformanceVenue();
        await venue.PlaceAsync(Limit(Btc, true, "110000", "0.01", TimeInForce.Ioc));
        venue.Clock.Advance(TimeSpan.FromMinutes(30));
        var close = Assert.IsType<OrderFilled>((await venue.PlaceAsync(Limit(Btc, false, "100000", "0.01", TimeInForce.Ioc, reduceOnly: true)))[0]);
        Assert.Equal(0.01m, close.TotalSize);
        Assert.Equal(0m, await venue.PositionAsync("BTC"));
    }

    [Fact]
    public async Task Modify_LeverageAndScheduleCancel_AckedOrClassified()
    {
        using var venue = new ConformanceVenue(new PaperExchangeOptions { ScheduleCancelMinVolumeUsd = 0 });
        var resting = Assert.IsType<OrderResting>((await venue.PlaceAsync(Limit(Btc, true, "100000", "0.001", TimeInForce.Gtc, cloid: Cloid.FromInt(9))))[0]);
        var modify = await venue.Client.ModifyAsync(new ModifyAction(new ModifyRequest(OrderRef.ByOid(resting.Oid), Limit(Btc, true, "100100", "0.001", TimeInForce.Gtc, cloid: Cloid.FromInt(9)))), CancellationToken.None);
        Assert.True(modify.IsSuccess, modify.ToString());
        Assert.True((await venue.Client.UpdateLeverageAsync(new UpdateLeverageAction(Btc, true, 10), CancellationToken.None)).IsSuccess);
        var tooHigh = await venue.Client.UpdateLeverageAsync(new UpdateLeverageAction(Btc, true, 41), CancellationToken.None);
        Assert.Equal("Invalid leverage value", tooHigh.Error!.Message);
        var schedule = await venue.Client.ScheduleCancelAsync(new ScheduleCancelAction(venue.Clock.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds()), CancellationToken.None);
        Assert.True(schedule.IsSuccess, schedule.ToString());
        venue.Clock.Advance(TimeSpan.FromMinutes(2));
        var status = await venue.StatusAsync(Cloid.FromInt(9));
        Assert.Equal("scheduledCancel", status.Report!.Status);
        Assert.True(status.Report.IsCanceled);
    }

    [Fact]
    public async Task Agent_ApprovedWithASignedApproveAgent_TradesForTheAccount()
    {
        using var venue = new ConformanceVenue();
        var agentKey = PrivateKey.FromHex(AgentKeyHex);
        var agentClient = venue.ClientFor(SigningIdentity.ForAgent(agentKey, venue.AccountKey.Address));
        var before = await agentClient.PlaceOrdersAsync(Orders(Limit(Btc, true, "100000", "0.001", TimeInForce.Gtc)), CancellationToken.None);
        Assert.Equal($"User or API Wallet {agentKey.Address.Value} does not exist.", before.Error!.Message);

        var approve = await venue.Client.ApproveAgentAsync(agentKey.Address, "paper-bot", CancellationToken.None);
        Assert.True(approve.IsSuccess, approve.ToString());
        var after = await agentClient.PlaceOrdersAsync(Orders(Limit(Btc, true, "100000", "0.001", TimeInForce.Gtc)), CancellationToken.None);
        Assert.IsType<OrderResting>(after.Value![0]);
    }

    [Fact]
    public async Task UnknownSigner_TheRecoveredAddressIsNamed()
    {
        using var venue = new ConformanceVenue();
        var stranger = PrivateKey.FromHex(StrangerKeyHex);
        var result = await venue.ClientFor(SigningIdentity.ForAccount(stranger)).NoopAsync(CancellationToken.None);
        Assert.Equal(ErrorClass.InvalidParam, result.Error!.Class);
        Assert.Equal($"User or API Wallet {stranger.Address.Value} does not exist.", result.Error.Message);
    }

    private static string Whole(decimal price) => decimal.Floor(price).ToString(CultureInfo.InvariantCulture);

    private static (int Index, decimal Trigger) WickCandle(CandleSeries candles)
    {
        for (var i = candles.IndexContaining(Start.AddDays(-40).ToUnixTimeMilliseconds()); i < candles.Count; i++)
        {
            var body = Math.Min(candles.Open(i), candles.Close(i));
            var trigger = decimal.Floor((body + candles.Low(i)) / 2m);
            if (body - candles.Low(i) >= body * 0.003m && candles.Low(i - 1) > trigger * 1.002m)
            {
                return (i, trigger);
            }
        }

        throw new InvalidOperationException("No wick found.");
    }
}
