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
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return Scaled(rounded, decimals) ?? rounded.ToString("0.########", CultureInfo.InvariantCulture);
    }

    /// <summary>The powers of ten a <see cref="Sig"/> scales by (exact in a double).</summary>
    private static readonly double[] Tens = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

    /// <summary>
    /// <paramref name="rounded"/> (a double rounded to <paramref name="decimals"/> decimals) as the custom format
    /// <c>0.########</c> writes it, from its integer count of 10^-decimals: the format takes a double's 15 significant
    /// digits, which for a count under 10^15 are the count's own digits. Null where that does not hold (zero, whose
    /// sign the format keeps, or a count of 10^15 and more): the format then writes it.
    /// </summary>
    private static string? Scaled(double rounded, int decimals)
    {
        var scaled = Math.Round(rounded * Tens[decimals]);
        if (scaled == 0 || Math.Abs(scaled) >= 1e15)
        {
            return null;
        }

        var count = (long)scaled;
        var negative = count < 0;
        var units = (ulong)Math.Abs(count);
        var unit = (ulong)Tens[decimals];
        var whole = units / unit;
        var fraction = units % unit;
        Span<char> text = stackalloc char[40];
        var at = 0;
        if (negative)
        {
            text[at++] = '-';
        }

        whole.TryFormat(text[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        if (fraction != 0)
        {
            var digits = decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            text[at++] = '.';
            for (var i = digits - 1; i >= 0; i--)
            {
                text[at + i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }

            at += digits;
        }

        return new string(text[..at]);
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
