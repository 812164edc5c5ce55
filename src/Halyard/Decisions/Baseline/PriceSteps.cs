namespace Halyard.Decisions.Baseline;

/// <summary>
/// Rounds a price to what Hyperliquid accepts for a perpetual (at most 5 significant figures and at most
/// <c>6 − szDecimals</c> decimals; integers always valid), in a chosen direction so a stop or target
/// only ever moves the conservative way.
/// </summary>
internal static class PriceSteps
{
    public static decimal Round(decimal price, int maxDecimals, bool up)
    {
        if (price <= 0m)
        {
            return price;
        }

        var decimals = Math.Min(maxDecimals, SignificantDecimals(price));
        var factor = Pow10(decimals);
        var scaled = price * factor;
        var rounded = up ? decimal.Ceiling(scaled) : decimal.Floor(scaled);
        return rounded / factor;
    }

    /// <summary>Decimals that keep 5 significant figures.</summary>
    private static int SignificantDecimals(decimal price)
    {
        var integerDigits = 0;
        for (var p = decimal.Truncate(price); p >= 1m; p = decimal.Truncate(p / 10m))
        {
            integerDigits++;
        }

        if (integerDigits > 0)
        {
            return Math.Max(0, 5 - integerDigits);
        }

        var zeros = 0;
        for (var p = price * 10m; p < 1m; p *= 10m)
        {
            zeros++;
        }

        return 5 + zeros;
    }

    private static decimal Pow10(int n)
    {
        var f = 1m;
        for (var i = 0; i < n; i++)
        {
            f *= 10m;
        }

        return f;
    }
}
