namespace Halyard.Domain.Precision;

/// <summary>
/// The set of prices the venue accepts, for a market whose prices may carry at most
/// <c>maxDecimals</c> decimals (perps: 6 − szDecimals; spot: 8 − szDecimals):
/// <c>p &gt; 0 and (p is an integer or (sigfigs(p) ≤ 5 and decimals(p) ≤ maxDecimals))</c>.
/// </summary>
/// <remarks>
/// Within one decade [10^k, 10^(k+1)) the valid prices are exactly the multiples of one step:
/// 10^max(k − 4, −maxDecimals) below 10 000, and 1 from 10 000 up (a non-integer of five or more
/// integer digits has six significant figures; integers are always valid). 10^k itself is on the
/// grid whenever 10^k ≥ 10^−maxDecimals, so rounding down never leaves the decade and rounding up
/// reaches at most 10^(k+1). Below 10^−maxDecimals there is no valid price at all.
/// </remarks>
public static class PriceGrid
{
    /// <summary>True when the venue accepts <paramref name="price"/> as it is.</summary>
    public static bool IsValid(decimal price, int maxDecimals)
    {
        CheckMaxDecimals(maxDecimals);
        if (price <= 0m)
        {
            return false;
        }

        if (price == decimal.Truncate(price))
        {
            return true;
        }

        return DecimalDigits.SignificantFigures(price) <= InstrumentRules.MaxSignificantFigures
            && DecimalDigits.Decimals(price) <= maxDecimals;
    }

    /// <summary>
    /// The grid step around a positive price: the distance between neighbouring valid prices in
    /// its decade (e.g. 0.01 for 123.45, 1 for 12 345, 0.000001 for 0.0000005 when maxDecimals is 6).
    /// </summary>
    public static decimal Step(decimal price, int maxDecimals)
    {
        CheckMaxDecimals(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        return DecimalDigits.Pow10(StepExponent(price, maxDecimals));
    }

    /// <summary>The greatest valid price ≤ <paramref name="price"/>; false when there is none (price below the smallest valid price, or not positive).</summary>
    public static bool TryAtOrBelow(decimal price, int maxDecimals, out decimal valid)
    {
        CheckMaxDecimals(maxDecimals);
        valid = 0m;
        if (price <= 0m)
        {
            return false;
        }

        var rounded = decimal.Round(price, -StepExponent(price, maxDecimals), MidpointRounding.ToNegativeInfinity);
        if (rounded <= 0m)
        {
            return false;
        }

        valid = DecimalDigits.StripTrailingZeros(rounded);
        return true;
    }

    /// <summary>The least valid price ≥ <paramref name="price"/>; false only when the price is not positive.</summary>
    public static bool TryAtOrAbove(decimal price, int maxDecimals, out decimal valid)
    {
        CheckMaxDecimals(maxDecimals);
        valid = 0m;
        if (price <= 0m)
        {
            return false;
        }

        var rounded = decimal.Round(price, -StepExponent(price, maxDecimals), MidpointRounding.ToPositiveInfinity);
        valid = DecimalDigits.StripTrailingZeros(rounded);
        return true;
    }

    /// <summary>The smallest valid price: 10^−maxDecimals.</summary>
    public static decimal MinimumPrice(int maxDecimals)
    {
        CheckMaxDecimals(maxDecimals);
        return DecimalDigits.Pow10(-maxDecimals);
    }

    /// <summary>No market allows more than 8 price decimals (spot: 8 − szDecimals).</summary>
    private const int MaxDecimalsLimit = 8;

    private static int StepExponent(decimal price, int maxDecimals) =>
        Math.Min(0, Math.Max(DecimalDigits.Decade(price) - (InstrumentRules.MaxSignificantFigures - 1), -maxDecimals));

    private static void CheckMaxDecimals(int maxDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDecimals, MaxDecimalsLimit);
    }
}
