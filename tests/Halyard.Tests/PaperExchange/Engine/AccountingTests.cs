using Halyard.PaperExchange.Data;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class AccountingTests
{
    [Fact]
    public async Task RoundTrip_CashEqualsDepositPlusClosedPnlMinusFeesMinusFunding()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Eth, true, "2700", "1", "Ioc");
        h.Advance(TimeSpan.FromMinutes(90));
        await h.OrderAsync(Eth, false, "2300", "1", "Ioc", reduceOnly: true);

        var fills = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}")).EnumerateArray().ToArray();
        Assert.Equal("Close Long", fills[0].GetProperty("dir").GetString());
        var buyPx = Dec(fills[1].GetProperty("px"));
        var sellPx = Dec(fills[0].GetProperty("px"));
        Assert.Equal(sellPx - buyPx, Dec(fills[0].GetProperty("closedPnl")));
        var fees = fills.Sum(f => Dec(f.GetProperty("fee")));
        var funding = (await h.InfoAsync("{\"type\":\"userFunding\",\"user\":\"" + Alice + "\",\"startTime\":0}"))
            .EnumerateArray().Sum(f => Dec(f.GetProperty("delta").GetProperty("usdc")));
        var state = await h.StateAsync();
        Assert.Equal(10_000m + (sellPx - buyPx) - fees + funding, Dec(state.GetProperty("marginSummary").GetProperty("accountValue")));
        Assert.Equal(0, state.GetProperty("assetPositions").GetArrayLength());
    }

    [Fact]
    public async Task Funding_EveryHour_PaysSizeTimesMarkTimesTheRecordedRate()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.1", "Ioc");
        h.Advance(TimeSpan.FromHours(3));

        var records = (await h.InfoAsync("{\"type\":\"userFunding\",\"user\":\"" + Alice + "\",\"startTime\":0}")).EnumerateArray().ToArray();
        Assert.Equal(3, records.Length);
        var candles = MarketDataSet.Embedded.Candles("BTC", "5m")!;
        var history = MarketDataSet.Embedded.Funding("BTC")!;
        foreach (var record in records)
        {
            var hour = record.GetProperty("time").GetInt64();
            Assert.Equal(0, hour % 3_600_000);
            var rate = history.Rate(history.LastIndexAtOrBefore(hour + 59_999));
            var mark = candles.Open(candles.IndexContaining(hour)); // the path is at the candle open on the hour
            var delta = record.GetProperty("delta");
            Assert.Equal(rate, Dec(delta.GetProperty("fundingRate")));
            Assert.Equal(-decimal.Round(0.1m * mark * rate, 6), Dec(delta.GetProperty("usdc")));
        }

        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        Assert.Equal(-records.Sum(r => Dec(r.GetProperty("delta").GetProperty("usdc"))), Dec(position.GetProperty("cumFunding").GetProperty("allTime")));
    }

    [Fact]
    public async Task AddingToAPosition_AveragesTheEntryPrice()
    {
        using var h = new PaperHarness();
        var first = Dec((await h.OrderAsync(Sol, true, "170", "1", "Ioc")).GetProperty("filled").GetProperty("avgPx"));
        h.Advance(TimeSpan.FromHours(6));
        var second = Dec((await h.OrderAsync(Sol, true, "200", "3", "Ioc")).GetProperty("filled").GetProperty("avgPx"));
        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        Assert.Equal(4m, Dec(position.GetProperty("szi")));
        Assert.Equal(decimal.Round((first + (3 * second)) / 4m, 8), Dec(position.GetProperty("entryPx")));
    }

    [Fact]
    public async Task SellingMoreThanTheLong_FlipsShortAtTheFillPrice()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Eth, true, "2700", "1", "Ioc");
        var sell = Dec((await h.OrderAsync(Eth, false, "2300", "3", "Ioc")).GetProperty("filled").GetProperty("avgPx"));
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        Assert.Equal("Long > Short", fill.GetProperty("dir").GetString());
        Assert.Equal("1.0", fill.GetProperty("startPosition").GetString());
        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        Assert.Equal(-2m, Dec(position.GetProperty("szi")));
        Assert.Equal(sell, Dec(position.GetProperty("entryPx")));
    }

    [Fact]
    public async Task ClearinghouseState_FiguresAreConsistent()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.05", "Ioc");
        await h.OrderAsync(Eth, false, "2300", "1", "Ioc");
        h.Advance(TimeSpan.FromMinutes(30));
        var state = await h.StateAsync();
        var summary = state.GetProperty("marginSummary");
        var positions = state.GetProperty("assetPositions").EnumerateArray().Select(p => p.GetProperty("position")).ToArray();
        var value = Dec(summary.GetProperty("accountValue"));
        var used = Dec(summary.GetProperty("totalMarginUsed"));
        var upnl = positions.Sum(p => Dec(p.GetProperty("unrealizedPnl")));
        Assert.Equal(positions.Sum(p => Dec(p.GetProperty("positionValue"))), Dec(summary.GetProperty("totalNtlPos")));
        Assert.Equal(positions.Sum(p => Dec(p.GetProperty("marginUsed"))), used);
        Assert.All(positions, p => Assert.Equal(decimal.Round(Dec(p.GetProperty("positionValue")) / 20m, 6), Dec(p.GetProperty("marginUsed"))));
        Assert.Equal(Math.Max(0, value - used - Math.Max(0, upnl)), Dec(state.GetProperty("withdrawable")));
        var maintenance = positions.Sum(p => Dec(p.GetProperty("positionValue")) / (2m * p.GetProperty("maxLeverage").GetInt32()));
        Assert.Equal(decimal.Round(maintenance, 6), Dec(state.GetProperty("crossMaintenanceMarginUsed")), 5);
        Assert.Equal(h.NowMs, state.GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task UnknownUser_EmptyClearinghouseState()
    {
        using var h = new PaperHarness();
        var state = await h.StateAsync(Bob);
        Assert.Equal("0.0", state.GetProperty("marginSummary").GetProperty("accountValue").GetString());
        Assert.Equal(0, state.GetProperty("assetPositions").GetArrayLength());
    }
}
