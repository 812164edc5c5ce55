namespace Halyard.Domain.Precision;

/// <summary>
/// Exact digit counting on <see cref="decimal"/> (never through <see cref="double"/>). Every count is
/// taken on the normalised value: trailing zeros after the point do not count (<c>1.1000</c> has one
/// decimal), so the answer depends on the number, not on how it was written.
/// </summary>
public static class DecimalDigits
{
    /// <summary>Decimal places of the value without trailing zeros (<c>0.00120</c> → 4, <c>1200</c> → 0).</summary>
    public static int Decimals(decimal value) => Normalise(value).Scale;

    /// <summary>
    /// Significant figures: from the first non-zero digit to the last non-zero digit
    /// (<c>0.001234</c> → 4, <c>1234.5</c> → 5, <c>1200</c> → 2, <c>0</c> → 0).
    /// </summary>
    public static int SignificantFigures(decimal value) => DigitCount(Normalise(value, stripIntegerZeros: true).Mantissa);

    /// <summary>
    /// The decade of a non-zero value: ⌊log10 |value|⌋, exactly (<c>1</c> → 0, <c>9.99</c> → 0,
    /// <c>10</c> → 1, <c>0.001</c> → −3).
    /// </summary>
    public static int Decade(decimal value)
    {
        if (value == 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Zero has no decade.");
        }

        var (mantissa, scale) = Normalise(value);
        return DigitCount(mantissa) - 1 - scale;
    }

    /// <summary>10^exponent as an exact decimal, for −28 ≤ exponent ≤ 28.</summary>
    public static decimal Pow10(int exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exponent, -28);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 28);
        if (exponent < 0)
        {
            return new decimal(1, 0, 0, false, (byte)-exponent);
        }

        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <summary>The value with trailing zeros after the point removed (<c>1.1000</c> → <c>1.1</c>, <c>-0.0</c> → <c>0</c>).</summary>
    public static decimal StripTrailingZeros(decimal value)
    {
        if (value == 0m)
        {
            return 0m;
        }

        var (mantissa, scale) = Normalise(value);
        var lo = (int)(uint)mantissa;
        var mid = (int)(uint)(mantissa >> 32);
        var hi = (int)(uint)(mantissa >> 64);
        return new decimal(lo, mid, hi, value < 0m, (byte)scale);
    }

    /// <summary>The absolute value as mantissa × 10^−scale with no trailing zeros after the point.</summary>
    private static (UInt128 Mantissa, int Scale) Normalise(decimal value, bool stripIntegerZeros = false)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0)
        {
            // Fast path: the mantissa fits 64 bits (every realistic price and size).
            var small = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            if (small == 0)
            {
                return (0, 0);
            }

            while ((scale > 0 || stripIntegerZeros) && small % 10 == 0)
            {
                small /= 10;
                scale--;
            }

            return (small, scale);
        }

        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while ((scale > 0 || stripIntegerZeros) && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return (mantissa, scale);
    }

    private static int DigitCount(UInt128 mantissa)
    {
        var count = 0;
        while (mantissa > ulong.MaxValue)
        {
            mantissa /= 10;
            count++;
        }

        var small = (ulong)mantissa;
        var power = 1UL;
        while (small >= power)
        {
            count++;
            if (power > ulong.MaxValue / 10)
            {
                break;
            }

            power *= 10;
        }

        return count;
    }
}
