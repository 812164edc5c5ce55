namespace Halyard.PaperExchange.Data;

/// <summary>The venue's candle interval names and their lengths.</summary>
public static class CandleIntervalNames
{
    private const long Minute = 60_000;

    /// <summary>Every interval name <c>candleSnapshot</c> accepts, finest first.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "3d", "1w", "1M"];

    /// <summary>The length of a fixed-length interval in ms; <c>1M</c> (calendar month) is not fixed and returns false.</summary>
    public static bool TryGetMilliseconds(string? name, out long milliseconds)
    {
        milliseconds = name switch
        {
            "1m" => Minute,
            "3m" => 3 * Minute,
            "5m" => 5 * Minute,
            "15m" => 15 * Minute,
            "30m" => 30 * Minute,
            "1h" => 60 * Minute,
            "2h" => 120 * Minute,
            "4h" => 240 * Minute,
            "8h" => 480 * Minute,
            "12h" => 720 * Minute,
            "1d" => 1440 * Minute,
            "3d" => 3 * 1440 * Minute,
            "1w" => 7 * 1440 * Minute,
            _ => 0,
        };
        return milliseconds > 0;
    }

    public static long Milliseconds(string name) =>
        TryGetMilliseconds(name, out var ms) ? ms : throw new ArgumentException("Unknown candle interval: " + name, nameof(name));
}
