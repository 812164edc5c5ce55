using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>
/// What <see cref="CandleBuilder"/> keeps per coin (the source of each interval, the finer candle in progress, the fold of
/// its completed candles) and how it builds a candle in progress answer as the uncached computation does, on the bundled
/// data of the replay's month (5m, then 3m from 07-14, then 1m from 07-21), at instants on and off the 3 s mark grid.
/// </summary>
public sealed class CandleBuilderKeptTests
{
    private static readonly string[] Intervals = ["1m", "3m", "5m", "15m", "1h", "4h"];

    private static readonly long[] Offsets = [0, 1, 2_999, 3_000, 7_531, 14_999, 15_000, 44_999, 45_000, 61_000, 100_000, 179_999];

    [Fact]
    public void InProgress_OfANativeInterval_IsTheMarkPathSoFarOnTheGrid_ScaleIncluded()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var builder = new CandleBuilder(market);
        var compared = 0;
        foreach (var (now, id, interval, ms, series) in InProgressCases(market, native: true))
        {
            var bars = builder.Build(id, interval, now - ms, now, now);
            Assert.Equal(UncachedPartial(series, series.IndexContaining(now), now, market.Asset(id).SzDecimals).ToString(), bars[^1].ToString());
            compared++;
        }

        Assert.True(compared > 500, $"compared {compared} candles in progress");
    }

    [Fact]
    public void InProgress_OfACoarserInterval_FoldsTheFinerCandles_AsTheUncachedComputation()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var builder = new CandleBuilder(market);
        var compared = 0;
        foreach (var (now, id, interval, ms, series) in InProgressCases(market, native: false))
        {
            var open = now - (now % ms);
            var from = series.FirstIndexAtOrAfter(open);
            var current = series.IndexContaining(now);
            var partial = UncachedPartial(series, current, now, market.Asset(id).SzDecimals);
            var completed = Enumerable.Range(from, current - from).ToArray();
            var actual = builder.Build(id, interval, open, now, now)[^1];
            Assert.Equal(open, actual.OpenMs);
            Assert.Equal(series.Open(from), actual.Open);
            Assert.Equal(completed.Length == 0 ? partial.High : Math.Max(completed.Max(series.High), partial.High), actual.High);
            Assert.Equal(completed.Length == 0 ? partial.Low : Math.Min(completed.Min(series.Low), partial.Low), actual.Low);
            Assert.Equal(partial.Close, actual.Close);
            Assert.Equal(completed.Sum(series.Volume) + partial.Volume, actual.Volume);
            compared++;
        }

        Assert.True(compared > 500, $"compared {compared} candles in progress");
    }

    /// <summary>
    /// Each instant × coin × interval whose finest covering series is the interval's own (<paramref name="native"/>)
    /// or a finer one folded into it.
    /// </summary>
    private static IEnumerable<(long Now, int Asset, string Interval, long Ms, CandleSeries Series)> InProgressCases(MarketView market, bool native)
    {
        foreach (var now in Instants())
        {
            foreach (var coin in market.Data.Coins)
            {
                var id = market.FindAsset(coin)!.Value;
                foreach (var interval in Intervals)
                {
                    var ms = CandleIntervalNames.Milliseconds(interval);
                    if (Finest(market.Data, coin, ms, now) is { } series && (series.IntervalMs == ms) == native)
                    {
                        yield return (now, id, interval, ms, series);
                    }
                }
            }
        }
    }

    [Fact]
    public void KeptBuilder_AskedForwardBackAndAcrossCoins_AnswersAsAFreshBuilder_ScaleIncluded()
    {
        // A later instant in the same finer candle, the next step, the next candle, an earlier instant again, another coin
        // in between, the interval's name as another string instance, and an unknown interval: each the answer of a
        // builder that keeps nothing.
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var kept = new CandleBuilder(market);
        var btc = market.FindAsset("BTC")!.Value;
        var eth = market.FindAsset("ETH")!.Value;
        var start = new DateTimeOffset(2025, 7, 22, 3, 57, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        long[] times = [start, start + 1_000, start + 3_000, start + 61_000, start + 250_000, start, start + 14_400_000 - 1, start + 14_400_000 + 3_000, start + 1_000];
        var bars = 0;
        foreach (var now in times)
        {
            foreach (var asset in new[] { btc, eth, btc })
            {
                foreach (var interval in new[] { "3m", "4h", string.Concat("3", "m"), "15m", "1M", "7m" })
                {
                    var ms = CandleIntervalNames.TryGetMilliseconds(interval, out var length) ? length : 3_600_000;
                    var expected = new CandleBuilder(market).Build(asset, interval, now - (2 * ms), now, now);
                    var actual = kept.Build(asset, interval, now - (2 * ms), now, now);
                    Assert.Equal(string.Join(";", expected), string.Join(";", actual));
                    bars += actual.Count;
                }
            }
        }

        Assert.True(bars > 100, $"compared {bars} candles");
    }

    [Fact]
    public void Build_IntoAReusedList_AppendsTheSameCandles()
    {
        var market = new MarketView(MarketDataSet.Embedded, "5m", new BookOptions());
        var builder = new CandleBuilder(market);
        var id = market.FindAsset("ETH")!.Value;
        var now = new DateTimeOffset(2025, 7, 23, 10, 0, 7, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var list = new List<CandleBar> { default };
        builder.Build(id, "3m", now - 600_000, now, now, list);
        Assert.Equal(default, list[0]);
        Assert.Equal(string.Join(";", new CandleBuilder(market).Build(id, "3m", now - 600_000, now, now)), string.Join(";", list.Skip(1)));
        Assert.True(list.Count > 3);
    }

    /// <summary>Instants every 3 min plus an offset, from 07-10 (5m data only) to 07-26 (1m data).</summary>
    private static IEnumerable<long> Instants()
    {
        var from = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(2025, 7, 26, 4, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var k = 0;
        for (var t = from; t < to; t += 97 * 180_000)
        {
            yield return t + Offsets[k++ % Offsets.Length];
        }
    }

    /// <summary>The finest native series dividing <paramref name="intervalMs"/> that covers <paramref name="nowMs"/> and has the interval's open.</summary>
    private static CandleSeries? Finest(MarketDataSet data, string coin, long intervalMs, long nowMs)
    {
        foreach (var name in data.NativeIntervals(coin))
        {
            var ms = CandleIntervalNames.Milliseconds(name);
            var series = data.Candles(coin, name)!;
            var open = nowMs - (nowMs % intervalMs);
            if (ms <= intervalMs && intervalMs % ms == 0 && series.IndexContaining(nowMs) >= 0
                && series.FirstIndexAtOrAfter(open) is var from && from <= series.IndexContaining(nowMs) && series.OpenTime(from) == open)
            {
                return series;
            }
        }

        return null;
    }

    /// <summary>The candle in progress as it was computed before anything was shared: the mark, its range, each rounded.</summary>
    private static CandleBar UncachedPartial(CandleSeries series, int index, long nowMs, int szDecimals)
    {
        var close = MarkPath.PriceAt(series, index, nowMs);
        var (high, low) = MarkPath.RangeUntil(series, index, nowMs);
        var fraction = (decimal)(nowMs - series.OpenTime(index)) / series.IntervalMs;
        return new CandleBar(
            series.OpenTime(index),
            series.Open(index),
            PriceMath.RoundToValid(high, szDecimals),
            PriceMath.RoundToValid(low, szDecimals),
            PriceMath.RoundToValid(close, szDecimals),
            PriceMath.RoundSizeDown(series.Volume(index) * fraction, szDecimals));
    }
}
