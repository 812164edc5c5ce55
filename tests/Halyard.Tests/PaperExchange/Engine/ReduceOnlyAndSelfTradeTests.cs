using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>The venue's reduce-only bookkeeping of resting orders, and self-trade prevention.</summary>
public sealed class ReduceOnlyAndSelfTradeTests
{
    private const string First = "0x000000000000000000000000000000d1";
    private const string Second = "0x000000000000000000000000000000d2";

    [Fact]
    public async Task ReduceOnly_TwoRestingExceedThePosition_TheOlderIsCanceled()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        await h.OrderAsync(Btc, true, Str(decimal.Floor(mark * 1.01m)), "0.01", "Ioc");

        await h.OrderAsync(Btc, false, Str(decimal.Floor(mark * 1.05m)), "0.01", reduceOnly: true, cloid: First);
        await h.OrderAsync(Btc, false, Str(decimal.Floor(mark * 1.06m)), "0.01", reduceOnly: true, cloid: Second);

        Assert.Equal("reduceOnlyCanceled", await StatusAsync(h, First));
        Assert.Equal("open", await StatusAsync(h, Second));
    }

    [Fact]
    public async Task ReduceOnly_PositionShrinks_RestingBeyondItCanceled()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        await h.OrderAsync(Btc, true, Str(decimal.Floor(mark * 1.01m)), "0.02", "Ioc");
        await h.OrderAsync(Btc, false, Str(decimal.Floor(mark * 1.05m)), "0.02", reduceOnly: true, cloid: First);

        await h.OrderAsync(Btc, false, Str(decimal.Floor(mark * 0.99m)), "0.01", "Ioc");

        Assert.Equal(0.01m, await h.PositionAsync("BTC"));
        Assert.Equal("reduceOnlyCanceled", await StatusAsync(h, First));
    }

    [Fact]
    public async Task SelfTrade_TakerReachingOurRestingOrder_CancelsTheRestingOne()
    {
        using var h = new PaperHarness();
        var mark = await h.MidAsync("BTC");
        await h.OrderAsync(Btc, false, Str(decimal.Ceiling(mark * 1.002m)), "0.001", cloid: First);

        var taker = await h.OrderAsync(Btc, true, Str(decimal.Floor(mark * 1.01m)), "0.001", "Ioc");

        Assert.True(taker.TryGetProperty("filled", out _), taker.ToString());
        Assert.Equal("selfTradeCanceled", await StatusAsync(h, First));
        Assert.Equal(0.001m, await h.PositionAsync("BTC"));
    }

    private static async Task<string?> StatusAsync(PaperHarness h, string cloid) =>
        (await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"" + cloid + "\"}"))
            .GetProperty("order").GetProperty("status").GetString();
}
