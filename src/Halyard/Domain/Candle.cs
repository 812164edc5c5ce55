namespace Halyard.Domain;

/// <summary>One OHLCV candle. <paramref name="OpenTimeMs"/> is the open time (Unix ms, UTC); volume is in coins.</summary>
public sealed record Candle(long OpenTimeMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

/// <summary>Candle times shared by the engine's candles and the paper exchange's.</summary>
public static class CandleTime
{
    /// <summary>
    /// The open time of the candle of <paramref name="intervalMs"/> that contains <paramref name="timeMs"/> (Unix ms):
    /// one division from the epoch on, the floor of the remainder before it.
    /// </summary>
    public static long FloorMs(long timeMs, long intervalMs) =>
        timeMs >= 0 ? timeMs - (timeMs % intervalMs) : timeMs - (((timeMs % intervalMs) + intervalMs) % intervalMs);
}
