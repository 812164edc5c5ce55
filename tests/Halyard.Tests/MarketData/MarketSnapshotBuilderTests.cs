using Halyard.Domain;
using Halyard.MarketData;
using Halyard.Tests.MarketData.Support;

namespace Halyard.Tests.MarketData;

public class MarketSnapshotBuilderTests
{
    private const long HourMs = 3_600_000;

    private static readonly MarketSnapshotOptions Options = new();

    private static AssetContext Context(decimal? mid, decimal mark = 117_900m) =>
        new("BTC", mark, mid, 117_880m, 30_000m, 0.0000125m, 118_500m, 2_000_000_000m, -0.0001m);

    private static (IndicatorState Intraday, IndicatorState FourHour) Feed(IEnumerable<Candle> intraday, IEnumerable<Candle> fourHour)
    {
        var fast = Options.CreateState(CandleInterval.ThreeMinutes);
        var slow = Options.CreateState(CandleInterval.FourHours);
        foreach (var c in intraday)
        {
            fast.Apply(c);
        }

        foreach (var c in fourHour)
        {
            slow.Apply(c);
        }

        return (fast, slow);
    }

    [Fact]
    public void Build_RealCandles_PriceFromMidAndContextFields()
    {
        var (intraday, fourHour) = Feed(CandleFixtures.Load("BTC_3m.csv.gz"), CandleFixtures.Load("BTC_4h.csv.gz"));

        var snapshot = new MarketSnapshotBuilder(Options).Build(Context(mid: 117_905m), intraday, fourHour);

        Assert.Equal("BTC", snapshot.Coin);
        Assert.Equal(117_905m, snapshot.Price);
        Assert.Equal(117_900m, snapshot.MarkPrice);
        Assert.Equal(30_000m, snapshot.OpenInterest);
        Assert.Equal(0.0000125m, snapshot.Funding);
        Assert.Equal(30_000m * 117_900m, snapshot.OpenInterestUsd);
    }

    [Fact]
    public void Build_NoMid_PriceIsMark()
    {
        var (intraday, fourHour) = Feed(CandleFixtures.Load("BTC_3m.csv.gz"), CandleFixtures.Load("BTC_4h.csv.gz"));

        var snapshot = new MarketSnapshotBuilder(Options).Build(Context(mid: null), intraday, fourHour);

        Assert.Equal(117_900m, snapshot.Price);
    }

    [Fact]
    public void Build_RealCandles_SeriesAreTheLastTenOfBothTimeframes()
    {
        var fast = CandleFixtures.Load("BTC_3m.csv.gz");
        var slow = CandleFixtures.Load("BTC_4h.csv.gz");
        var (intraday, fourHour) = Feed(fast, slow);

        var snapshot = new MarketSnapshotBuilder(Options).Build(Context(mid: 117_905m), intraday, fourHour);

        Assert.Equal("3m", snapshot.Intraday.Interval);
        Assert.Equal("4h", snapshot.FourHour.Interval);
        Assert.Equal(10, snapshot.Intraday.Close.Count);
        SeriesAssert.Matches(NaiveIndicators.Compute(fast), snapshot.Intraday, "3m");
        SeriesAssert.Matches(NaiveIndicators.Compute(slow), snapshot.FourHour, "4h");
        Assert.True(snapshot.Intraday.IsWarm && snapshot.FourHour.IsWarm);
    }

    [Fact]
    public void Build_RealCandles_ChangesAgainstIntradayCloseOneAndFourHoursBeforeNewest()
    {
        var fast = CandleFixtures.Load("BTC_3m.csv.gz");
        var (intraday, fourHour) = Feed(fast, CandleFixtures.Load("BTC_4h.csv.gz"));
        var closeByOpen = fast.ToDictionary(c => c.OpenTimeMs, c => c.Close);
        var newest = fast[^1].OpenTimeMs;
        const decimal mid = 117_905m;

        var snapshot = new MarketSnapshotBuilder(Options).Build(Context(mid), intraday, fourHour);

        Assert.Equal(decimal.Round(((mid / closeByOpen[newest - HourMs]) - 1m) * 100m, 4), snapshot.Change1hPct);
        Assert.Equal(decimal.Round(((mid / closeByOpen[newest - (4 * HourMs)]) - 1m) * 100m, 4), snapshot.Change4hPct);
        Assert.Equal(fast[^21].Close, closeByOpen[newest - HourMs]); // 20 candles of 3m back
    }

    [Fact]
    public void Build_ThirtyIntradayCandles_OneHourChangeOnly()
    {
        var (intraday, fourHour) = Feed(CandleFixtures.Load("BTC_3m.csv.gz").Take(30), CandleFixtures.Load("BTC_4h.csv.gz"));

        var snapshot = new MarketSnapshotBuilder(Options).Build(Context(117_905m), intraday, fourHour);

        Assert.NotNull(snapshot.Change1hPct);
        Assert.Null(snapshot.Change4hPct);
        Assert.False(snapshot.Intraday.IsWarm);
        Assert.Contains(snapshot.Intraday.Ema50, double.IsNaN);
    }

    [Fact]
    public void Build_NoCandles_EmptySeriesAndNoChanges()
    {
        var snapshot = new MarketSnapshotBuilder(Options).Build(
            Context(117_905m), Options.CreateState(CandleInterval.ThreeMinutes), Options.CreateState(CandleInterval.FourHours));

        Assert.Empty(snapshot.Intraday.Close);
        Assert.Empty(snapshot.FourHour.Ema20);
        Assert.Null(snapshot.Change1hPct);
        Assert.False(snapshot.Intraday.IsWarm);
    }

    [Fact]
    public void Build_StatesOfWrongIntervals_Throws()
    {
        var builder = new MarketSnapshotBuilder(Options);
        var fiveMinutes = new IndicatorState(CandleInterval.FiveMinutes);
        var fourHour = Options.CreateState(CandleInterval.FourHours);

        Assert.Throws<ArgumentException>(() => builder.Build(Context(1m), fiveMinutes, fourHour));
        Assert.Throws<ArgumentException>(() => builder.Build(Context(1m), fourHour, fourHour));
    }

    [Theory]
    [InlineData("1m", 241)]
    [InlineData("3m", 81)]
    [InlineData("5m", 49)]
    [InlineData("1h", 10)]
    public void CandleCapacity_Intraday_CoversFourHoursOfHistory(string interval, int capacity)
    {
        var options = new MarketSnapshotOptions { Intraday = CandleInterval.Parse(interval) };
        options.Validate();
        Assert.Equal(capacity, options.CandleCapacity(options.Intraday));
        Assert.Equal(10, options.CandleCapacity(CandleInterval.FourHours));
    }

    [Fact]
    public void Validate_IntradayNotDividingAnHour_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new MarketSnapshotBuilder(new MarketSnapshotOptions { Intraday = CandleInterval.TwoHours }));
        Assert.Contains("Intraday = 2h", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeriesLengthZero_NamesTheOption() =>
        Assert.Contains(
            "SeriesLength = 0",
            Assert.Throws<ArgumentException>(() => new MarketSnapshotOptions { SeriesLength = 0 }.Validate()).Message,
            StringComparison.Ordinal);
}
