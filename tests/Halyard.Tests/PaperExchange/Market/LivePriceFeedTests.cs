using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

public class LivePriceFeedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private static LivePriceFeed Feed() => new(VenueSnapshot.Of(
    [
        new UniverseAsset(0, "BTC", 5, 40, null, false, false, 100_000m, 10m, 1_000_000m),
        new UniverseAsset(1, "ETH", 4, 25, null, false, false, 3_000m, 100m, 500_000m),
    ]));

    private static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    [Fact]
    public void PriceAt_IsTheLastPriceRecordedAtOrBefore_AndNothingBeforeTheFirst()
    {
        var feed = Feed();
        feed.RecordPrices(T0, new Dictionary<string, decimal> { ["BTC"] = 100_000m, ["@107"] = 5m, ["DOGE"] = 0.2m });
        feed.RecordPrices(T0.AddSeconds(5), new Dictionary<string, decimal> { ["BTC"] = 100_500m });

        Assert.Null(feed.PriceAt("BTC", Ms(T0) - 1));
        Assert.Equal(100_000m, feed.PriceAt("BTC", Ms(T0.AddSeconds(4))));
        Assert.Equal(100_500m, feed.PriceAt("BTC", Ms(T0.AddSeconds(60))));
        Assert.False(feed.HasPrice("DOGE")); // not in the universe
        Assert.False(feed.HasPrice("@107"));
        Assert.Null(feed.PriceAt("ETH", Ms(T0)));
    }

    [Fact]
    public void FirstBeyond_FindsTheFirstRecordedPriceThroughTheLevel()
    {
        var feed = Feed();
        feed.RecordPrices(T0, new Dictionary<string, decimal> { ["ETH"] = 3_000m });
        feed.RecordPrices(T0.AddSeconds(5), new Dictionary<string, decimal> { ["ETH"] = 2_990m });
        feed.RecordPrices(T0.AddSeconds(10), new Dictionary<string, decimal> { ["ETH"] = 2_970m });
        feed.RecordPrices(T0.AddSeconds(15), new Dictionary<string, decimal> { ["ETH"] = 2_960m });

        Assert.Equal(Ms(T0.AddSeconds(10)), feed.FirstBeyond("ETH", Ms(T0), Ms(T0.AddSeconds(20)), 2_975m, above: false));
        Assert.Equal(Ms(T0.AddSeconds(12)), feed.FirstBeyond("ETH", Ms(T0.AddSeconds(12)), Ms(T0.AddSeconds(20)), 2_975m, above: false));
        Assert.Null(feed.FirstBeyond("ETH", Ms(T0), Ms(T0.AddSeconds(8)), 2_975m, above: false));
        Assert.Null(feed.FirstBeyond("ETH", Ms(T0), Ms(T0.AddSeconds(20)), 3_010m, above: true));
    }

    [Fact]
    public void RecordPrices_PrunesOldTicksButKeepsTheLastOneBeforeTheCut()
    {
        var feed = Feed();
        feed.RecordPrices(T0, new Dictionary<string, decimal> { ["BTC"] = 1m });
        feed.RecordPrices(T0.AddMinutes(1), new Dictionary<string, decimal> { ["BTC"] = 2m });
        feed.RecordPrices(T0.AddHours(5), new Dictionary<string, decimal> { ["BTC"] = 3m });

        Assert.Equal(2m, feed.PriceAt("BTC", Ms(T0.AddHours(4))));
        Assert.Null(feed.PriceAt("BTC", Ms(T0.AddSeconds(30))));
    }

    [Fact]
    public void ContextAt_GivesFundingAndVolume()
    {
        var feed = Feed();
        feed.RecordContexts(T0, [new LiveAssetContext("BTC", 0.0000125m, 2_000_000m, 20m)]);

        Assert.Equal(0.0000125m, feed.ContextAt("BTC", Ms(T0.AddMinutes(30)))!.Funding);
        Assert.Null(feed.ContextAt("BTC", Ms(T0) - 1));
    }
}
