using Halyard.MarketData;

namespace Halyard.Tests.MarketData;

public class CandleIntervalTests
{
    [Theory]
    [InlineData("1m", 60_000L)]
    [InlineData("3m", 180_000L)]
    [InlineData("15m", 900_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("1w", 604_800_000L)]
    public void Parse_VenueName_HasItsLength(string name, long ms)
    {
        var interval = CandleInterval.Parse(name);
        Assert.Equal(ms, interval.Milliseconds);
        Assert.Equal(name, interval.ToString());
        Assert.Same(interval, CandleInterval.Parse(name));
    }

    [Fact]
    public void Equality_ByNameAndLength_CopiesIncluded_HashByLength()
    {
        var copy = CandleInterval.ThreeMinutes with { };
        Assert.NotSame(CandleInterval.ThreeMinutes, copy);
        Assert.Equal(CandleInterval.ThreeMinutes, copy);
        Assert.True(CandleInterval.ThreeMinutes == copy);
        Assert.Equal(CandleInterval.ThreeMinutes.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(CandleInterval.ThreeMinutes, CandleInterval.FiveMinutes);
        Assert.False(CandleInterval.ThreeMinutes.Equals(null));
        var keyed = new Dictionary<(string, CandleInterval), int> { [("BTC", CandleInterval.FourHours)] = 1 };
        Assert.Equal(1, keyed[("BTC", CandleInterval.FourHours with { })]);
        Assert.False(keyed.ContainsKey(("BTC", CandleInterval.OneHour)));
    }

    [Theory]
    [InlineData("1M")]
    [InlineData("4H")]
    [InlineData("7m")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownOrMonth_ReturnsFalse(string? name) => Assert.False(CandleInterval.TryParse(name, out _));

    [Fact]
    public void Parse_Unknown_ThrowsListingAllowed() =>
        Assert.Contains("3m", Assert.Throws<FormatException>(() => CandleInterval.Parse("2m")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(1_753_502_400_000L, 1_753_502_400_000L)] // 2025-07-26T04:00:00Z, on the grid
    [InlineData(1_753_502_400_001L, 1_753_502_400_000L)]
    [InlineData(1_753_516_799_999L, 1_753_502_400_000L)] // one ms before 08:00
    public void FloorMs_FourHours_OpenTimeOfContainingCandle(long time, long open) =>
        Assert.Equal(open, CandleInterval.FourHours.FloorMs(time));

    /// <summary>One division from the epoch on: the same open times as the floor that works for any sign.</summary>
    [Fact]
    public void FloorMs_EveryIntervalAndSign_EqualsTheFloorForAnySign()
    {
        var random = new Random(7);
        foreach (var name in (string[])["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w"])
        {
            var interval = CandleInterval.Parse(name);
            var ms = interval.Milliseconds;
            foreach (var time in (long[])[0, 1, -1, ms - 1, ms, ms + 1, -ms, -ms - 1, -ms + 1, 1_753_502_400_000L, 1_753_516_799_999L, long.MaxValue, long.MinValue + ms])
            {
                Assert.Equal(time - (((time % ms) + ms) % ms), interval.FloorMs(time));
            }

            for (var i = 0; i < 1_000; i++)
            {
                var time = random.NextInt64(-2_000_000_000_000L, 2_000_000_000_000L);
                Assert.Equal(time - (((time % ms) + ms) % ms), interval.FloorMs(time));
            }
        }
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(59, 20)]
    [InlineData(60, 21)]
    [InlineData(300, 25)]
    [InlineData(5000, 103)]
    public void CandleSnapshotWeight_For_TwentyPlusOnePerSixty(int candles, int weight) =>
        Assert.Equal(weight, CandleSnapshotWeight.For(candles));

    [Theory]
    [InlineData(0L, 179_999L, 20)] // one 3m candle
    [InlineData(0L, 59L * 180_000, 21)] // 60 candles, both ends on the grid
    [InlineData(1L, 60L * 180_000, 21)] // the candle at 0 opened before the window: 60 again
    [InlineData(100L, 50L, 20)]
    public void CandleSnapshotWeight_ForWindow_CountsOpenTimesInside(long start, long end, int weight) =>
        Assert.Equal(weight, CandleSnapshotWeight.ForWindow(CandleInterval.ThreeMinutes, start, end));

    [Fact]
    public void CandleSnapshotWeight_ForWindow_AgreesWithTheCachePlan()
    {
        var request = new CandleRequest("BTC", CandleInterval.FourHours, 0, 299L * 14_400_000 + 5, 300, IsInitial: true);
        Assert.Equal(request.ExpectedWeight, CandleSnapshotWeight.ForWindow(request.Interval, request.StartMs, request.EndMs));
    }
}
