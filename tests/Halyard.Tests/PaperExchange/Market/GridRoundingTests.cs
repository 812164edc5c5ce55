using CsCheck;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

/// <summary>
/// <see cref="PriceMath.FloorToValid"/> and <see cref="PriceMath.CeilingToValid"/> round to the tick's decimals instead of
/// dividing by the tick: the same value with the same digits as floor/ceiling(price / tick) × tick, normalized.
/// </summary>
public sealed class GridRoundingTests
{
    private static readonly long Start = new DateTimeOffset(2025, 7, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>The computation without the shortcut: divide by the tick, floor, multiply back (as before).</summary>
    private static decimal DividedFloor(decimal price, int szDecimals)
    {
        var tick = PriceMath.Tick(price, szDecimals);
        var floored = decimal.Floor(price / tick) * tick;
        return floored > 0 ? PriceMath.Normalize(floored) : tick;
    }

    private static decimal DividedCeiling(decimal price, int szDecimals)
    {
        var tick = PriceMath.Tick(price, szDecimals);
        return PriceMath.Normalize(decimal.Ceiling(price / tick) * tick);
    }

    private static void AssertSame(decimal price, int szDecimals)
    {
        var floor = PriceMath.FloorToValid(price, szDecimals);
        var expectedFloor = DividedFloor(price, szDecimals);
        Assert.True(floor == expectedFloor && floor.Scale == expectedFloor.Scale, $"floor of {price} ({szDecimals}): {floor} against {expectedFloor}");
        var ceiling = PriceMath.CeilingToValid(price, szDecimals);
        var expectedCeiling = DividedCeiling(price, szDecimals);
        Assert.True(ceiling == expectedCeiling && ceiling.Scale == expectedCeiling.Scale, $"ceiling of {price} ({szDecimals}): {ceiling} against {expectedCeiling}");
    }

    [Fact]
    public void BookTopPrices_OfTheBundledMarks_TheSameAsDividingByTheTick()
    {
        var options = new BookOptions();
        var market = new MarketView(MarketDataSet.Embedded, "5m", options);
        var checkedPrices = 0;
        for (var id = 0; id < market.AssetCount; id++)
        {
            var szDecimals = market.Asset(id).SzDecimals;
            for (var t = Start; t < Start + MarketView.DayMs; t += 61_000)
            {
                if (market.Mark(id, t) is not { } mark)
                {
                    continue;
                }

                // What the synthetic book rounds: the mark itself and the mark ± half the spread (full 28-digit scales).
                var halfSpread = mark * options.SpreadBps / 20_000m;
                AssertSame(mark, szDecimals);
                AssertSame(mark - halfSpread, szDecimals);
                AssertSame(mark + halfSpread, szDecimals);
                checkedPrices += 3;
            }
        }

        Assert.True(checkedPrices > 1_000, "the embedded data set has marks");
    }

    [Fact]
    public void AnyPriceAndDecimals_TheSameAsDividingByTheTick()
    {
        Gen.Select(Gen.Decimal[0.0000001m, 900_000m], Gen.Int[0, 8]).Sample((price, szDecimals) => AssertSame(price, szDecimals), iter: 20_000);
        foreach (var price in new[] { 0.0000000001m, 0.00001m, 0.99999m, 1m, 9.99995m, 10_000m, 9_999.95m, 123_456.789m, 79_228_162_514m, 1.000000000000000000000000001m })
        {
            for (var szDecimals = 0; szDecimals <= 8; szDecimals++)
            {
                AssertSame(price, szDecimals);
            }
        }
    }
}
