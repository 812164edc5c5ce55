using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;

namespace Halyard.Tests.MarketData;

/// <summary>
/// <see cref="IndicatorState.TryGetClose"/> reads the open times and closes kept beside the candles; on real candles
/// (with gaps cut in, and in-progress revisions) it must answer as a search of <see cref="IndicatorState.RecentCandles"/>.
/// </summary>
public class IndicatorStateLookupTests
{
    [Theory]
    [InlineData("BTC_3m.csv.gz", "3m")]
    [InlineData("BTC_5m.csv.gz", "5m")]
    public void TryGetClose_RealCandlesWithGapsAndRevisions_EqualsASearchOfTheKeptCandles(string file, string interval)
    {
        var candles = CandleFixtures.Load(file);
        var parsed = CandleInterval.Parse(interval);
        var state = new IndicatorState(parsed, seriesLength: 10, candleCapacity: 81);
        for (var i = 0; i < candles.Count; i++)
        {
            if (i % 37 is 5 or 6)
            {
                continue; // a gap of two candles now and then
            }

            var candle = candles[i];
            if (i % 3 == 0)
            {
                state.Apply(candle with { Close = candle.Open, High = candle.Open, Low = candle.Open }); // in progress first
            }

            state.Apply(candle);
            if (i % 7 != 0)
            {
                continue;
            }

            var kept = state.RecentCandles();
            var newest = kept[^1].OpenTimeMs;
            foreach (var back in (long[])[0, 1, 2, 5, 20, 21, 80, 81, 200])
            {
                var openTime = newest - (back * parsed.Milliseconds);
                var expected = kept.FirstOrDefault(c => c.OpenTimeMs == openTime);
                Assert.Equal(expected is not null, state.TryGetClose(openTime, out var close));
                Assert.Equal(expected?.Close ?? 0m, close);
            }

            Assert.False(state.TryGetClose(newest + 1, out _));
        }
    }
}
