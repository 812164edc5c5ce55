using System.Diagnostics.CodeAnalysis;
using Halyard.Domain;

namespace Halyard.MarketData;

/// <summary>
/// A fixed-length candle interval as the venue names it (<c>candleSnapshot</c>'s <c>interval</c>):
/// <c>1m 3m 5m 15m 30m 1h 2h 4h 8h 12h 1d 3d 1w</c>. The calendar month (<c>1M</c>) has no fixed length
/// and is not supported.
/// </summary>
public sealed record CandleInterval
{
    private const long Minute = 60_000;

    public static CandleInterval OneMinute { get; } = new("1m", Minute);
    public static CandleInterval ThreeMinutes { get; } = new("3m", 3 * Minute);
    public static CandleInterval FiveMinutes { get; } = new("5m", 5 * Minute);
    public static CandleInterval FifteenMinutes { get; } = new("15m", 15 * Minute);
    public static CandleInterval ThirtyMinutes { get; } = new("30m", 30 * Minute);
    public static CandleInterval OneHour { get; } = new("1h", 60 * Minute);
    public static CandleInterval TwoHours { get; } = new("2h", 120 * Minute);
    public static CandleInterval FourHours { get; } = new("4h", 240 * Minute);
    public static CandleInterval EightHours { get; } = new("8h", 480 * Minute);
    public static CandleInterval TwelveHours { get; } = new("12h", 720 * Minute);
    public static CandleInterval OneDay { get; } = new("1d", 1440 * Minute);
    public static CandleInterval ThreeDays { get; } = new("3d", 3 * 1440 * Minute);
    public static CandleInterval OneWeek { get; } = new("1w", 7 * 1440 * Minute);

    private static readonly CandleInterval[] All =
    [
        OneMinute, ThreeMinutes, FiveMinutes, FifteenMinutes, ThirtyMinutes, OneHour, TwoHours,
        FourHours, EightHours, TwelveHours, OneDay, ThreeDays, OneWeek,
    ];

    private CandleInterval(string name, long milliseconds)
    {
        Name = name;
        Milliseconds = milliseconds;
    }

    /// <summary>The venue's name, e.g. <c>3m</c>; this is what goes on the wire.</summary>
    public string Name { get; }

    public long Milliseconds { get; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(Milliseconds);

    /// <summary>The open time of the candle that contains <paramref name="timeMs"/> (Unix ms).</summary>
    public long FloorMs(long timeMs) => CandleTime.FloorMs(timeMs, Milliseconds);

    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out CandleInterval? interval)
    {
        interval = Array.Find(All, i => string.Equals(i.Name, name, StringComparison.Ordinal));
        return interval is not null;
    }

    public static CandleInterval Parse(string name) =>
        TryParse(name, out var interval)
            ? interval
            : throw new FormatException($"Unknown candle interval '{name}'; allowed: {string.Join(' ', All.Select(i => i.Name))}.");

    public override string ToString() => Name;

    /// <summary>Equal when the name and length are (as the record would compare them); the same instance answers at once.</summary>
    public bool Equals(CandleInterval? other) =>
        ReferenceEquals(this, other) || (other is not null && Milliseconds == other.Milliseconds && string.Equals(Name, other.Name, StringComparison.Ordinal));

    /// <summary>The length alone (a name has one length): no hash of the type and the name per look-up of a cache key.</summary>
    public override int GetHashCode() => Milliseconds.GetHashCode();
}
