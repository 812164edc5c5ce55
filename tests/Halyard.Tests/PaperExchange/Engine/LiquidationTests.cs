using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class LiquidationTests
{
    [Fact]
    public async Task MaxLeverageLong_MarkFallsToTheLiquidationPrice_ClosedByTheLiquidator()
    {
        using var h = new PaperHarness(aliceUsdc: 100m);
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":40}")).GetProperty("status").GetString());
        Assert.True((await h.OrderAsync(Btc, true, "50000", "0.01", "Gtc", cloid: "0x0000000000000000000000000000000b")).TryGetProperty("resting", out _));
        await h.OrderAsync(Btc, true, "110000", "0.03", "Ioc");
        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        Assert.Equal(40, position.GetProperty("leverage").GetProperty("value").GetInt32());
        var liquidationPx = Dec(position.GetProperty("liquidationPx"));
        Assert.InRange(liquidationPx, 100_000m, 107_141m);

        for (var day = 0; day < 20 && await h.PositionAsync("BTC") != 0; day++)
        {
            h.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0m, await h.PositionAsync("BTC"));
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        var liquidation = fill.GetProperty("liquidation");
        Assert.Equal(Alice, liquidation.GetProperty("liquidatedUser").GetString());
        Assert.True(Math.Abs(Dec(fill.GetProperty("px")) - liquidationPx) < liquidationPx * 0.001m, fill.ToString() + " vs " + liquidationPx);
        var status = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"0x0000000000000000000000000000000b\"}");
        Assert.Equal("liquidatedCanceled", status.GetProperty("order").GetProperty("status").GetString());
        var value = Dec((await h.StateAsync()).GetProperty("marginSummary").GetProperty("accountValue"));
        Assert.InRange(value, 0m, 60m);
    }

    [Fact]
    public async Task IsolatedPosition_MarginAddedAndRemoved()
    {
        using var h = new PaperHarness();
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":1,\"isCross\":false,\"leverage\":10}")).GetProperty("status").GetString());
        await h.OrderAsync(Eth, true, "2700", "1", "Ioc");
        var position = (await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position");
        Assert.Equal("isolated", position.GetProperty("leverage").GetProperty("type").GetString());
        var before = Dec(position.GetProperty("marginUsed"));
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"updateIsolatedMargin\",\"asset\":1,\"isBuy\":true,\"ntli\":100000000}")).GetProperty("status").GetString());
        var after = Dec((await h.StateAsync()).GetProperty("assetPositions")[0].GetProperty("position").GetProperty("marginUsed"));
        Assert.Equal(before + 100m, after);
        var tooMuch = await h.ExchangeAsync("{\"type\":\"updateIsolatedMargin\",\"asset\":1,\"isBuy\":true,\"ntli\":-300000000}");
        Assert.Equal("err", tooMuch.GetProperty("status").GetString());
        var cross = await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":1,\"isCross\":true,\"leverage\":10}");
        Assert.Equal("err", cross.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateLeverage_AboveTheAssetMaximum_InvalidLeverageValue()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"updateLeverage\",\"asset\":0,\"isCross\":true,\"leverage\":41}");
        Assert.Equal("err", answer.GetProperty("status").GetString());
        Assert.Equal("Invalid leverage value", answer.GetProperty("response").GetString());
    }
}
