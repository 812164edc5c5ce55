using System.Globalization;
using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>The venue's account rules: leverage decreases, margin modes, duplicate cloids, open-order and IP limits, expiry cost.</summary>
public sealed class VenueRulesTests
{
    [Fact]
    public async Task UpdateLeverage_DecreaseWithoutCrossMargin_RefusedWithVenueText()
    {
        using var h = new PaperHarness(aliceUsdc: 1_000m);
        Assert.Equal("ok", (await h.ExchangeAsync(Leverage(Eth, isCross: true, 20))).GetProperty("status").GetString());
        var mid = await h.MidAsync("ETH");
        var size = decimal.Round(15_000m / mid, 4); // $15,000 at 20x: $750 of the $1,000 as margin
        Assert.True((await h.OrderAsync(Eth, true, Str(decimal.Round(mid * 1.01m, 1)), Str(size), tif: "Ioc")).TryGetProperty("filled", out _));

        var refused = await h.ExchangeAsync(Leverage(Eth, isCross: true, 10));
        var allowed = await h.ExchangeAsync(Leverage(Eth, isCross: true, 25));

        Assert.Equal("Cross position does not have sufficient margin available to decrease leverage. To decrease leverage, deposit more collateral.", refused.GetProperty("response").GetString());
        Assert.Equal("ok", allowed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateLeverage_IsolatedDecreaseBeyondItsMargin_Refused()
    {
        using var h = new PaperHarness();
        Assert.Equal("ok", (await h.ExchangeAsync(Leverage(Eth, isCross: false, 20))).GetProperty("status").GetString());
        var mid = await h.MidAsync("ETH");
        Assert.True((await h.OrderAsync(Eth, true, Str(decimal.Round(mid * 1.01m, 1)), "1", tif: "Ioc")).TryGetProperty("filled", out _));

        var refused = await h.ExchangeAsync(Leverage(Eth, isCross: false, 2));
        var switchMode = await h.ExchangeAsync(Leverage(Eth, isCross: true, 20));

        Assert.Equal("Isolated position does not have sufficient margin available to decrease leverage. To decrease leverage, add margin to the position.", refused.GetProperty("response").GetString());
        Assert.Equal("Cannot switch leverage type with open position.", switchMode.GetProperty("response").GetString());
    }

    [Fact]
    public async Task UpdateIsolatedMargin_CrossPosition_VenueText()
    {
        using var h = new PaperHarness();
        var mid = await h.MidAsync("ETH");
        Assert.True((await h.OrderAsync(Eth, true, Str(decimal.Round(mid * 1.01m, 1)), "0.01", tif: "Ioc")).TryGetProperty("filled", out _));
        var answer = await h.ExchangeAsync("{\"type\":\"updateIsolatedMargin\",\"asset\":1,\"isBuy\":true,\"ntli\":1000000}");
        Assert.Equal("Position does not use isolated margin.", answer.GetProperty("response").GetString());
    }

    [Fact]
    public async Task Order_CloidOfALiveOrder_RefusedAndTheLiveOrderKept()
    {
        using var h = new PaperHarness();
        const string cloid = "0x0000000000000000000000000000000c";
        Assert.True((await h.OrderAsync(Eth, true, "1500", "0.01", cloid: cloid)).TryGetProperty("resting", out var resting));

        var again = await h.OrderAsync(Eth, true, "1600", "0.01", cloid: cloid);

        Assert.Equal("An open order already has this cloid. asset=1", again.GetProperty("error").GetString());
        var status = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"" + cloid + "\"}");
        Assert.Equal(resting.GetProperty("oid").GetInt64(), status.GetProperty("order").GetProperty("order").GetProperty("oid").GetInt64());
        Assert.Equal("open", status.GetProperty("order").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Order_BeyondOneThousandOpenOrders_Refused()
    {
        using var h = new PaperHarness(aliceUsdc: 100_000m);
        var orders = Enumerable.Range(0, 1_000).Select(i => Limit(Eth, true, (1_500 + (i % 100)).ToString(CultureInfo.InvariantCulture), "0.01")).ToArray();
        Assert.All(Statuses(await h.ExchangeAsync(OrderJson(orders))), s => Assert.True(s.TryGetProperty("resting", out _), s.ToString()));

        var extra = await h.OrderAsync(Eth, true, "1500", "0.01");
        var ioc = await h.OrderAsync(Eth, true, "1500", "0.01", tif: "Ioc");

        Assert.Equal("Too many open orders. asset=1", extra.GetProperty("error").GetString());
        Assert.StartsWith("Order could not immediately match", ioc.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredAction_CostsFiveRequestsOfTheAddressBudget()
    {
        using var h = new PaperHarness();
        var before = await UsedAsync(h);

        var answer = await h.ExchangeAsync("{\"type\":\"noop\"}", extra: ",\"expiresAfter\":" + (h.NowMs - 1));

        Assert.Equal("Action already expired", answer.GetProperty("response").GetString());
        Assert.Equal(before + 5, await UsedAsync(h));
    }

    [Fact]
    public async Task IpWeight_BeyondTwelveHundredAMinute_Http429UntilTheMinutePasses()
    {
        using var h = new PaperHarness();
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(200, (await h.PostAsync("info", "{\"type\":\"meta\"}")).Status); // weight 20 each: 1,200
        }

        var refused = await h.PostAsync("info", "{\"type\":\"allMids\"}");
        h.Advance(TimeSpan.FromSeconds(61));
        var again = await h.PostAsync("info", "{\"type\":\"allMids\"}");

        Assert.Equal(429, refused.Status);
        Assert.Equal(200, again.Status);
    }

    private static string Leverage(int asset, bool isCross, int leverage) =>
        string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"updateLeverage\",\"asset\":{asset},\"isCross\":{(isCross ? "true" : "false")},\"leverage\":{leverage}}}");

    private static async Task<long> UsedAsync(PaperHarness h) =>
        (await h.InfoAsync("{\"type\":\"userRateLimit\",\"user\":\"" + Alice + "\"}")).GetProperty("nRequestsUsed").GetInt64();
}
