using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>Triggers are evaluated on the mark along the intra-candle path, so a wick fires them even when the candle closes back.</summary>
public sealed class TriggerTests
{
    [Fact]
    public async Task StopLoss_CandleWickThroughTrigger_FiresInsideThatCandle()
    {
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var (index, trigger) = FindWick(candles);
        using var h = new PaperHarness(start: DateTimeOffset.FromUnixTimeMilliseconds(candles.OpenTime(index - 1)));
        await h.OrderAsync(Btc, true, Str(decimal.Floor(await h.MidAsync("BTC") * 1.05m)), "0.01", "Ioc");
        var sl = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, Str(decimal.Floor(trigger * 0.9m)), "0.01", Str(trigger), "sl")]));
        Assert.True(Statuses(sl)[0].TryGetProperty("resting", out _));

        h.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal("Close Long", fill.GetProperty("dir").GetString());
        Assert.InRange(fill.GetProperty("time").GetInt64(), candles.OpenTime(index), candles.OpenTime(index) + candles.IntervalMs - 1);
        Assert.InRange(Dec(fill.GetProperty("px")), trigger * 0.999m, trigger);
        Assert.True(candles.Close(index) > trigger && candles.Open(index) > trigger, "only the wick crosses");
    }

    [Fact]
    public async Task TakeProfit_MarkRisesThroughTrigger_ClosesAtAboutTheTrigger()
    {
        using var h = new PaperHarness();
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var start = candles.IndexContaining(h.NowMs);
        var mark = await h.MidAsync("BTC");
        var high = Enumerable.Range(start, 288).Max(candles.High);
        var tp = PriceMath.FloorToValid((mark + high) / 2m, 5);
        await h.OrderAsync(Btc, true, Str(decimal.Floor(await h.MidAsync("BTC") * 1.05m)), "0.01", "Ioc");
        await h.ExchangeAsync(OrderJson([Trigger(Btc, false, Str(decimal.Floor(tp * 0.9m)), "0.01", Str(tp), "tp")]));

        h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.InRange(Dec(fill.GetProperty("px")), tp * 0.999m, tp * 1.001m);
        Assert.True(Dec(fill.GetProperty("closedPnl")) > 0);
    }

    [Fact]
    public async Task StopLimit_Fires_TakesTheBookDownToItsLimitThenTheRemainderFillsAtTheLimit()
    {
        using var h = new PaperHarness(aliceUsdc: 10_000_000m);
        const string cloid = "0x000000000000000000000000000005c1";
        var mark = await h.MidAsync("BTC");
        await h.OrderAsync(Btc, true, Str(decimal.Floor(mark * 1.05m)), "20", "Ioc");
        var held = await h.PositionAsync("BTC");
        var bids = (await h.BookAsync("BTC")).GetProperty("levels")[0];
        var limit = Dec(bids[2].GetProperty("px"));
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, Str(limit), Str(held), Str(decimal.Floor(mark * 1.01m)), "sl", isMarket: false, cloid: cloid)]));
        Assert.True(Statuses(answer)[0].TryGetProperty("resting", out _));

        // The stop was already above the mark: it fired at once, swept three levels, and its remainder, resting at the
        // limit below the mark, filled from the tape over the next steps as a maker at the limit.
        h.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var sells = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().Where(f => f.GetProperty("side").GetString() == "A").ToArray();
        var taken = sells.Where(f => f.GetProperty("crossed").GetBoolean()).ToArray();
        Assert.Equal(Enumerable.Range(0, 3).Sum(k => Dec(bids[k].GetProperty("sz"))), taken.Sum(f => Dec(f.GetProperty("sz"))));
        Assert.All(taken, f => Assert.True(Dec(f.GetProperty("px")) >= limit));
        var makers = sells.Where(f => !f.GetProperty("crossed").GetBoolean()).ToArray();
        Assert.NotEmpty(makers);
        Assert.All(makers, maker => Assert.Equal(limit, Dec(maker.GetProperty("px"))));
        var status = (await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"" + cloid + "\"}")).GetProperty("order");
        Assert.Equal("filled", status.GetProperty("status").GetString());
        Assert.Equal("Stop Limit", status.GetProperty("order").GetProperty("orderType").GetString());
    }

    [Fact]
    public async Task NormalTpsl_RestingParent_ChildrenWaitThenFollowTheParentsFill()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        var entry = decimal.Floor(mark * 0.999m);
        var answer = await h.ExchangeAsync(OrderJson(
        [
            Limit(Btc, true, Str(entry), "0.01"),
            Trigger(Btc, false, Str(decimal.Floor(entry * 1.05m)), "0.01", Str(decimal.Floor(entry * 1.05m)), "tp"),
            Trigger(Btc, false, Str(decimal.Floor(entry * 0.95m * 0.9m)), "0.01", Str(decimal.Floor(entry * 0.95m)), "sl"),
        ], "normalTpsl"));
        var statuses = Statuses(answer);
        Assert.True(statuses[0].TryGetProperty("resting", out _));
        Assert.Equal("waitingForFill", statuses[1].GetString());
        Assert.Equal("waitingForFill", statuses[2].GetString());
        var frontend = await h.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + Alice + "\"}");
        Assert.Equal(1, frontend.GetArrayLength());
        Assert.Equal(2, frontend[0].GetProperty("children").GetArrayLength());

        h.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0.01m, await h.PositionAsync("BTC"));
        var triggers = (await h.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + Alice + "\"}")).EnumerateArray().ToArray();
        Assert.Equal(2, triggers.Length);
        Assert.All(triggers, t => Assert.True(t.GetProperty("isTrigger").GetBoolean()));
        Assert.All(triggers, t => Assert.Equal(0.01m, Dec(t.GetProperty("sz"))));
        Assert.Contains(triggers, t => t.GetProperty("orderType").GetString() == "Take Profit Market" && t.GetProperty("triggerCondition").GetString()!.StartsWith("Price above ", StringComparison.Ordinal));
        Assert.Contains(triggers, t => t.GetProperty("orderType").GetString() == "Stop Market" && t.GetProperty("triggerCondition").GetString()!.StartsWith("Price below ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NormalTpsl_ImmediatelyFilledParent_ChildrenWaitingForTriggerWithTheirOwnSize()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson(
        [
            Limit(Btc, true, "110000", "0.01", "Ioc"),
            Trigger(Btc, false, "120000", "0.02", "120000", "tp"),
            Trigger(Btc, false, "90000", "0.02", "100000", "sl"),
        ], "normalTpsl"));
        var statuses = Statuses(answer);
        Assert.Equal("0.01", statuses[0].GetProperty("filled").GetProperty("totalSz").GetString());
        Assert.Equal("waitingForTrigger", statuses[1].GetString());
        Assert.Equal("waitingForTrigger", statuses[2].GetString());
        var triggers = await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}");
        Assert.All(triggers.EnumerateArray(), t => Assert.Equal("0.02", t.GetProperty("sz").GetString()));
    }

    [Fact]
    public async Task NormalTpsl_OneChildFills_SiblingCanceled()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var start = candles.IndexContaining(h.NowMs);
        var low = Enumerable.Range(start, 288).Min(candles.Low);
        var stop = PriceMath.CeilingToValid((mark + low) / 2m, 5);
        var answer = await h.ExchangeAsync(OrderJson(
        [
            Limit(Btc, true, "110000", "0.01", "Ioc"),
            Trigger(Btc, false, "150000", "0.01", "150000", "tp", cloid: "0x000000000000000000000000000000a1"),
            Trigger(Btc, false, Str(decimal.Floor(stop * 0.9m)), "0.01", Str(stop), "sl", cloid: "0x000000000000000000000000000000a2"),
        ], "normalTpsl"));
        Assert.Equal("waitingForTrigger", Statuses(answer)[2].GetString());

        h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var tp = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"0x000000000000000000000000000000a1\"}");
        var sl = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"0x000000000000000000000000000000a2\"}");
        Assert.Equal("siblingFilledCanceled", tp.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("filled", sl.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PositionTpsl_SizeFollowsThePosition()
    {
        using var h = new PaperHarness();
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var start = candles.IndexContaining(h.NowMs);
        var mark = await h.MidAsync("BTC");
        var low = Enumerable.Range(start, 288).Min(candles.Low);
        var stop = PriceMath.CeilingToValid((mark + low) / 2m, 5);
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, Str(decimal.Floor(stop * 0.9m)), "0", Str(stop), "sl")], "positionTpsl"));
        Assert.Equal("waitingForTrigger", Statuses(answer)[0].GetString());
        var order = (await h.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.True(order.GetProperty("isPositionTpsl").GetBoolean());
        await h.OrderAsync(Btc, true, "110000", "0.002", "Ioc");

        h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var fills = await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}");
        Assert.Equal(0.003m, fills.EnumerateArray().Where(f => f.GetProperty("dir").GetString() == "Close Long").Sum(f => Dec(f.GetProperty("sz"))));
    }

    [Fact]
    public async Task PositionTpsl_ExplicitSize_KeepsThatSize()
    {
        using var h = new PaperHarness();
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var start = candles.IndexContaining(h.NowMs);
        var mark = await h.MidAsync("BTC");
        var low = Enumerable.Range(start, 288).Min(candles.Low);
        var stop = PriceMath.CeilingToValid((mark + low) / 2m, 5);
        await h.OrderAsync(Btc, true, "110000", "0.003", "Ioc");
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, Str(decimal.Floor(stop * 0.9m)), "0.001", Str(stop), "sl")], "positionTpsl"));
        Assert.Equal("waitingForTrigger", Statuses(answer)[0].GetString());

        h.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0.002m, await h.PositionAsync("BTC"));
    }

    [Fact]
    public async Task StopLimit_LimitAboveTheTriggerOfASellStop_InvalidTpslPrice()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, "101000", "0.001", "100000", "sl", isMarket: false)]));
        Assert.Equal("Invalid TP/SL price. asset=0", Statuses(answer)[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task MarketStop_FillsAgainstTheBookBelowItsOwnLimit_WithinTenPercentOfTheMark()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var mark = await h.MidAsync("BTC");
        var trigger = Str(decimal.Floor(mark * 1.01m));

        // A sell stop above the mark fires at once; its limit p (= the trigger) is above every bid, and still it fills.
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, trigger, "0.001", trigger, "sl")]));

        Assert.True(Statuses(answer)[0].TryGetProperty("resting", out _));
        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var close = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().Single(f => f.GetProperty("dir").GetString() == "Close Long");
        Assert.InRange(Dec(close.GetProperty("px")), mark * 0.9m, mark);
    }

    [Fact]
    public async Task NormalTpsl_RestingParentCanceled_ChildrenCanceled()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson(
        [
            Limit(Btc, true, "90000", "0.01", cloid: "0x000000000000000000000000000000b0"),
            Trigger(Btc, false, "95000", "0.01", "95000", "tp", cloid: "0x000000000000000000000000000000b1"),
        ], "normalTpsl"));
        Assert.Equal("waitingForFill", Statuses(answer)[1].GetString());

        await h.ExchangeAsync("{\"type\":\"cancelByCloid\",\"cancels\":[{\"asset\":0,\"cloid\":\"0x000000000000000000000000000000b0\"}]}");

        var child = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"0x000000000000000000000000000000b1\"}");
        Assert.Equal("canceled", child.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task PositionTpsl_PositionClosedByHand_TriggerCanceled()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        await h.ExchangeAsync(OrderJson([Trigger(Btc, false, "90000", "0", "100000", "sl")], "positionTpsl"));
        await h.OrderAsync(Btc, false, "100000", "0.001", "Ioc", reduceOnly: true);
        Assert.Equal(0, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
    }

    [Fact]
    public async Task StandaloneStop_PlacedThroughTheMarket_FiresAtOnceAtTheMark()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        await h.ExchangeAsync(OrderJson([Trigger(Btc, false, "90000", "0.001", "110000", "sl")]));
        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.InRange(Dec(fill.GetProperty("px")), mark * 0.999m, mark);
    }

    /// <summary>The first 5m candle (after 2025-04) whose low pierces min(open, close) by ≥ 0.3% while the previous candle stays above.</summary>
    private static (int Index, decimal Trigger) FindWick(CandleSeries candles)
    {
        for (var i = candles.IndexContaining(T0.AddDays(-60).ToUnixTimeMilliseconds()); i < candles.Count; i++)
        {
            var body = Math.Min(candles.Open(i), candles.Close(i));
            if (body - candles.Low(i) < body * 0.003m)
            {
                continue;
            }

            var trigger = decimal.Floor((body + candles.Low(i)) / 2m);
            if (candles.Low(i - 1) > trigger * 1.002m && candles.Open(i - 1) < trigger * 1.05m)
            {
                return (i, trigger);
            }
        }

        throw new InvalidOperationException("No wick found.");
    }
}
