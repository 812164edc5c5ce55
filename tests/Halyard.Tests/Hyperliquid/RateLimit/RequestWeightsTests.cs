using Halyard.Hyperliquid.RateLimit;

namespace Halyard.Tests.Hyperliquid.RateLimit;

public sealed class RequestWeightsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(39, 1)]
    [InlineData(40, 2)]
    [InlineData(79, 2)]
    [InlineData(80, 3)]
    [InlineData(1000, 26)]
    public void Exchange_OnePlusBatchOverForty(int batchLength, int expected)
    {
        Assert.Equal(expected, RequestWeights.Exchange(batchLength));
    }

    [Theory]
    [InlineData("l2Book", 2)]
    [InlineData("allMids", 2)]
    [InlineData("clearinghouseState", 2)]
    [InlineData("orderStatus", 2)]
    [InlineData("spotClearinghouseState", 2)]
    [InlineData("exchangeStatus", 2)]
    [InlineData("userRole", 60)]
    [InlineData("meta", 20)]
    [InlineData("metaAndAssetCtxs", 20)]
    [InlineData("openOrders", 20)]
    [InlineData("frontendOpenOrders", 20)]
    [InlineData("userFills", 20)]
    [InlineData("userFillsByTime", 20)]
    [InlineData("candleSnapshot", 20)]
    [InlineData("fundingHistory", 20)]
    [InlineData("userRateLimit", 20)]
    public void Info_DocumentedBaseWeight(string type, int expected)
    {
        Assert.Equal(expected, RequestWeights.Info(type));
    }

    [Theory]
    [InlineData("userFills", 19, 0)]
    [InlineData("userFills", 20, 1)]
    [InlineData("userFills", 2000, 100)]
    [InlineData("userFillsByTime", 500, 25)]
    [InlineData("fundingHistory", 1038, 51)]
    [InlineData("userFunding", 218, 10)]
    [InlineData("historicalOrders", 40, 2)]
    [InlineData("candleSnapshot", 59, 0)]
    [InlineData("candleSnapshot", 60, 1)]
    [InlineData("candleSnapshot", 5000, 83)]
    [InlineData("meta", 1000, 0)]
    [InlineData("clearinghouseState", 1000, 0)]
    public void InfoItemsSurcharge_PerTwentyItemsOrSixtyCandles(string type, int items, int expected)
    {
        Assert.Equal(expected, RequestWeights.InfoItemsSurcharge(type, items));
    }
}
