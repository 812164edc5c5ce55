using System.Globalization;

namespace Halyard.Tests.Domain.Precision;

/// <summary>
/// An independent oracle for the venue's rules, written on the invariant TEXT of the number (no shared
/// code with the production digit counting), used to check the production grid.
/// </summary>
internal static class ReferenceRule
{
    public static bool IsValidPrice(decimal price, int maxDecimals)
    {
        if (price <= 0m)
        {
            return false;
        }

        var (integerPart, fraction) = Split(price);
        if (fraction.Length == 0)
        {
            return true;
        }

        var significant = (integerPart + fraction).TrimStart('0');
        return significant.Length <= 5 && fraction.Length <= maxDecimals;
    }

    public static bool IsValidSize(decimal size, int szDecimals) => size > 0m && Split(size).Fraction.Length <= szDecimals;

    /// <summary>The spacing of valid prices in the decade of <paramref name="price"/>, derived from its text.</summary>
    public static decimal GridStep(decimal price, int maxDecimals)
    {
        var (integerPart, fraction) = Split(price);
        var decade = integerPart != "0"
            ? integerPart.Length - 1
            : -(fraction.Length - fraction.TrimStart('0').Length + 1);
        if (decade >= 4)
        {
            return 1m;
        }

        var exponent = Math.Max(decade - 4, -maxDecimals);
        return decimal.Parse("1e" + exponent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static (string Integer, string Fraction) Split(decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? (text, "") : (text[..point], text[(point + 1)..].TrimEnd('0'));
    }
}
