using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

public sealed class ScheduleCancelTests
{
    [Fact]
    public async Task ScheduleCancel_WithoutVolume_VenueRefusesLikeMainnet()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"scheduleCancel\",\"time\":" + (h.NowMs + 60_000) + "}");
        Assert.Equal("Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $0.", answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task ScheduleCancel_ClearWithoutVolume_RefusedWithTradedVolume()
    {
        using var h = new PaperHarness();
        var mid = await h.MidAsync("ETH");
        var buy = await h.OrderAsync(Eth, true, Str(decimal.Round(mid * 1.01m, 1)), "0.01", tif: "Ioc");
        Assert.True(buy.TryGetProperty("filled", out _), buy.ToString());
        var fill = (await h.InfoAsync("{\"type\":\"userFills\",\"user\":\"" + Alice + "\"}"))[0];
        var traded = Dec(fill.GetProperty("px")) * Dec(fill.GetProperty("sz"));

        var answer = await h.ExchangeAsync("{\"type\":\"scheduleCancel\"}");

        Assert.Equal(
            "Cannot set scheduled cancel time until enough volume traded. Required: $1000000. Traded: $" + Str(traded) + ".",
            answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task ScheduleCancel_DueTime_CancelsEveryOpenOrderOnTime()
    {
        using var h = new PaperHarness(new PaperExchangeOptions { ScheduleCancelMinVolumeUsd = 0 });
        await h.OrderAsync(Btc, true, "100000", "0.001", cloid: "0x00000000000000000000000000000001");
        await h.OrderAsync(Eth, true, "2000", "0.01");
        var due = h.NowMs + 60_000;
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"scheduleCancel\",\"time\":" + due + "}")).GetProperty("status").GetString());

        h.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(2, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
        h.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
        var status = (await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"0x00000000000000000000000000000001\"}")).GetProperty("order");
        Assert.Equal("scheduledCancel", status.GetProperty("status").GetString());
        Assert.Equal(due, status.GetProperty("statusTimestamp").GetInt64());
    }

    [Fact]
    public async Task ScheduleCancel_Cleared_NothingCanceled()
    {
        using var h = new PaperHarness(new PaperExchangeOptions { ScheduleCancelMinVolumeUsd = 0 });
        await h.OrderAsync(Btc, true, "100000", "0.001");
        await h.ExchangeAsync("{\"type\":\"scheduleCancel\",\"time\":" + (h.NowMs + 60_000) + "}");
        Assert.Equal("ok", (await h.ExchangeAsync("{\"type\":\"scheduleCancel\"}")).GetProperty("status").GetString());
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
    }

    [Fact]
    public async Task ScheduleCancel_LessThanFiveSecondsAhead_Refused()
    {
        using var h = new PaperHarness(new PaperExchangeOptions { ScheduleCancelMinVolumeUsd = 0 });
        var answer = await h.ExchangeAsync("{\"type\":\"scheduleCancel\",\"time\":" + (h.NowMs + 4_000) + "}");
        Assert.Equal("err", answer.GetProperty("status").GetString());
    }
}
