using System.Globalization;
using Halyard.Domain;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

public class PriceGridTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    // maxDecimals, input, at-or-below, at-or-above
    [InlineData(6, "1234.56", "1234.5", "1234.6")]
    [InlineData(6, "9999.95", "9999.9", "10000")]
    [InlineData(6, "9999.99", "9999.9", "10000")]
    [InlineData(6, "10000.5", "10000", "10001")]
    [InlineData(6, "99999.5", "99999", "100000")]
    [InlineData(6, "123456.7", "123456", "123457")]
    [InlineData(6, "999999.9", "999999", "1000000")]
    [InlineData(6, "0.999995", "0.99999", "1")]
    [InlineData(6, "1.000001", "1", "1.0001")]
    [InlineData(6, "0.0012345", "0.001234", "0.001235")]
    [InlineData(6, "0.0000015", "0.000001", "0.000002")]
    [InlineData(6, "0.0000099", "0.000009", "0.00001")]
    [InlineData(1, "0.15", "0.1", "0.2")]
    [InlineData(1, "123.456", "123.4", "123.5")]
    [InlineData(1, "9.99", "9.9", "10")]
    [InlineData(0, "0.5", null, "1")]
    [InlineData(0, "1.5", "1", "2")]
    [InlineData(6, "0.0000005", null, "0.000001")]
    [InlineData(1, "0.05", null, "0.1")]
    [InlineData(4, "0.00009", null, "0.0001")]
    public void TryAtOrBelowAndAbove_OffGrid_NearestValidEachWay(int maxDecimals, string input, string? below, string above)
    {
        var price = D(input);
        Assert.False(PriceGrid.IsValid(price, maxDecimals));

        Assert.Equal(below is not null, PriceGrid.TryAtOrBelow(price, maxDecimals, out var down));
        if (below is not null)
        {
            Assert.Equal(below, WireNumber.ToWire(down));
        }

        Assert.True(PriceGrid.TryAtOrAbove(price, maxDecimals, out var up));
        Assert.Equal(above, WireNumber.ToWire(up));
    }

    [Theory]
    [InlineData(6, "0.000001")]
    [InlineData(6, "1")]
    [InlineData(6, "10")]
    [InlineData(6, "100000")]
    [InlineData(6, "1000000")]
    [InlineData(6, "123456789")]
    [InlineData(6, "12345")]
    [InlineData(6, "1234.5")]
    [InlineData(6, "0.12345")]
    [InlineData(1, "0.1")]
    [InlineData(0, "7")]
    [InlineData(2, "0.0100")]
    public void TryAtOrBelowAndAbove_Valid_Unchanged(int maxDecimals, string input)
    {
        var price = D(input);
        Assert.True(PriceGrid.IsValid(price, maxDecimals));
        Assert.True(PriceGrid.TryAtOrBelow(price, maxDecimals, out var down));
        Assert.True(PriceGrid.TryAtOrAbove(price, maxDecimals, out var up));
        Assert.Equal(price, down);
        Assert.Equal(price, up);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.5")]
    public void Grid_NotPositive_InvalidAndNoNeighbour(string input)
    {
        var price = D(input);
        Assert.False(PriceGrid.IsValid(price, 6));
        Assert.False(PriceGrid.TryAtOrBelow(price, 6, out _));
        Assert.False(PriceGrid.TryAtOrAbove(price, 6, out _));
    }

    [Theory]
    [InlineData(6, "123.45", "0.01")]
    [InlineData(6, "12345.6", "1")]
    [InlineData(6, "999999", "1")]
    [InlineData(6, "0.0000005", "0.000001")]
    [InlineData(6, "0.00123", "0.000001")]
    [InlineData(6, "0.0123", "0.000001")]
    [InlineData(6, "0.123", "0.00001")]
    [InlineData(1, "0.123", "0.1")]
    [InlineData(1, "1.23", "0.1")]
    public void Step_Price_IsGridSpacingOfItsDecade(int maxDecimals, string input, string step) =>
        Assert.Equal(D(step), PriceGrid.Step(D(input), maxDecimals));

    [Fact]
    public void InstrumentRules_BtcLike_UsesSixMinusSzDecimals()
    {
        var btc = new InstrumentRules("BTC", 0, SzDecimals: 5, MaxLeverage: 40);
        Assert.Equal(1, btc.MaxPriceDecimals);
        Assert.True(btc.IsValidPrice(113080.0m));
        Assert.False(btc.IsValidPrice(1234.56m));
        Assert.Equal(0.1m, btc.MinimumPrice);
        Assert.Equal(0.00001m, btc.MinimumSize);
        Assert.True(btc.IsValidSize(0.00001m));
        Assert.False(btc.IsValidSize(0.000001m));
        Assert.False(btc.IsValidSize(0m));
        Assert.True(btc.TryPriceAtOrBelow(0.19m, out var down));
        Assert.Equal(0.1m, down);
        Assert.False(btc.TryPriceAtOrBelow(0.09m, out _));
    }
}
