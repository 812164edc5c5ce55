using CsCheck;
using Halyard.Decisions.Baseline;

namespace Halyard.Tests.Decisions.Baseline;

public class PriceStepsTests
{
    [Theory]
    [InlineData(177.31234, 4, false, 177.31)]
    [InlineData(177.31234, 4, true, 177.32)]
    [InlineData(0.1987321, 6, false, 0.19873)]
    [InlineData(0.1987321, 6, true, 0.19874)]
    [InlineData(0.00012345678, 6, false, 0.000123)]
    [InlineData(113085.94, 1, false, 113085)]
    [InlineData(113085.94, 1, true, 113086)]
    [InlineData(3932.456, 2, true, 3932.5)]
    public void Round_KeepsFiveSignificantFiguresAndTheDecimalLimit(double price, int maxDecimals, bool up, double expected) =>
        Assert.Equal((decimal)expected, PriceSteps.Round((decimal)price, maxDecimals, up));

    [Fact]
    public void Round_AnyPrice_IsValidAndMovesOnlyInTheAskedDirection() =>
        Gen.Select(Gen.Decimal[0.000001m, 500_000m], Gen.Int[0, 6], Gen.Bool).Sample((price, maxDecimals, up) =>
        {
            var r = PriceSteps.Round(price, maxDecimals, up);
            Assert.True(up ? r >= price : r <= price);
            Assert.Equal(r, decimal.Round(r, maxDecimals));
            var digits = r.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
            Assert.True(decimal.Truncate(r) == r || digits.TrimEnd('0').Length <= 5, $"{r}");
        }, iter: 2000, seed: "0N0XIzNsQ0O2", threads: 1);
}
