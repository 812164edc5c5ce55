using System.Globalization;
using System.Text;

namespace Halyard.Cycle.Configuration;

/// <summary>
/// Durations as written in the configuration: one or more integer parts in the order hours, minutes,
/// seconds, milliseconds — <c>1h</c>, <c>15m</c>, <c>30s</c>, <c>250ms</c>, <c>2h30m</c>, <c>0s</c>. A plain
/// number has no unit and is refused.
/// </summary>
public static class DurationText
{
    public const string Allowed = "a duration such as 30s, 15m, 1h, 2h30m or 250ms (units h, m, s, ms in that order)";

    private static readonly string[] Units = ["h", "m", "s", "ms"];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        long totalMs = 0;
        var lastUnit = -1;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i - start > 9)
            {
                return false;
            }

            var number = long.Parse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
            var unit = ReadUnit(text, ref i);
            if (unit <= lastUnit)
            {
                return false;
            }

            lastUnit = unit;
            totalMs += number * UnitMs(unit);
        }

        if (totalMs > (long)TimeSpan.FromDays(365).TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>The canonical text, e.g. <c>2h30m</c>; sub-millisecond parts are dropped.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "Durations are never negative.");
        }

        var ms = (long)value.TotalMilliseconds;
        if (ms == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        for (var u = 0; u < Units.Length; u++)
        {
            var part = ms / UnitMs(u);
            ms -= part * UnitMs(u);
            if (part > 0)
            {
                sb.Append(part.ToString(CultureInfo.InvariantCulture)).Append(Units[u]);
            }
        }

        return sb.ToString();
    }

    private static int ReadUnit(string text, ref int i)
    {
        if (i >= text.Length)
        {
            return -1;
        }

        if (text[i] == 'm' && i + 1 < text.Length && text[i + 1] == 's')
        {
            i += 2;
            return 3;
        }

        var unit = text[i] switch { 'h' => 0, 'm' => 1, 's' => 2, _ => -1 };
        if (unit >= 0)
        {
            i++;
        }

        return unit;
    }

    private static long UnitMs(int unit) => unit switch
    {
        0 => 3_600_000,
        1 => 60_000,
        2 => 1_000,
        _ => 1,
    };
}
