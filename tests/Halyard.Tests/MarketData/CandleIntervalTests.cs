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

    [Theory]
    [InlineData(0, 20)]
    [InlineData(59, 20)]
    [InlineData(60, 21)]
    [InlineData(300, 25)]
    [InlineData(5000, 103)]
    public void CandleSnapshotWeight_For_TwentyPlusOnePerSixty(int candles, int weight) =>
        Assert.Equal(weight, CandleSnapshotWeight.For(candles));
}
