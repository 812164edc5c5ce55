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
}
