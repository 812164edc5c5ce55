using System.Globalization;
using System.Text.Json;
using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

/// <summary>
/// <c>float_to_wire.json</c> applied to decimals. A vector applies when its input is a number with at
/// most 8 decimals: the float function's 8-decimal rounding is then the identity, and our exact
/// <see cref="WireNumber.ToWire"/> must give the same text. The other cases are float-dialect artefacts,
/// each listed with why it does not apply and what we assert instead.
/// </summary>
public class WireNumberTests
{
    /// <summary>Python keeps the sign of a float zero ("-0"); a decimal price/size is never a signed zero, and we write zero as "0" (as the Rust SDK).</summary>
    private static readonly HashSet<(string Dialect, string Input)> SignedZero =
    [
        ("python", "-0.0"),
    ];

    /// <summary>
    /// Python rounds away float noise below 1e-12 (1e-13 → "0", -1e-13 → "-0", 0.30000000000000004 → "0.3").
    /// As decimals these inputs are exact numbers with more than 8 decimals: we write them exactly and the
    /// validity rules refuse them as prices or sizes; nothing is silently rounded.
    /// </summary>
    private static readonly HashSet<(string Dialect, string Input)> FloatNoise =
    [
        ("python", "1e-13"),
        ("python", "-1e-13"),
        ("python", "0.30000000000000004"),
    ];

    [Fact]
    public void ToWire_FloatToWireVectors_MatchWhereTheyApplyToDecimals()
    {
        using var vectors = DomainFixtures.Vectors("float_to_wire.json");
        var cases = vectors.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(46, cases.Count);
        var matched = 0;
        var refusedByPython = 0;
        var notApplicable = 0;
        foreach (var vector in cases)
        {
            var dialect = vector.GetProperty("dialect").GetString()!;
            var input = vector.GetProperty("input").GetString()!;
            var expected = vector.GetProperty("expected").GetString()!;
            var value = decimal.Parse(input, NumberStyles.Float, CultureInfo.InvariantCulture);
            var wire = WireNumber.ToWire(value);
            AssertCanonical(wire);
            Assert.Equal(value, decimal.Parse(wire, CultureInfo.InvariantCulture));

            if (expected == "ERROR")
            {
                // Python refuses more than 8 decimals; every price/size rule refuses them too (max 8 decimals, spot).
                Assert.True(DecimalDigits.Decimals(value) > 8, input);
                Assert.False(PriceGrid.IsValid(value, maxDecimals: 8), input);
                refusedByPython++;
            }
            else if (SignedZero.Contains((dialect, input)))
            {
                Assert.Equal("-0", expected);
                Assert.Equal("0", wire);
                notApplicable++;
            }
            else if (FloatNoise.Contains((dialect, input)))
            {
                Assert.True(DecimalDigits.Decimals(value) > 8, input);
                Assert.False(PriceGrid.IsValid(Math.Abs(value), maxDecimals: 8), input);
                notApplicable++;
            }
            else
            {
                Assert.True(DecimalDigits.Decimals(value) <= 8, input);
                Assert.Equal(expected, wire);
                matched++;
            }
        }

        Assert.Equal((38, 4, 4), (matched, refusedByPython, notApplicable));
    }

    [Fact]
    public void TryToScaledInteger_FloatToIntForHashingVectors_Match()
    {
        using var vectors = DomainFixtures.Vectors("float_to_wire.json");
        var cases = vectors.RootElement.GetProperty("floatToIntForHashing").GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(5, cases.Count);
        foreach (var vector in cases)
        {
            var value = decimal.Parse(vector.GetProperty("input").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            var expected = vector.GetProperty("expected").GetString()!;
            var ok = WireNumber.TryToScaledInteger(value, 8, out var scaled);
            if (expected == "ERROR")
            {
                Assert.False(ok);
            }
            else
            {
                Assert.True(ok);
                Assert.Equal(expected, scaled.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    [Theory]
    [InlineData("1", 1_000_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("12.345678", 12_345_678L)]
    [InlineData("-2.5", -2_500_000L)]
    [InlineData("1000.000000000", 1_000_000_000L)]
    [InlineData("0", 0L)]
    public void TryToMicroUsd_AtMostSixDecimals_IsExact(string usd, long expected)
    {
        Assert.True(WireNumber.TryToMicroUsd(decimal.Parse(usd, CultureInfo.InvariantCulture), out var micro));
        Assert.Equal(expected, micro);
    }

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("1.2345678")]
    [InlineData("9223372036854.775808")]
    [InlineData("79228162514264337593543950335")]
    public void TryToMicroUsd_SubMicroOrTooLarge_Refused(string usd) =>
        Assert.False(WireNumber.TryToMicroUsd(decimal.Parse(usd, CultureInfo.InvariantCulture), out _));

    [Theory]
    [InlineData("00.123", "0.123")]
    [InlineData("1.1000", "1.1")]
    [InlineData("2000.0", "2000")]
    [InlineData("-1.50", "-1.5")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void ToWire_Decimal_IsCanonical(string input, string expected)
    {
        Assert.True(WireNumber.TryParse(input, out var value));
        Assert.Equal(expected, WireNumber.ToWire(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("abc")]
    [InlineData("1e-8")]
    [InlineData("1,000")]
    [InlineData(" 1")]
    [InlineData(null)]
    public void TryParse_NotAPlainDecimal_False(string? text) => Assert.False(WireNumber.TryParse(text, out _));

    [Fact]
    public void ToWire_OtherCulture_StillInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = commaCulture;
            Assert.Equal("1234,5", 1234.5m.ToString(CultureInfo.CurrentCulture));
            Assert.Equal("1234.5", WireNumber.ToWire(1234.50m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    internal static void AssertCanonical(string wire)
    {
        Assert.DoesNotContain('E', wire);
        Assert.DoesNotContain('e', wire);
        Assert.DoesNotContain(',', wire);
        Assert.NotEqual("-0", wire);
        if (wire.Contains('.', StringComparison.Ordinal))
        {
            Assert.False(wire.EndsWith('0') || wire.EndsWith('.'), wire);
        }

        var digits = wire.TrimStart('-');
        Assert.False(digits.Length > 1 && digits[0] == '0' && digits[1] != '.', wire);
    }
}
