namespace Halyard.Domain;

/// <summary>One OHLCV candle. <paramref name="OpenTimeMs"/> is the open time (Unix ms, UTC); volume is in coins.</summary>
public sealed record Candle(long OpenTimeMs, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
