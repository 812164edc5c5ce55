using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>The marks and book tops kept per instant answer as the market view computes them, scale included.</summary>
public sealed class InstantMarksTests
{
    private static readonly long Start = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void Mark_EveryAsset_RepeatedForwardAndBack_TheSameAsTheMarketView()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var marks = new InstantMarks(market);
        long[] times = [Start, Start, Start + 3_000, Start + 3_000, Start + 60_000, Start - 1, Start + 60_000, Start - MarketView.DayMs, long.MinValue / 2];
        var priced = 0;
        for (var id = 0; id < market.AssetCount; id++)
        {
            foreach (var t in times)
            {
                var expected = market.Mark(id, t);
                var actual = marks.Mark(id, t);
                Assert.Equal(expected, actual);
                Assert.Equal(expected?.Scale, actual?.Scale);
                priced += actual is null ? 0 : 1;
            }
        }

        Assert.True(priced > 0, "the embedded data set has marks");
    }

    [Fact]
    public void Mark_AtALaterInstant_IsTheNewMark()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var marks = new InstantMarks(market);
        var id = Enumerable.Range(0, market.AssetCount).First(a => market.Mark(a, Start) is { } now && market.Mark(a, Start + 3_600_000) != now);

        Assert.Equal(market.Mark(id, Start), marks.Mark(id, Start));
        Assert.Equal(market.Mark(id, Start + 3_600_000), marks.Mark(id, Start + 3_600_000));
        Assert.NotEqual(marks.Mark(id, Start), marks.Mark(id, Start + 3_600_000));
    }

    [Fact]
    public void Top_SameAndOtherMarks_TheMarketViewsTopAndItsParsedMid()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var marks = new InstantMarks(market);
        var id = Enumerable.Range(0, market.AssetCount).First(a => market.Mark(a, Start) is not null);
        // 1.50 and 1.5 are the same value with other digits: each gets its own top, as the venue's text would.
        decimal[] prices = [market.Mark(id, Start)!.Value, 1.50m, 1.5m, 1.50m, 2m, 2m, 0.000123m];
        foreach (var mark in prices)
        {
            var (bid, ask) = market.Top(id, mark);
            var top = marks.Top(id, mark);
            Assert.Equal((mark, bid, ask), (top.Mark, top.Bid, top.Ask));
            Assert.Equal((mark.Scale, bid.Scale, ask.Scale), (top.Mark.Scale, top.Bid.Scale, top.Ask.Scale));
            var mid = PriceMath.AsParsed(SyntheticBook.MidOf((bid, ask)));
            Assert.Equal(mid, top.Mid);
            Assert.Equal(mid.Scale, top.Mid.Scale);
        }
    }
}
