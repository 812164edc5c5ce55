using System.Text.Json;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Protocol;

/// <summary>The <c>/info</c> answers carry the fields and types of the venue's recorded responses.</summary>
public sealed class InfoShapeTests
{
    [Fact]
    public async Task MetaAndAssetCtxs_UniverseFromTheSnapshotAndLiveContexts()
    {
        using var h = new PaperHarness();
        var answer = await h.InfoAsync("{\"type\":\"metaAndAssetCtxs\"}");
        var universe = answer[0].GetProperty("universe");
        var contexts = answer[1];
        Assert.Equal(universe.GetArrayLength(), contexts.GetArrayLength());
        Assert.Equal("BTC", universe[0].GetProperty("name").GetString());
        Assert.Equal(40, universe[0].GetProperty("maxLeverage").GetInt32());
        Assert.Equal(JsonValueKind.Array, answer[0].GetProperty("marginTables").ValueKind);
        var btc = contexts[0];
        foreach (var field in new[] { "funding", "openInterest", "prevDayPx", "dayNtlVlm", "premium", "oraclePx", "markPx", "midPx", "dayBaseVlm" })
        {
            Assert.Equal(JsonValueKind.String, btc.GetProperty(field).ValueKind);
        }

        Assert.Equal(2, btc.GetProperty("impactPxs").GetArrayLength());
        var snapshot = Halyard.PaperExchange.Data.MarketDataSet.Embedded.Snapshot.Universe[0];
        var mark = Dec(btc.GetProperty("markPx"));
        var notional = snapshot.SnapshotOpenInterest * snapshot.SnapshotMarkPx;
        Assert.InRange(Dec(btc.GetProperty("openInterest")) * mark, notional - mark, notional);
    }

    [Fact]
    public async Task OpenOrders_BasicAndFrontendShapes()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "100000", "0.001", cloid: "0x00000000000000000000000000000011");
        var basic = (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal(["coin", "side", "limitPx", "sz", "oid", "timestamp", "origSz", "cloid"], basic.EnumerateObject().Select(p => p.Name));
        var frontend = (await h.InfoAsync("{\"type\":\"frontendOpenOrders\",\"user\":\"" + Alice.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) + "\"}"))[0];
        Assert.Equal(
            ["coin", "side", "limitPx", "sz", "oid", "timestamp", "triggerCondition", "isTrigger", "triggerPx", "children", "isPositionTpsl", "reduceOnly", "orderType", "origSz", "tif", "cloid"],
            frontend.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0.0", frontend.GetProperty("triggerPx").GetString());
    }

    [Fact]
    public async Task OrderStatus_UnknownOid()
    {
        using var h = new PaperHarness();
        var answer = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":123}");
        Assert.Equal("unknownOid", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UserFills_NewestFirst_UserFillsByTime_OldestFirstInWindow()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        h.Advance(TimeSpan.FromMinutes(1));
        var middle = h.NowMs;
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        h.Advance(TimeSpan.FromMinutes(1));
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var all = await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}");
        Assert.True(all[0].GetProperty("time").GetInt64() > all[2].GetProperty("time").GetInt64());
        var window = await h.InfoAsync("{\"type\":\"userFillsByTime\",\"user\":\"" + Alice + "\",\"startTime\":" + middle + "}");
        Assert.Equal(2, window.GetArrayLength());
        Assert.Equal(middle, window[0].GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task FundingHistory_RecordedRatesUpToNow()
    {
        using var h = new PaperHarness();
        var answer = await h.InfoAsync("{\"type\":\"fundingHistory\",\"coin\":\"ETH\",\"startTime\":" + T0.AddHours(-5).ToUnixTimeMilliseconds() + "}");
        var history = Halyard.PaperExchange.Data.MarketDataSet.Embedded.Funding("ETH")!;
        var expected = history.LastIndexAtOrBefore(h.NowMs) - history.FirstIndexAtOrAfter(T0.AddHours(-5).ToUnixTimeMilliseconds()) + 1;
        Assert.InRange(expected, 5, 6);
        Assert.Equal(expected, answer.GetArrayLength());
        Assert.All(answer.EnumerateArray(), r => Assert.True(r.GetProperty("time").GetInt64() <= h.NowMs));
        Assert.Equal(["coin", "fundingRate", "premium", "time"], answer[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task L2Book_UnknownCoin_Null()
    {
        using var h = new PaperHarness();
        Assert.Equal(JsonValueKind.Null, (await h.BookAsync("NOPE")).ValueKind);
        var book = await h.BookAsync("ETH");
        Assert.Equal(20, book.GetProperty("levels")[0].GetArrayLength());
        Assert.Equal(h.NowMs, book.GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task UnknownType_Http422()
    {
        using var h = new PaperHarness();
        var (status, body) = await h.PostAsync("info", "{\"type\":\"spotMeta\"}");
        Assert.Equal(422, status);
        Assert.Equal("Failed to deserialize the JSON body into the target type", body);
    }

    [Fact]
    public async Task AllMids_OnlyCoinsWithData()
    {
        using var h = new PaperHarness();
        var mids = await h.InfoAsync("{\"type\":\"allMids\"}");
        Assert.Equal(10, mids.EnumerateObject().Count());
    }

    [Fact]
    public async Task TimeBeyondTheData_PricesFreezeAtTheLastClose()
    {
        using var h = new PaperHarness(start: new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero));
        var candles = Halyard.PaperExchange.Data.MarketDataSet.Embedded.Candles("ETH", "5m")!;
        Assert.Equal(candles.Close(candles.Count - 1), await h.MidAsync("ETH"), 0);
    }
}
