using Halyard.PaperExchange.Data;

namespace Halyard.PaperExchange.Market;

/// <summary>
/// The deterministic mark-price path inside one candle of length I opening at t0 (documented in
/// <c>docs/paper-exchange.md</c>): open at t0 → the extreme nearer to the open at t0 + I/4 → the other
/// extreme at t0 + I/2 → close at t0 + 3I/4, held until the candle ends; the next candle starts at its own
/// recorded open, so the mark gaps by (open − previous close) at candle opens. Ties go to the low first.
/// The mark moves in steps of <see cref="StepMs"/> (the venue's ~3 s oracle/mark cadence): the price at any
/// millisecond is the path's price at the start of its step.
/// </summary>
internal static class MarkPath
{
    public const int Quarters = 4;

    /// <summary>The mark's update cadence: the venue publishes oracle (and so mark) prices about every 3 s.</summary>
    public const long StepMs = 3_000;

    /// <summary>The start of the 3 s step containing <paramref name="timeMs"/> (the time the mark there was published).</summary>
    public static long StepStart(long timeMs) => timeMs - Mod(timeMs, StepMs);

    /// <summary>The price of path point <paramref name="point"/> (0..4) of candle <paramref name="index"/>.</summary>
    public static decimal PointPrice(CandleSeries series, int index, int point) => PointPrice(series, index, point, LowFirst(series, index));

    /// <summary>The mark at <paramref name="timeMs"/> (the price of its 3 s step), which must lie inside candle <paramref name="index"/>.</summary>
    public static decimal PriceAt(CandleSeries series, int index, long timeMs) => PriceAt(series, index, timeMs, lowFirst: null);

    /// <summary>
    /// <see cref="PriceAt(CandleSeries, int, long)"/> and <see cref="RangeUntil(CandleSeries, int, long, decimal)"/> of the same
    /// instant, the path's side (<see cref="LowFirst"/>) decided once: what a candle in progress shows.
    /// </summary>
    public static (decimal Now, decimal High, decimal Low) PriceAndRange(CandleSeries series, int index, long timeMs)
    {
        var lowFirst = LowFirst(series, index);
        var now = PriceAt(series, index, timeMs, lowFirst);
        var (high, low) = RangeUntil(series, index, timeMs, now, lowFirst);
        return (now, high, low);
    }

    private static decimal PriceAt(CandleSeries series, int index, long timeMs, bool? lowFirst)
    {
        var start = series.OpenTime(index);
        var quarterMs = series.IntervalMs / Quarters;
        var offset = Math.Max(0, StepStart(timeMs) - start);
        var point = (int)Math.Min(Quarters - 1, offset / quarterMs);
        var within = offset - (point * quarterMs);
        if (point == Quarters - 1)
        {
            return series.Close(index); // the close, held until the candle ends
        }

        if (point == 0 && within == 0)
        {
            return series.Open(index);
        }

        var side = lowFirst ?? LowFirst(series, index);
        var from = PointPrice(series, index, point, side);
        if (within == 0)
        {
            return from;
        }

        var to = PointPrice(series, index, point + 1, side);
        return from == to ? from : from + ((to - from) * within / quarterMs);
    }

    /// <summary>Highest and lowest mark of candle <paramref name="index"/> over [open time, <paramref name="timeMs"/>].</summary>
    public static (decimal High, decimal Low) RangeUntil(CandleSeries series, int index, long timeMs) =>
        RangeUntil(series, index, timeMs, PriceAt(series, index, timeMs));

    /// <summary>The same, with the mark at <paramref name="timeMs"/> (<see cref="PriceAt"/>) already computed by the caller.</summary>
    public static (decimal High, decimal Low) RangeUntil(CandleSeries series, int index, long timeMs, decimal now) =>
        RangeUntil(series, index, timeMs, now, LowFirst(series, index));

    private static (decimal High, decimal Low) RangeUntil(CandleSeries series, int index, long timeMs, decimal now, bool lowFirst)
    {
        var start = series.OpenTime(index);
        var quarterMs = series.IntervalMs / Quarters;
        var high = now;
        var low = now;
        for (var point = 0; point < Quarters; point++)
        {
            if (start + (point * quarterMs) > timeMs)
            {
                break;
            }

            var price = PointPrice(series, index, point, lowFirst);
            high = Math.Max(high, price);
            low = Math.Min(low, price);
        }

        return (high, low);
    }

    /// <summary>True when the path visits the low before the high (the extreme nearer to the open first; ties: the low).</summary>
    private static bool LowFirst(CandleSeries series, int index)
    {
        var open = series.Open(index);
        return open - series.Low(index) <= series.High(index) - open;
    }

    private static decimal PointPrice(CandleSeries series, int index, int point, bool lowFirst) => point switch
    {
        0 => series.Open(index),
        1 => lowFirst ? series.Low(index) : series.High(index),
        2 => lowFirst ? series.High(index) : series.Low(index),
        _ => series.Close(index),
    };

    private static long Mod(long value, long divisor)
    {
        var r = value % divisor;
        return r < 0 ? r + divisor : r;
    }
}
