using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Engine;

/// <summary>Every per-order rule answers inside <c>statuses</c> with the venue's exact text (and its <c> asset=N</c> suffix).</summary>
public sealed class OrderRejectionTests
{
    [Theory]
    [InlineData("107141.5", "Price must be divisible by tick size. asset=0")]
    [InlineData("0", "Order has invalid price. asset=0")]
    [InlineData("1e5", "Order has invalid price. asset=0")]
    [InlineData("-5", "Order has invalid price. asset=0")]
    public async Task Order_BadPrice_RejectedWithVenueText(string price, string expected)
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, true, price, "0.001");
        Assert.Equal(expected, status.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("0.000001")]
    [InlineData("0")]
    public async Task Order_BadSize_RejectedWithVenueText(string size)
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, true, "100000", size);
        Assert.Equal("Order has invalid size. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Order_BelowTenDollars_RejectedWithVenueText()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, true, "100000", "0.00009");
        Assert.Equal("Order must have minimum value of $10. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Order_AtTenDollars_Accepted()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, true, "100000", "0.0001");
        Assert.True(status.TryGetProperty("resting", out _), status.ToString());
    }

    [Fact]
    public async Task Order_MoreThanFreeMargin_RejectedInsufficientMargin()
    {
        using var h = new PaperHarness(aliceUsdc: 100m);
        var status = await h.OrderAsync(Btc, true, "100000", "0.03"); // 3 000 USD at 20x needs 150 USD
        Assert.Equal("Insufficient margin to place order. asset=0", status.GetProperty("error").GetString());
        var ok = await h.OrderAsync(Btc, true, "100000", "0.019"); // 1 900 USD needs 95 USD
        Assert.True(ok.TryGetProperty("resting", out _), ok.ToString());
    }

    [Fact]
    public async Task Order_RestingOrdersHoldMargin_SecondOrderRejected()
    {
        using var h = new PaperHarness(aliceUsdc: 100m);
        Assert.True((await h.OrderAsync(Btc, true, "100000", "0.015")).TryGetProperty("resting", out _));
        var second = await h.OrderAsync(Btc, true, "100000", "0.015");
        Assert.Equal("Insufficient margin to place order. asset=0", second.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ReduceOnly_WithoutPosition_RejectedWouldIncrease()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, false, "100000", "0.001", "Ioc", reduceOnly: true);
        Assert.Equal("Reduce only order would increase position. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ReduceOnly_SameSideAsPosition_RejectedWouldIncrease()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var status = await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc", reduceOnly: true);
        Assert.Equal("Reduce only order would increase position. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task ReduceOnly_LargerThanPosition_OnlyClosesIt()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.002", "Ioc");
        var status = await h.OrderAsync(Btc, false, "100000", "0.005", "Ioc", reduceOnly: true);
        Assert.Equal("0.002", status.GetProperty("filled").GetProperty("totalSz").GetString());
        Assert.Equal(0m, await h.PositionAsync("BTC"));
    }

    [Fact]
    public async Task Ioc_BelowBestAsk_CouldNotMatch()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(Btc, true, "100000", "0.001", "Ioc");
        Assert.Equal("Order could not immediately match against any resting orders. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Alo_CrossingTheBook_PostOnlyTextWithBbo()
    {
        using var h = new PaperHarness();
        var book = await h.BookAsync("BTC");
        var bid = Dec(book.GetProperty("levels")[0][0].GetProperty("px"));
        var ask = Dec(book.GetProperty("levels")[1][0].GetProperty("px"));
        var status = await h.OrderAsync(Btc, true, Str(ask), "0.001", "Alo");
        Assert.Equal($"Post only order would have immediately matched, bbo was {Str(bid)}@{Str(ask)}. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Order_PriceBeyondNinetyFivePercentOfMark_WholeBatchRefusedAsOneErr()
    {
        using var h = new PaperHarness();
        var mid = await h.MidAsync("BTC");
        var inside = Limit(Btc, true, Str(decimal.Round(mid * 0.06m, 0)), "0.002");
        var outside = Limit(Btc, true, Str(decimal.Round(mid * 0.04m, 0)), "0.002");

        var answer = await h.ExchangeAsync(OrderJson([inside, outside]));

        Assert.Equal("err", answer.GetProperty("status").GetString());
        Assert.Equal("Order price cannot be more than 95% away from the reference price", answer.GetProperty("response").GetString());
        Assert.Empty((await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).EnumerateArray());
        Assert.Equal("resting", Statuses(await h.ExchangeAsync(OrderJson([inside])))[0].EnumerateObject().First().Name);
    }

    [Fact]
    public async Task Order_UnknownAsset_RejectedPerOrder()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(100_000, true, "1", "1");
        Assert.Equal("Asset 100000 does not exist.", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Order_AssetWithoutData_ServedDelistedAndRejected()
    {
        using var h = new PaperHarness();
        var status = await h.OrderAsync(2, true, "4", "5"); // ATOM: in the universe, no bundled candles
        Assert.StartsWith("Asset ATOM has no market data", status.GetProperty("error").GetString());
        var meta = await h.InfoAsync("{\"type\":\"meta\"}");
        Assert.True(meta.GetProperty("universe")[2].GetProperty("isDelisted").GetBoolean());
    }

    [Fact]
    public async Task Batch_OneBadOrder_OthersStillPlaced()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson([Limit(Btc, true, "100000", "0.001"), Limit(Btc, true, "100000.5", "0.001"), Limit(Eth, true, "2000", "0.01")]));
        var statuses = Statuses(answer);
        Assert.True(statuses[0].TryGetProperty("resting", out _));
        Assert.StartsWith("Price must be divisible by tick size.", statuses[1].GetProperty("error").GetString());
        Assert.True(statuses[2].TryGetProperty("resting", out _));
    }

    [Fact]
    public async Task Cancel_UnknownOid_MissingOrderText()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync("{\"type\":\"cancel\",\"cancels\":[{\"a\":0,\"o\":123}]}");
        var status = answer.GetProperty("response").GetProperty("data").GetProperty("statuses")[0];
        Assert.Equal("Order was never placed, already canceled, or filled. asset=0", status.GetProperty("error").GetString());
    }

    [Fact]
    public async Task NormalTpsl_WrongSideOfParent_InvalidTpslPrice()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson(
            [Limit(Btc, true, "100000", "0.001"), Trigger(Btc, false, "90000", "0.001", "99000", "tp")], "normalTpsl"));
        var statuses = Statuses(answer);
        Assert.True(statuses[0].TryGetProperty("resting", out _));
        Assert.Equal("Invalid TP/SL price. asset=0", statuses[1].GetProperty("error").GetString());
    }

    [Fact]
    public async Task PositionTpsl_StopAboveMarkForLong_InvalidTpslPrice()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "110000", "0.001", "Ioc");
        var answer = await h.ExchangeAsync(OrderJson([Trigger(Btc, false, "100000", "0", "108000", "sl")], "positionTpsl"));
        Assert.Equal("Invalid TP/SL price. asset=0", Statuses(answer)[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Rejections_AreNotErrorsOfTheWholeRequest()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson([Limit(Btc, true, "100000", "0.00001")]));
        Assert.Equal("ok", answer.GetProperty("status").GetString());
        Assert.Equal("order", answer.GetProperty("response").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("100000", "Ioc", "iocCancelRejected")]
    [InlineData("120000", "Alo", "badAloPxRejected")]
    [InlineData("100000.5", "Gtc", "tickRejected")]
    public async Task RejectedOrder_KeptWithItsRejectionStatus(string price, string tif, string expected)
    {
        using var h = new PaperHarness();
        const string cloid = "0x0000000000000000000000000000c0de";
        Assert.True((await h.OrderAsync(Btc, true, price, "0.001", tif, cloid: cloid)).TryGetProperty("error", out _));
        var status = await h.InfoAsync("{\"type\":\"orderStatus\",\"user\":\"" + Alice + "\",\"oid\":\"" + cloid + "\"}");
        Assert.Equal("order", status.GetProperty("status").GetString());
        Assert.Equal(expected, status.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(0, (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength());
    }

    [Fact]
    public async Task EmptyBatch_WholeRequestError()
    {
        using var h = new PaperHarness();
        var answer = await h.ExchangeAsync(OrderJson([]));
        Assert.Equal("err", answer.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Options_Invalid_ThrowNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new PaperHarness(new PaperExchangeOptions { PriceInterval = "7m" }));
        Assert.Contains("paper_exchange.price_interval", error.Message, StringComparison.Ordinal);
    }
}
