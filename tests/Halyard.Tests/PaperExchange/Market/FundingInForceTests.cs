using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>The funding rate kept with its span answers as the history's lookup does, scale included.</summary>
public sealed class FundingInForceTests
{
    [Fact]
    public void At_EveryAssetAcrossPrints_ForwardAndBack_TheSameRateAsCurrentFunding()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var funding = new FundingInForce(market);
        var start = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var checkedPrints = 0;
        for (var id = 0; id < market.AssetCount; id++)
        {
            // Three-minute cycles over a day (crossing every hourly print and its millisecond jitter), then back in time.
            var times = new List<long>();
            for (var t = start; t < start + MarketView.DayMs; t += 180_000)
            {
                times.Add(t);
            }

            if (market.FundingSeriesOf(id) is { } series)
            {
                var first = series.FirstIndexAtOrAfter(start);
                for (var i = first; i < Math.Min(series.Count, first + 3); i++)
                {
                    times.AddRange([series.Time(i) - 1, series.Time(i), series.Time(i) + 1]);
                    checkedPrints++;
                }

                times.AddRange([series.Time(0) - 1, series.Time(series.Count - 1), series.Time(series.Count - 1) + 1]);
            }

            times.AddRange([start + 3_600_000, start - 1, long.MinValue / 2, start + (MarketView.DayMs / 2)]);
            foreach (var t in times)
            {
                var expected = market.CurrentFunding(id, t);
                var actual = funding.At(id, t);
                Assert.Equal(expected, actual);
                Assert.Equal(expected?.Scale, actual?.Scale);
            }
        }

        Assert.True(checkedPrints > 0, "the embedded data set has funding prints");
    }
}
