using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Halyard.Domain.Precision;

/// <summary>
/// The canonical text of a number on the Hyperliquid wire, and the integer encodings of amounts.
/// Works on <see cref="decimal"/> only: the value is written exactly, so the float rounding guards
/// of the Python SDK (<c>float_to_wire</c>) have nothing to guard against here.
/// </summary>
public static class WireNumber
{
    private const NumberStyles WireStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>
    /// The canonical wire text: invariant culture, no exponent, no thousands separator, no trailing
    /// zeros after the point, no trailing point, no leading zeros, and zero always as <c>0</c>
    /// (never <c>-0</c>). <c>1.1000</c> → <c>1.1</c>; <c>2000.0</c> → <c>2000</c>.
    /// </summary>
    public static string ToWire(decimal value) =>
        DecimalDigits.StripTrailingZeros(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a plain decimal string (optional leading minus, digits, optional point and digits),
    /// as the venue writes prices and sizes. No exponent, whitespace, thousands separator or culture.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out decimal value) =>
        decimal.TryParse(text, WireStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// A USD amount as integer micro-USD (Python <c>float_to_usd_int</c>: 1 USDC → 1 000 000), as used by
    /// <c>updateIsolatedMargin.ntli</c>. False when the amount has more than 6 decimals (sub-micro
    /// precision is refused, never rounded) or does not fit a <see cref="long"/>.
    /// </summary>
    public static bool TryToMicroUsd(decimal usd, out long microUsd)
    {
        microUsd = 0;
        if (!TryToScaledInteger(usd, 6, out var scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        microUsd = (long)scaled;
        return true;
    }

    /// <summary>
    /// value × 10^<paramref name="power"/> as an integer (Python <c>float_to_int(x, power)</c>; power 8 is
    /// <c>float_to_int_for_hashing</c>). False when the product is not an integer or overflows: where
    /// Python tolerates an error below 1e-3 from float noise, a decimal has none, so any remainder is refused.
    /// </summary>
    public static bool TryToScaledInteger(decimal value, int power, out Int128 scaled)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, 18);
        scaled = 0;
        var factor = DecimalDigits.Pow10(power);
        if (Math.Abs(value) > decimal.MaxValue / factor)
        {
            return false;
        }

        var product = value * factor;
        if (product != decimal.Truncate(product))
        {
            return false;
        }

        scaled = (Int128)product;
        return true;
    }
}
