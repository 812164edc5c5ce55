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

    /// <summary>
    /// Whether a price/size/amount string is already in the venue's canonical wire form
    /// (<c>hyperliquid-protocol.md</c> §3.1): digits, an optional point followed by digits that do not end
    /// in zero, no sign, no exponent, no leading zeros (<c>"0.1"</c>, <c>"30000"</c>, <c>"1670.1"</c>).
    /// The formatter produces these strings; actions only refuse anything else.
    /// </summary>
    public static bool IsCanonical(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? text.AsSpan() : text.AsSpan(0, point);
        if (integerPart.Length == 0 || !IsDigits(integerPart) || (integerPart.Length > 1 && integerPart[0] == '0'))
        {
            return false;
        }

        if (point < 0)
        {
            return true;
        }

        var fraction = text.AsSpan(point + 1);
        return fraction.Length > 0 && IsDigits(fraction) && fraction[^1] != '0';
    }

    /// <summary>Returns <paramref name="text"/> when canonical, otherwise throws (a bug in the caller).</summary>
    public static string Require(string text, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(text, parameterName);
        return IsCanonical(text)
            ? text
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a canonical wire number (no sign, exponent, leading or trailing zeros)."),
                parameterName);
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
