using System.Globalization;

namespace Halyard.Decisions.Prompting;

/// <summary>Culture-invariant number formatting for prompts: no thousands separators, trimmed zeros.</summary>
internal static class PromptFormat
{
    /// <summary>A decimal with at most <paramref name="decimals"/> decimals, trailing zeros trimmed.</summary>
    public static string Num(decimal value, int decimals = 2) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A decimal amount in USD with two decimals.</summary>
    public static string Usd(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A double with about five significant figures, never in exponent form.</summary>
    public static string Sig(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "n/a";
        }

        var magnitude = value == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        var decimals = Math.Clamp(5 - magnitude, 0, 8);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.########", CultureInfo.InvariantCulture);
    }

    public static string Signed(decimal? value, string suffix = "%") =>
        value is { } v ? (v >= 0 ? "+" : string.Empty) + Num(v, 2) + suffix : "n/a";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0 ? $"{(int)span.TotalHours}h"
        : span.TotalMinutes >= 1 && span.Seconds == 0 ? $"{(int)span.TotalMinutes}m"
        : $"{(int)span.TotalSeconds}s";

    public static string Series(IReadOnlyList<double> values, int last) =>
        "[" + string.Join(", ", values.Skip(Math.Max(0, values.Count - last)).Select(Sig)) + "]";
}
