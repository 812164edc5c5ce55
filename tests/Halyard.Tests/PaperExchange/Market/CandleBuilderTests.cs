using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary><c>candleSnapshot</c> never shows the future: the candle in progress is built from the path up to now.</summary>
public sealed class CandleBuilderTests
{
    [Fact]
    public async Task InProgressCandle_ClosesAtTheCurrentMarkAndHidesTheRestOfTheHour()
    {
        using var h = new PaperHarness(start: T0.AddMinutes(20));
        var candles = await Snapshot(h, "1h", T0.AddHours(-3), T0.AddHours(5));
        Assert.Equal(4, candles.Length);
        var current = candles[^1];
        Assert.Equal(T0.ToUnixTimeMilliseconds(), current.GetProperty("t").GetInt64());
        Assert.Equal(T0.AddHours(1).ToUnixTimeMilliseconds() - 1, current.GetProperty("T").GetInt64());
        Assert.Equal(await h.MidAsync("BTC"), Dec(current.GetProperty("c")), 0);
        var fiveMinute = MarketDataSet5m();
        var start = fiveMinute.IndexContaining(T0.ToUnixTimeMilliseconds());
        var highSoFar = Enumerable.Range(start, 4).Max(fiveMinute.High);
        Assert.True(Dec(current.GetProperty("h")) <= highSoFar);
        Assert.Equal("BTC", current.GetProperty("s").GetString());
        Assert.Equal("1h", current.GetProperty("i").GetString());
    }

    [Fact]
    public async Task DerivedInterval_FifteenMinutes_AggregatesTheFiveMinuteFile()
    {
        using var h = new PaperHarness();
        var bars = await Snapshot(h, "15m", T0.AddHours(-1), T0.AddMinutes(-1));
        Assert.Equal(4, bars.Length);
        var fiveMinute = MarketDataSet5m();
        var first = fiveMinute.IndexContaining(T0.AddHours(-1).ToUnixTimeMilliseconds());
        Assert.Equal(fiveMinute.Open(first), Dec(bars[0].GetProperty("o")));
        Assert.Equal(new[] { 0, 1, 2 }.Max(k => fiveMinute.High(first + k)), Dec(bars[0].GetProperty("h")));
        Assert.Equal(fiveMinute.Close(first + 2), Dec(bars[0].GetProperty("c")));
        Assert.Equal(new[] { 0, 1, 2 }.Sum(k => fiveMinute.Volume(first + k)), Dec(bars[0].GetProperty("v")));
    }

    [Fact]
    public async Task NativeInterval_FourHours_ServesTheFileFromItsStart()
    {
        using var h = new PaperHarness();
        var bars = await Snapshot(h, "4h", new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero), T0);
        Assert.Equal(5000, bars.Length); // capped at the most recent 5000 candles, like the venue
        Assert.Equal(T0.ToUnixTimeMilliseconds(), bars[^1].GetProperty("t").GetInt64());
    }

    [Fact]
    public async Task UnknownCoinOrInterval_EmptyArray()
    {
        using var h = new PaperHarness();
        Assert.Empty(await Snapshot(h, "1M", T0.AddDays(-90), T0));
        var unknown = await h.InfoAsync("{\"type\":\"candleSnapshot\",\"req\":{\"coin\":\"NOPE\",\"interval\":\"1h\",\"startTime\":0,\"endTime\":1}}");
        Assert.Equal(0, unknown.GetArrayLength());
    }

    [Fact]
    public void Build_OneBuilderAskedEveryThreeMinutes_AnswersAsAFreshBuilderDoes_ScaleIncluded()
    {
        // The builder keeps the completed part of a candle in progress and the finer candle in progress between
        // calls: across 4h and 1d boundaries its answers equal those of a builder that keeps nothing.
        var market = new Halyard.PaperExchange.Market.MarketView(Halyard.PaperExchange.Data.MarketDataSet.Embedded, "5m", new Halyard.PaperExchange.BookOptions());
        var kept = new Halyard.PaperExchange.Market.CandleBuilder(market);
        var btc = market.FindAsset("BTC")!.Value;
        var eth = market.FindAsset("ETH")!.Value;
        var checkedBars = 0;
        for (var now = T0.AddHours(-3).ToUnixTimeMilliseconds(); now < T0.AddHours(6).ToUnixTimeMilliseconds(); now += 180_000)
        {
            foreach (var asset in new[] { btc, eth })
            {
                foreach (var (interval, ms) in new[] { ("15m", 900_000L), ("1h", 3_600_000L), ("4h", 14_400_000L), ("1d", 86_400_000L) })
                {
                    var expected = new Halyard.PaperExchange.Market.CandleBuilder(market).Build(asset, interval, now - (2 * ms), now, now);
                    var actual = kept.Build(asset, interval, now - (2 * ms), now, now);
                    Assert.Equal(string.Join(";", expected), string.Join(";", actual));
                    checkedBars += actual.Count;
                }
            }
        }

        Assert.True(checkedBars > 1000);
    }

    private static Halyard.PaperExchange.Data.CandleSeries MarketDataSet5m() =>
        Halyard.PaperExchange.Data.MarketDataSet.Embedded.Candles("BTC", "5m")!;

    private static async Task<System.Text.Json.JsonElement[]> Snapshot(PaperHarness h, string interval, DateTimeOffset start, DateTimeOffset end) =>
        [.. (await h.InfoAsync("{\"type\":\"candleSnapshot\",\"req\":{\"coin\":\"BTC\",\"interval\":\"" + interval + "\",\"startTime\":"
            + start.ToUnixTimeMilliseconds() + ",\"endTime\":" + end.ToUnixTimeMilliseconds() + "}}")).EnumerateArray()];
}
