using CsCheck;
using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;

namespace Halyard.Tests.MarketData;

/// <summary>
/// The incremental <see cref="IndicatorState"/> against <see cref="NaiveIndicators"/> (full recompute,
/// textbook formulas) on real Hyperliquid candles, at every candle and every in-progress revision.
/// </summary>
public class IndicatorStateReferenceTests
{
    public static TheoryData<string, string> Fixtures => new()
    {
        { "BTC_5m.csv.gz", "5m" }, // includes the flat zero-volume outage bars of 2025-06-08 09:45–10:20
        { "ETH_5m.csv.gz", "5m" },
        { "BTC_3m.csv.gz", "3m" },
        { "BTC_4h.csv.gz", "4h" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Apply_RealCandles_EveryValueMatchesNaiveRecompute(string file, string interval)
    {
        var candles = CandleFixtures.Load(file);
        Assert.True(candles.Count >= 300);
        var reference = NaiveIndicators.Compute(candles);

        // A series as long as the history exposes every value, warm-up included.
        var state = new IndicatorState(CandleInterval.Parse(interval), seriesLength: candles.Count);
        foreach (var candle in candles)
        {
            Assert.Equal(CandleApplied.Appended, state.Apply(candle));
        }

        SeriesAssert.Matches(reference, state.ToSeries(), file);
        Assert.Equal(candles.Count - 49, state.ToSeries().Ema50.Count(v => !double.IsNaN(v)));
        Assert.Equal(candles.Count - 33, state.ToSeries().MacdSignal.Count(v => !double.IsNaN(v)));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Apply_InProgressRevisionsThenFinal_MatchesNaiveAtEveryStep(string file, string interval)
    {
        var candles = CandleFixtures.Load(file).Take(300).ToArray();
        var state = new IndicatorState(CandleInterval.Parse(interval), seriesLength: 10);
        for (var i = 0; i < candles.Length; i++)
        {
            var final = candles[i];
            var mid = final.Open + ((final.Close - final.Open) / 2);
            Candle[] revisions =
            [
                final with { High = final.Open, Low = final.Open, Close = final.Open, Volume = 0m },
                final with { High = Math.Max(final.Open, mid), Low = Math.Min(final.Open, mid), Close = mid, Volume = final.Volume / 2 },
                final,
            ];
            for (var r = 0; r < revisions.Length; r++)
            {
                Assert.Equal(r == 0 ? CandleApplied.Appended : CandleApplied.Replaced, state.Apply(revisions[r]));
                var history = candles.Take(i).Append(revisions[r]).ToArray();
                SeriesAssert.Matches(NaiveIndicators.Compute(history), state.ToSeries(), $"{file} candle {i} revision {r}");
            }
        }
    }

    [Fact]
    public void Apply_RandomWalksWithRandomRevisions_MatchNaiveRecompute()
    {
        // A step: relative move, wick sizes, volume, revisions before the final version, flat (repeat the close).
        var step = Gen.Select(Gen.Double[-0.03, 0.03], Gen.Double[0, 0.02], Gen.Double[0, 0.02], Gen.Double[0, 1000], Gen.Int[0, 3], Gen.Int[0, 5]);
        var walk = Gen.Select(Gen.Double[0.0001, 100_000], step.Array[1, 90]);
        walk.Sample(
            w =>
            {
                var (start, steps) = w;
                var state = new IndicatorState(CandleInterval.OneMinute, seriesLength: 5);
                var finals = new List<Candle>();
                var price = (decimal)start;
                for (var i = 0; i < steps.Length; i++)
                {
                    var (move, up, down, volume, revisions, flat) = steps[i];
                    var open = price;
                    var close = flat == 0 ? open : open * (1 + (decimal)move);
                    var final = new Candle(
                        i * 60_000L,
                        open,
                        Math.Max(open, close) * (1 + (decimal)up),
                        Math.Min(open, close) * (1 - (decimal)down),
                        close,
                        (decimal)volume);
                    for (var r = 1; r <= revisions; r++)
                    {
                        var partialClose = open + ((close - open) * r / (revisions + 1));
                        state.Apply(final with { High = Math.Max(open, partialClose), Low = Math.Min(open, partialClose), Close = partialClose });
                    }

                    state.Apply(final);
                    finals.Add(final);
                    price = close;
                }

                SeriesAssert.Matches(NaiveIndicators.Compute(finals), state.ToSeries(), "random walk");
            },
            iter: 300);
    }
}
