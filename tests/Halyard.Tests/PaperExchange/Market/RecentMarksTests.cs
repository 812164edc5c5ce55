using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>The marks the market view keeps per asset and time answer as a market view that never asked before, scale included.</summary>
public sealed class RecentMarksTests
{
    private static readonly long Start = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Mark_RepeatedEvictedAndInterleaved_TheSameAsAFreshMarketView()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var priced = Enumerable.Range(0, market.AssetCount).Where(id => market.HasData(id)).Take(3).ToArray();
        Assert.NotEmpty(priced);
        // More distinct times than are kept per asset, revisited after they were pushed out, repeated, stepping inside
        // a 3 s step (the same mark at another time), back a day, and before the data.
        long[] times =
        [
            Start, Start, Start + 1_500, Start + 3_000, Start + 75_000, Start + 72_000, Start, Start + 150_000,
            Start + 300_000, Start + 3_000, Start + 3_000, Start - MarketView.DayMs, Start + 1, Start, long.MinValue / 2, Start,
        ];
        foreach (var t in times)
        {
            foreach (var id in priced)
            {
                var expected = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions()).Mark(id, t);
                var actual = market.Mark(id, t);
                Assert.Equal(expected, actual);
                Assert.Equal(expected?.Scale, actual?.Scale);
            }
        }

        Assert.Null(market.Mark(Enumerable.Range(0, market.AssetCount).First(id => !market.HasData(id)), Start));
    }

    [Fact]
    public void Mark_AtALaterTime_IsTheNewMarkNotTheKeptOne()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var id = Enumerable.Range(0, market.AssetCount).First(a => market.Mark(a, Start) is { } now && market.Mark(a, Start + 3_600_000) != now);
        var fresh = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());

        var before = market.Mark(id, Start);
        var later = market.Mark(id, Start + 3_600_000);

        Assert.NotEqual(before, later);
        Assert.Equal(fresh.Mark(id, Start + 3_600_000), later);
        Assert.Equal(before, market.Mark(id, Start));
    }
}
