namespace Halyard.MarketData;

/// <summary>How market snapshots are built: the intraday interval and the length of every series.</summary>
public sealed record MarketSnapshotOptions
{
    /// <summary>The intraday timeframe (default 3m). It must divide one hour: 1m, 3m, 5m, 15m, 30m or 1h.</summary>
    public CandleInterval Intraday { get; init; } = CandleInterval.ThreeMinutes;

    /// <summary>Values per indicator series (default 10), oldest → newest.</summary>
    public int SeriesLength { get; init; } = IndicatorState.DefaultSeriesLength;

    /// <summary>The slow timeframe is always 4h.</summary>
    public CandleInterval Slow => CandleInterval.FourHours;

    /// <summary>Throws <see cref="ArgumentException"/> naming the offending option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Intraday, nameof(Intraday));
        if (TimeSpan.FromHours(1).Ticks % Intraday.Duration.Ticks != 0)
        {
            throw new ArgumentException(
                $"{nameof(Intraday)} = {Intraday.Name}: the intraday interval must divide one hour (1m, 3m, 5m, 15m, 30m, 1h).",
                nameof(Intraday));
        }

        if (SeriesLength is < 1 or > 500)
        {
            throw new ArgumentException($"{nameof(SeriesLength)} = {SeriesLength}: allowed 1..500.", nameof(SeriesLength));
        }
    }

    /// <summary>
    /// Candles an <see cref="IndicatorState"/> of <paramref name="interval"/> keeps: the series length, and
    /// on the intraday interval also the 4h of history the trend deltas look back over (+1).
    /// </summary>
    public int CandleCapacity(CandleInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return interval == Intraday
            ? Math.Max(SeriesLength, (int)(TimeSpan.FromHours(4).Ticks / Intraday.Duration.Ticks) + 1)
            : SeriesLength;
    }

    /// <summary>A fresh indicator state for <paramref name="interval"/> sized by these options.</summary>
    public IndicatorState CreateState(CandleInterval interval) => new(interval, SeriesLength, CandleCapacity(interval));
}
