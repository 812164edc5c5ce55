using System.Text.Json;
using Halyard.PaperExchange.Data;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class MatchingTests
{
    [Fact]
    public async Task Ioc_Buy_FillsAtBestAskWithTakerFee()
    {
        using var h = new PaperHarness();
        var ask = Dec((await h.BookAsync("BTC")).GetProperty("levels")[1][0].GetProperty("px"));
        var status = await h.OrderAsync(Btc, true, "110000", "0.01", "Ioc", cloid: "0x000000000000000000000000000000aa");
        var filled = status.GetProperty("filled");
        Assert.Equal("0.01", filled.GetProperty("totalSz").GetString());
        Assert.Equal(ask, Dec(filled.GetProperty("avgPx")));
        Assert.Equal("0x000000000000000000000000000000aa", filled.GetProperty("cloid").GetString());
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal("B", fill.GetProperty("side").GetString());
        Assert.Equal("Open Long", fill.GetProperty("dir").GetString());
        Assert.True(fill.GetProperty("crossed").GetBoolean());
        Assert.Equal(decimal.Round(ask * 0.01m * 0.00045m, 6), Dec(fill.GetProperty("fee")));
        Assert.Equal("0.0", fill.GetProperty("startPosition").GetString());
        Assert.Equal("USDC", fill.GetProperty("feeToken").GetString());
        Assert.True(fill.GetProperty("tid").GetInt64() > uint.MaxValue);
    }

    [Fact]
    public async Task Ioc_LargerThanBookDepth_PartialFillAcrossLevels()
    {
        using var h = new PaperHarness(aliceUsdc: 10_000_000m);
        var asks = (await h.BookAsync("BTC")).GetProperty("levels")[1].EnumerateArray().ToArray();
        var depth = asks.Sum(level => Dec(level.GetProperty("sz")));
        var status = await h.OrderAsync(Btc, true, "120000", Str(decimal.Ceiling(depth) + 10), "Ioc");
        var filled = status.GetProperty("filled");
        Assert.Equal(depth, Dec(filled.GetProperty("totalSz")));
        var avg = Dec(filled.GetProperty("avgPx"));
        Assert.InRange(avg, Dec(asks[0].GetProperty("px")), Dec(asks[^1].GetProperty("px")));
        Assert.Equal(asks.Length, (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
        Assert.Equal(depth, await h.PositionAsync("BTC"));
    }

    [Fact]
    public async Task Gtc_BelowMarket_RestsThenFillsAsMakerWhenTheMarkReachesIt()
    {
        using var h = new PaperHarness();
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var start = candles.IndexContaining(h.NowMs);
        var low = decimal.MaxValue;
        for (var i = start; i < start + 288; i++)
        {
            low = Math.Min(low, candles.Low(i));
        }

        var mark = await h.MidAsync("BTC");
        var limit = decimal.Floor((low + mark) / 2m);
        var resting = await h.OrderAsync(Btc, true, Str(limit), "0.001", "Gtc");
        var oid = resting.GetProperty("resting").GetProperty("oid").GetInt64();
        Assert.Equal(1, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());

        h.Advance(TimeSpan.FromDays(1));

        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal(oid, fill.GetProperty("oid").GetInt64());
        Assert.Equal(limit, Dec(fill.GetProperty("px")));
        Assert.False(fill.GetProperty("crossed").GetBoolean());
        Assert.Equal(decimal.Round(limit * 0.001m * 0.00015m, 6), Dec(fill.GetProperty("fee")));
        var crossing = FirstCandleReaching(candles, start, limit);
        Assert.InRange(fill.GetProperty("time").GetInt64(), candles.OpenTime(crossing), candles.OpenTime(crossing) + candles.IntervalMs);
        var status = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":" + oid + "}");
        Assert.Equal("filled", status.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alo_NotCrossing_RestsWithItsTif()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Eth, false, "2600", "0.01", "Alo");
        Assert.True(status.TryGetProperty("resting", out _));
        var order = (await h.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal("Alo", order.GetProperty("tif").GetString());
        Assert.Equal("A", order.GetProperty("side").GetString());
        Assert.Equal("Limit", order.GetProperty("orderType").GetString());
        Assert.Equal("N/A", order.GetProperty("triggerCondition").GetString());
    }

    [Fact]
    public async Task Gtc_CrossingWithRemainder_TakesTheBookThenTheRemainderFillsFromTheTapeAsMakerAtItsLimit()
    {
        using var h = new PaperHarness(aliceUsdc: 10_000_000m);
        var asks = (await h.BookAsync("BTC")).GetProperty("levels")[1];
        var secondAsk = Dec(asks[1].GetProperty("px"));
        var twoLevels = Dec(asks[0].GetProperty("sz")) + Dec(asks[1].GetProperty("sz"));
        var size = twoLevels + 2m;
        var status = await h.OrderAsync(Btc, true, Str(secondAsk), Str(size), "Gtc");
        Assert.True(status.TryGetProperty("resting", out _), status.ToString());
        var fills = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().ToArray();
        Assert.Equal(twoLevels, fills.Where(f => f.GetProperty("crossed").GetBoolean()).Sum(f => Dec(f.GetProperty("sz"))));
        Assert.DoesNotContain(fills, f => !f.GetProperty("crossed").GetBoolean());

        // The remainder rests through the mark (first in its queue: it improves the best bid) and fills from each 3 s
        // step's traded volume (the recorded candle volume / 100 steps), at its limit, as maker — in several steps.
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var perStep = candles.Volume(candles.IndexContaining(h.NowMs)) / 100m;
        Assert.True(perStep < 2m, $"the test needs a step volume under the remainder, got {perStep}");
        h.Advance(TimeSpan.FromMinutes(5));
        fills = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().ToArray();
        var makers = fills.Where(f => !f.GetProperty("crossed").GetBoolean()).ToArray();
        Assert.True(makers.Length >= 2, $"{makers.Length} maker fills");
        Assert.All(makers, f => Assert.Equal(secondAsk, Dec(f.GetProperty("px"))));
        Assert.All(makers, f => Assert.True(Dec(f.GetProperty("sz")) <= decimal.Round(perStep, 5) + 0.00001m));
        Assert.Equal(2m, makers.Sum(f => Dec(f.GetProperty("sz"))));
        Assert.Equal(size, await h.PositionAsync("BTC"));
    }

    internal static int FirstCandleReaching(CandleSeries candles, int from, decimal level)
    {
        for (var i = from; i < candles.Count; i++)
        {
            if (candles.Low(i) <= level)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The data never reaches the level.");
    }

    internal static JsonElement OnlyFill(JsonElement fills)
    {
        Assert.Equal(1, fills.GetArrayLength());
        return fills[0];
    }
}
