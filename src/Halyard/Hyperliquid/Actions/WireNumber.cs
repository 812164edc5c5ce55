using System.Globalization;

namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// Checks that a price/size/amount string is already in the venue's canonical wire form
/// (<c>hyperliquid-protocol.md</c> §3.1): digits, an optional point followed by digits that do not end
/// in zero, no sign, no exponent, no leading zeros (<c>"0.1"</c>, <c>"30000"</c>, <c>"1670.1"</c>).
/// The formatter produces these strings; actions only refuse anything else.
/// </summary>
public static class WireNumber
{
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
