using CsCheck;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

public sealed class PriceMathTests
{
    [Theory]
    [InlineData("1234.5", 0, true)]
    [InlineData("1234.56", 2, false)]
    [InlineData("0.001234", 0, true)]
    [InlineData("0.0012345", 0, false)]
    [InlineData("0.01234", 1, true)]
    [InlineData("0.012345", 1, false)]
    [InlineData("123456", 0, true)]
    [InlineData("12345.6", 0, false)]
    [InlineData("123.456", 5, false)]
    [InlineData("107141", 5, true)]
    [InlineData("2000.0", 4, true)]
    public void IsValidPrice_ProtocolTable(string text, int szDecimals, bool expected) =>
        Assert.Equal(expected, PriceMath.IsValidPrice(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), szDecimals));

    [Theory]
    [InlineData(113080, "113080.0")]
    [InlineData(0.00022, "0.00022")]
    [InlineData(-592, "-592.0")]
    [InlineData(0, "0.0")]
    public void Format_VenueWireText(double value, string expected) => Assert.Equal(expected, PriceMath.Format((decimal)value));

    [Fact]
    public void FloorAndCeiling_AlwaysValidAndBracketTheInput()
    {
        Gen.Select(Gen.Decimal[0.00001m, 500_000m], Gen.Int[0, 5]).Sample((price, szDecimals) =>
        {
            var floor = PriceMath.FloorToValid(price, szDecimals);
            var ceiling = PriceMath.CeilingToValid(price, szDecimals);
            return PriceMath.IsValidPrice(floor, szDecimals) && PriceMath.IsValidPrice(ceiling, szDecimals)
                && ceiling >= price && (floor <= price || floor == PriceMath.Tick(floor, szDecimals))
                && ceiling - floor <= PriceMath.Tick(ceiling, szDecimals);
        });
    }

    [Fact]
    public void RoundToValid_IsValidAndWithinHalfATick()
    {
        Gen.Select(Gen.Decimal[0.001m, 200_000m], Gen.Int[0, 5]).Sample((price, szDecimals) =>
        {
            var rounded = PriceMath.RoundToValid(price, szDecimals);
            return PriceMath.IsValidPrice(rounded, szDecimals) && Math.Abs(rounded - price) <= PriceMath.Tick(price, szDecimals);
        });
    }

    [Fact]
    public void SignificantFigures_IgnoresTrailingZerosOfIntegers()
    {
        Assert.Equal(2, PriceMath.SignificantFigures(120000m));
        Assert.Equal(4, PriceMath.SignificantFigures(0.001234m));
        Assert.Equal(5, PriceMath.SignificantFigures(1234.50m));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("5.000")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-592")]
    [InlineData("0.000220")]
    [InlineData("113080.10")]
    [InlineData("-0.0000125")]
    public void AsParsed_Examples_EqualTheParseOfTheWireTextScaleIncluded(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        AssertSameAsParsed(value);
    }

    [Fact]
    public void AsParsed_AnyDecimal_EqualsTheParseOfTheWireTextScaleIncluded()
    {
        Gen.Decimal.Sample(value =>
        {
            AssertSameAsParsed(value);
        });
        Gen.Select(Gen.Long[-10_000_000_000L, 10_000_000_000L], Gen.Byte[0, 12]).Sample((mantissa, scale) =>
        {
            AssertSameAsParsed(new decimal(unchecked((int)(Math.Abs(mantissa) & 0xFFFFFFFF)), (int)(Math.Abs(mantissa) >> 32), 0, mantissa < 0, scale));
        });
    }

    [Fact]
    public void RoundToValid_AnyPrice_GivesTheBitsOfRoundingThePriceOverTheTick()
    {
        static void AssertSameBits(decimal price, int szDecimals)
        {
            var tick = PriceMath.Tick(price, szDecimals);
            var divided = PriceMath.Normalize(Math.Max(tick, decimal.Round(price / tick, MidpointRounding.AwayFromZero) * tick));
            Assert.Equal(decimal.GetBits(divided), decimal.GetBits(PriceMath.RoundToValid(price, szDecimals)));
        }

        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Byte[0, 28], Gen.Int[0, 5]).Sample((mantissa, scale, szDecimals) =>
            AssertSameBits(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, scale), szDecimals));
        Gen.Select(Gen.Int, Gen.Int, Gen.Int[1, int.MaxValue], Gen.Byte[20, 28], Gen.Int[0, 5]).Sample((lo, mid, hi, scale, szDecimals) =>
            AssertSameBits(new decimal(lo, mid, hi, false, scale), szDecimals));
        foreach (var price in (decimal[])[0.5m, 1.5m, 2.5m, 0.000125m, 9999.5m, 10_000m, 10_000.5m, 123_456.5m, 0.00000001m, 1.23455m, 0.0123455m])
        {
            for (var szDecimals = 0; szDecimals <= 5; szDecimals++)
            {
                AssertSameBits(price, szDecimals);
            }
        }
    }

    [Fact]
    public void Normalize_AnyDecimal_GivesTheBitsOfTheDivisionByOne()
    {
        static void AssertSameBits(decimal value) =>
            Assert.Equal(decimal.GetBits(value / 1.000000000000000000000000000000000m), decimal.GetBits(PriceMath.Normalize(value)));

        Gen.Decimal.Sample(AssertSameBits);
        Gen.Select(Gen.Int, Gen.Int, Gen.Int[0, 3], Gen.Bool, Gen.Byte[0, 28]).Sample((lo, mid, hi, negative, scale) =>
            AssertSameBits(new decimal(lo, mid, hi, negative, scale)));
        Gen.Select(Gen.Long[0, 10_000_000_000L], Gen.Int[0, 12], Gen.Bool, Gen.Byte[0, 28]).Sample((digits, zeros, negative, scale) =>
        {
            var mantissa = (UInt128)digits * UInt128.Parse("1" + new string('0', zeros), System.Globalization.CultureInfo.InvariantCulture);
            AssertSameBits(new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, scale));
        });
        foreach (var value in (decimal[])[0m, -0m, 0.000m, new decimal(0, 0, 0, true, 5), 1m, -1m, 100m, 1.50m, -2.500m, 0.0000000000000000000000000010m, decimal.MaxValue, decimal.MinValue, 79228162514264337593543950330m, 7.9228162514264337593543950330m])
        {
            AssertSameBits(value);
        }
    }

    /// <summary>Same value and same text (so the same scale) as <c>decimal.Parse(PriceMath.Format(value))</c>, the client's parse.</summary>
    private static void AssertSameAsParsed(decimal value)
    {
        var parsed = decimal.Parse(PriceMath.Format(value), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        var typed = PriceMath.AsParsed(value);
        Assert.Equal(parsed, typed);
        Assert.Equal(parsed.ToString(System.Globalization.CultureInfo.InvariantCulture), typed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
