using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

public sealed class MarkPathTests
{
    private const long FiveMinutes = 300_000;

    [Fact]
    public void PriceAt_OpenNearerToLow_VisitsLowThenHighThenClose()
    {
        var series = Series((100m, 104m, 99m, 103m), (103m, 103m, 103m, 103m));
        Assert.Equal(100m, MarkPath.PriceAt(series, 0, 0));
        Assert.Equal(99m, MarkPath.PriceAt(series, 0, FiveMinutes / 4));
        Assert.Equal(104m, MarkPath.PriceAt(series, 0, FiveMinutes / 2));
        Assert.Equal(103m, MarkPath.PriceAt(series, 0, 3 * FiveMinutes / 4));
        Assert.Equal(101.4m, MarkPath.PriceAt(series, 0, 3 * FiveMinutes / 8)); // 112.5 s: the step of 111 s, 36/75 of the way from low to high
    }

    [Fact]
    public void PriceAt_MovesInThreeSecondSteps()
    {
        var series = Series((100m, 104m, 99m, 103m));
        var step = MarkPath.PriceAt(series, 0, 111_000);
        Assert.Equal(step, MarkPath.PriceAt(series, 0, 113_999));
        Assert.NotEqual(step, MarkPath.PriceAt(series, 0, 114_000));
        Assert.Equal(111_000, MarkPath.StepStart(113_999));
    }

    [Fact]
    public void PriceAt_OpenNearerToHigh_VisitsHighFirst()
    {
        var series = Series((100m, 101m, 95m, 96m));
        Assert.Equal(101m, MarkPath.PriceAt(series, 0, FiveMinutes / 4));
        Assert.Equal(95m, MarkPath.PriceAt(series, 0, FiveMinutes / 2));
    }

    [Fact]
    public void PriceAt_LastQuarterHoldsTheClose_AndTheNextCandleGapsToItsOpen()
    {
        var series = Series((100m, 104m, 99m, 103m), (105m, 106m, 104m, 105m));
        Assert.Equal(103m, MarkPath.PriceAt(series, 0, (7 * FiveMinutes) / 8));
        Assert.Equal(103m, MarkPath.PriceAt(series, 0, FiveMinutes - 1));
        Assert.Equal(105m, MarkPath.PriceAt(series, 1, FiveMinutes));
    }

    [Fact]
    public void RangeUntil_OnlySeesThePathSoFar()
    {
        var series = Series((100m, 104m, 99m, 103m));
        Assert.Equal((100m, 99.52m), MarkPath.RangeUntil(series, 0, FiveMinutes / 8)); // the step of 36 s
        Assert.Equal((104m, 99m), MarkPath.RangeUntil(series, 0, FiveMinutes / 2));
    }

    [Fact]
    public void PriceAt_AlwaysInsideTheCandleRange()
    {
        var candles = MarketDataSet.Embedded.Candles("ETH", "5m")!;
        for (var i = 1000; i < 1100; i++)
        {
            for (var t = candles.OpenTime(i); t < candles.OpenTime(i) + (3 * FiveMinutes / 4); t += 7_000)
            {
                Assert.InRange(MarkPath.PriceAt(candles, i, t), candles.Low(i), candles.High(i));
            }
        }
    }

    [Fact]
    public void PriceAtAndRangeUntil_EveryStepOfRealCandles_AreThePathFormulaBitForBit()
    {
        var candles = MarketDataSet.Embedded.Candles("ETH", "5m")!;
        for (var i = 1000; i < 1300; i++)
        {
            for (var t = candles.OpenTime(i); t < candles.OpenTime(i) + FiveMinutes; t += 1_500)
            {
                Assert.Equal(decimal.GetBits(ReferencePriceAt(candles, i, t)), decimal.GetBits(MarkPath.PriceAt(candles, i, t)));
                var (high, low) = MarkPath.RangeUntil(candles, i, t);
                var reference = ReferenceRangeUntil(candles, i, t);
                Assert.Equal(decimal.GetBits(reference.High), decimal.GetBits(high));
                Assert.Equal(decimal.GetBits(reference.Low), decimal.GetBits(low));
            }
        }
    }

    /// <summary>The path as documented, point by point (each point decides low-first on its own).</summary>
    private static decimal ReferencePoint(CandleSeries series, int index, int point)
    {
        var (open, high, low) = (series.Open(index), series.High(index), series.Low(index));
        var lowFirst = open - low <= high - open;
        return point switch { 0 => open, 1 => lowFirst ? low : high, 2 => lowFirst ? high : low, _ => series.Close(index) };
    }

    private static decimal ReferencePriceAt(CandleSeries series, int index, long timeMs)
    {
        var quarterMs = series.IntervalMs / MarkPath.Quarters;
        var offset = Math.Max(0, MarkPath.StepStart(timeMs) - series.OpenTime(index));
        var point = (int)Math.Min(MarkPath.Quarters - 1, offset / quarterMs);
        var (from, to) = (ReferencePoint(series, index, point), ReferencePoint(series, index, point + 1));
        var within = offset - (point * quarterMs);
        var length = point == MarkPath.Quarters - 1 ? series.IntervalMs - (point * quarterMs) : quarterMs;
        return within == 0 || from == to ? from : from + ((to - from) * within / length);
    }

    private static (decimal High, decimal Low) ReferenceRangeUntil(CandleSeries series, int index, long timeMs)
    {
        var now = ReferencePriceAt(series, index, timeMs);
        var (high, low) = (now, now);
        for (var point = 0; point < MarkPath.Quarters && series.OpenTime(index) + (point * (series.IntervalMs / MarkPath.Quarters)) <= timeMs; point++)
        {
            high = Math.Max(high, ReferencePoint(series, index, point));
            low = Math.Min(low, ReferencePoint(series, index, point));
        }

        return (high, low);
    }

    internal static CandleSeries Series(params (decimal O, decimal H, decimal L, decimal C)[] bars) =>
        new("TEST", "5m", new CandleColumns(
            [.. bars.Select((_, i) => i * FiveMinutes)],
            [.. bars.Select(b => b.O)],
            [.. bars.Select(b => b.H)],
            [.. bars.Select(b => b.L)],
            [.. bars.Select(b => b.C)],
            [.. bars.Select(_ => 1m)]));
}
