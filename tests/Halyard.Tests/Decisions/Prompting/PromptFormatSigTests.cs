using System.Globalization;
using Halyard.Decisions.Prompting;

namespace Halyard.Tests.Decisions.Prompting;

/// <summary>
/// <see cref="PromptFormat.Sig"/> writes a rounded double from its integer count of units (ninth round) instead of through
/// the custom format <c>0.########</c>: the same text for every value, compared with the format itself.
/// </summary>
public sealed class PromptFormatSigTests
{
    /// <summary>The text as written before: rounded, then the custom format.</summary>
    private static string Reference(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "n/a";
        }

        var magnitude = value == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        var decimals = Math.Clamp(5 - magnitude, 0, 8);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.########", CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Sig_ValuesOfEveryMagnitude_WriteWhatTheCustomFormatWrites()
    {
        var random = new Random(20261203);
        for (var i = 0; i < 400_000; i++)
        {
            var value = Math.Pow(10, (random.NextDouble() * 36) - 18) * (random.Next(2) == 0 ? -1 : 1);
            Assert.Equal(Reference(value), PromptFormat.Sig(value));
        }
    }

    [Fact]
    public void Sig_PricesAndIndicatorsWithFewDigits_WriteWhatTheCustomFormatWrites()
    {
        // Values on and next to the rounding midpoints, as prices and indicators have them (few digits, ticks).
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var decimals = random.Next(0, 12);
            var count = random.NextInt64(1, 10_000_000_000);
            var value = (count + (random.Next(3) == 0 ? 0.5 : 0)) / Math.Pow(10, decimals);
            foreach (var v in new[] { value, -value, Math.BitIncrement(value), Math.BitDecrement(value) })
            {
                Assert.Equal(Reference(v), PromptFormat.Sig(v));
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(-1e-9)]
    [InlineData(0.000000005)]
    [InlineData(-0.000000005)]
    [InlineData(99999.5)]
    [InlineData(0.000099999995)]
    [InlineData(123456789012345.0)]
    [InlineData(999999999999999.5)]
    [InlineData(1e15)]
    [InlineData(-1.2345e17)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3.14159)]
    [InlineData(-42.0)]
    [InlineData(61234.56)]
    public void Sig_EdgeValues_WriteWhatTheCustomFormatWrites(double value) => Assert.Equal(Reference(value), PromptFormat.Sig(value));

    [Fact]
    public void Sig_NegativeZero_WritesWhatTheCustomFormatWrites() => Assert.Equal(Reference(-0.0), PromptFormat.Sig(-0.0));
}
