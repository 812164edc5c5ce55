using System.Globalization;

namespace Halyard.PaperExchange.Market;

/// <summary>
/// The venue's price and size grid (<c>hyperliquid-protocol.md</c> §3.2) and the wire number format,
/// in <c>decimal</c> only. A valid perp price is an integer, or has at most 5 significant figures and at
/// most 6 − szDecimals decimals; a valid size has at most szDecimals decimals.
/// </summary>
internal static class PriceMath
{
    public const int PerpMaxDecimals = 6;
    public const int MaxSignificantFigures = 5;

    private static readonly decimal[] PowersOfTen =
    [
        1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m,
    ];

    private static readonly decimal[] NegativePowersOfTen =
    [
        1m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 0.000001m, 0.0000001m, 0.00000001m, 0.000000001m,
        0.0000000001m, 0.00000000001m, 0.000000000001m,
    ];

    public static int MaxPriceDecimals(int szDecimals) => Math.Max(0, PerpMaxDecimals - szDecimals);

    /// <summary>
    /// The value with no trailing zeros in its scale: what <c>value / 1.000000000000000000000000000000000m</c> gives,
    /// computed by stripping the zeros off the integer mantissa (a decimal division costs ~10 times more; zero still
    /// goes through the division, which decides its sign and scale).
    /// </summary>
    public static decimal Normalize(decimal value)
    {
        var scale = value.Scale;
        if (scale == 0 || value == 0m)
        {
            return scale == 0 && value != 0m ? value : value / 1.000000000000000000000000000000000m;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var negative = bits[3] < 0;
        if (bits[2] == 0)
        {
            var low = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            while (scale > 0 && low % 10 == 0)
            {
                low /= 10;
                scale--;
            }

            return new decimal((int)(uint)low, (int)(uint)(low >> 32), 0, negative, (byte)scale);
        }

        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), negative, (byte)scale);
    }

    public static int DecimalPlaces(decimal value) => Normalize(value).Scale;

    public static bool IsInteger(decimal value) => value == decimal.Truncate(value);

    /// <summary>Significant figures of a non-zero value: digits from the first to the last non-zero one.</summary>
    public static int SignificantFigures(decimal value)
    {
        var normalized = Normalize(Math.Abs(value));
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(normalized, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var digits = 0;
        while (mantissa > 0)
        {
            mantissa /= 10;
            digits++;
        }

        // An integer like 120000 keeps its trailing zeros in the mantissa; they are not significant.
        if (normalized.Scale == 0)
        {
            var integer = normalized;
            while (integer != 0 && integer % 10 == 0)
            {
                integer /= 10;
                digits--;
            }
        }

        return digits;
    }

    /// <summary>True when the venue accepts <paramref name="price"/> for an asset with <paramref name="szDecimals"/>.</summary>
    public static bool IsValidPrice(decimal price, int szDecimals) =>
        price > 0 && (IsInteger(price)
                      || (SignificantFigures(price) <= MaxSignificantFigures && DecimalPlaces(price) <= MaxPriceDecimals(szDecimals)));

    public static bool IsValidSize(decimal size, int szDecimals) => size > 0 && DecimalPlaces(size) <= szDecimals;

    /// <summary>The price grid step at <paramref name="price"/> (&gt; 0): 5 significant figures, capped by the decimals rule, 1 from 10 000 up.</summary>
    public static decimal Tick(decimal price, int szDecimals)
    {
        var decimals = TickDecimals(price, szDecimals);
        return decimals <= 0 ? 1m : NegativePowersOfTen[Math.Min(decimals, NegativePowersOfTen.Length - 1)];
    }

    /// <summary>The decimals of <see cref="Tick"/> (0 or less: the tick is 1).</summary>
    private static int TickDecimals(decimal price, int szDecimals)
    {
        if (price >= 10_000m)
        {
            return 0;
        }

        // 5 significant figures: decimals = 4 - e where 10^e <= price < 10^(e+1).
        int decimals;
        if (price >= 1m)
        {
            var e = 0;
            while (e < 3 && price >= PowersOfTen[e + 1])
            {
                e++;
            }

            decimals = 4 - e;
        }
        else
        {
            var e = 1;
            while (e < NegativePowersOfTen.Length - 1 && price < NegativePowersOfTen[e])
            {
                e++;
            }

            decimals = 4 + e;
        }

        return Math.Min(decimals, MaxPriceDecimals(szDecimals));
    }

    /// <summary>The largest valid price ≤ <paramref name="price"/> (at least one tick).</summary>
    public static decimal FloorToValid(decimal price, int szDecimals)
    {
        if (price <= 0)
        {
            return Tick(NegativePowersOfTen[MaxPriceDecimals(szDecimals)], szDecimals);
        }

        var decimals = TickDecimalsClamped(price, szDecimals);
        var floored = decimal.Round(price, decimals, MidpointRounding.ToNegativeInfinity);
        return floored > 0 ? Normalize(floored) : TickOf(decimals);
    }

    /// <summary>The smallest valid price ≥ <paramref name="price"/>.</summary>
    public static decimal CeilingToValid(decimal price, int szDecimals)
    {
        if (price <= 0)
        {
            return Tick(NegativePowersOfTen[MaxPriceDecimals(szDecimals)], szDecimals);
        }

        return Normalize(decimal.Round(price, TickDecimalsClamped(price, szDecimals), MidpointRounding.ToPositiveInfinity));
    }

    /// <summary>
    /// The decimals of the power-of-ten <see cref="Tick"/>: floor(price / tick) × tick is the price rounded down to
    /// them (the division only moves the decimal point), so the grid roundings round to these decimals and divide
    /// nothing (the same value; <see cref="Normalize"/> then gives the same digits).
    /// </summary>
    private static int TickDecimalsClamped(decimal price, int szDecimals) =>
        Math.Clamp(TickDecimals(price, szDecimals), 0, NegativePowersOfTen.Length - 1);

    private static decimal TickOf(int decimals) => NegativePowersOfTen[decimals];

    /// <summary>The nearest valid price (ties away from zero), used to display a continuous mark.</summary>
    public static decimal RoundToValid(decimal price, int szDecimals)
    {
        if (price <= 0)
        {
            return 0m;
        }

        // A positive price never rounds to zero (a price under half the finest tick the asset's decimals allow
        // becomes that tick): zero is not a price.
        // round(price / tick) × tick with the tick a power of ten: the division is exact (it only moves the
        // decimal point), so rounding to the tick's decimals gives the same value without dividing.
        var decimals = TickDecimalsClamped(price, szDecimals);
        return Normalize(Math.Max(TickOf(decimals), decimal.Round(price, decimals, MidpointRounding.AwayFromZero)));
    }

    public static decimal RoundSizeDown(decimal size, int szDecimals) =>
        Normalize(decimal.Round(size, szDecimals, MidpointRounding.ToZero));

    /// <summary>One lot: the smallest size step.</summary>
    public static decimal Lot(int szDecimals) => NegativePowersOfTen[szDecimals];

    /// <summary>USD amounts are reported with 6 decimals, as the venue does.</summary>
    public static decimal RoundUsd(decimal value) => decimal.Round(value, 6, MidpointRounding.ToEven);

    /// <summary>
    /// The venue's wire text for a number: invariant, no exponent, no trailing zeros, and a <c>.0</c>
    /// on integral values (<c>"113080.0"</c>, <c>"0.00022"</c>, <c>"-592.0"</c>).
    /// </summary>
    public static string Format(decimal value)
    {
        var text = Normalize(value).ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>
    /// The decimal a client parses from <see cref="Format"/>'s text, without the text: normalized, and an integral
    /// value with one decimal place (<c>"5.0"</c> parses to 5.0). The typed in-process reads of a replay hand this
    /// out, so they carry the same values, scale included, as the JSON answers.
    /// </summary>
    public static decimal AsParsed(decimal value)
    {
        var normalized = Normalize(value);
        return normalized.Scale == 0 ? normalized * 1.0m : normalized;
    }

    /// <summary>Plain normalized text without the <c>.0</c> suffix (used inside error messages).</summary>
    public static string Plain(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
