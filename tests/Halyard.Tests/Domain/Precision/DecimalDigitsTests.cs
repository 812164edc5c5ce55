using System.Globalization;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

public class DecimalDigitsTests
{
    [Theory]
    [InlineData("1234.5", 1, 5)]
    [InlineData("1.1000", 1, 2)]
    [InlineData("0.001234", 6, 4)]
    [InlineData("0.0012340", 6, 4)]
    [InlineData("1200", 0, 2)]
    [InlineData("1200.00", 0, 2)]
    [InlineData("100000", 0, 1)]
    [InlineData("123456", 0, 6)]
    [InlineData("10.01", 2, 4)]
    [InlineData("0.000001", 6, 1)]
    [InlineData("-0.0500", 2, 1)]
    [InlineData("0", 0, 0)]
    [InlineData("0.000", 0, 0)]
    [InlineData("79228162514264337593543950335", 0, 29)]
    [InlineData("0.0000000000000000000000000001", 28, 1)]
    public void Counts_Value_IgnoresTrailingZeros(string text, int decimals, int sigfigs)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(decimals, DecimalDigits.Decimals(value));
        Assert.Equal(sigfigs, DecimalDigits.SignificantFigures(value));
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("9.9999", 0)]
    [InlineData("10", 1)]
    [InlineData("10.000", 1)]
    [InlineData("99999.99", 4)]
    [InlineData("100000", 5)]
    [InlineData("0.1", -1)]
    [InlineData("0.0999", -2)]
    [InlineData("0.000001", -6)]
    [InlineData("0.00000099", -7)]
    [InlineData("-250", 2)]
    public void Decade_Value_IsFloorLog10(string text, int decade) =>
        Assert.Equal(decade, DecimalDigits.Decade(decimal.Parse(text, CultureInfo.InvariantCulture)));

    [Fact]
    public void Decade_Zero_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => DecimalDigits.Decade(0m));

    [Theory]
    [InlineData(-6, "0.000001")]
    [InlineData(0, "1")]
    [InlineData(5, "100000")]
    [InlineData(28, "10000000000000000000000000000")]
    public void Pow10_Exponent_IsExact(int exponent, string expected) =>
        Assert.Equal(expected, DecimalDigits.Pow10(exponent).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void StripTrailingZeros_NegativeZero_IsPlainZero()
    {
        var negativeZero = new decimal(0, 0, 0, isNegative: true, scale: 3);
        Assert.Equal("0", DecimalDigits.StripTrailingZeros(negativeZero).ToString(CultureInfo.InvariantCulture));
    }
}
