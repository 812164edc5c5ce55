using Halyard.Domain;
using Halyard.MarketData.Indicators;

namespace Halyard.MarketData;

/// <summary>What <see cref="IndicatorState.Apply"/> did with a candle.</summary>
public enum CandleApplied
{
    /// <summary>A newer candle: every indicator advanced by one step.</summary>
    Appended,

    /// <summary>The same open time as the newest candle (the venue's in-progress candle, or its final
    /// version): the newest step was recomputed in place.</summary>
    Replaced,

    /// <summary>Older than the newest candle: ignored.</summary>
    Stale,
}

/// <summary>
/// The indicators of one coin on one interval, updated incrementally from candles in open-time order:
/// EMA20, EMA50, RSI7, RSI14 (Wilder), MACD(12,26,9), ATR3, ATR14 (Wilder) and volume. Each candle costs
/// O(1); nothing is recomputed over history. The newest candle may be revised any number of times (the
/// venue's in-progress candle) before a newer one arrives.
/// <para>
/// Warm-up policy: an indicator that has not seen enough candles yet is <see cref="double.NaN"/> in the
/// series (EMA n: n candles; RSI n: n + 1; ATR n: n; MACD line 26, signal and histogram 34). Series keep
/// equal lengths and stay aligned with <c>Close</c>; consumers print NaN as "n/a" (the JSON writer must
/// allow named floating-point literals). <see cref="WarmupCandles"/> candles make every value defined.
/// Gaps in the candle sequence are not filled: consecutive candles are treated as consecutive steps.
/// </para>
/// Not thread-safe: one writer at a time.
/// </summary>
public sealed class IndicatorState
{
    /// <summary>Candles after which every indicator is defined (EMA50 is the longest).</summary>
    public const int WarmupCandles = 50;

    /// <summary>The default number of values per series.</summary>
    public const int DefaultSeriesLength = 10;

    private readonly Ema _ema20 = new(20);
    private readonly Ema _ema50 = new(50);
    private readonly Rsi _rsi7 = new(7);
    private readonly Rsi _rsi14 = new(14);
    private readonly Macd _macd = new(12, 26, 9);
    private readonly Atr _atr3 = new(3);
    private readonly Atr _atr14 = new(14);

    private readonly RollingWindow<Candle> _candles;
    private readonly RollingWindow<double>[] _windows;
    private IndicatorSeries? _series;

    /// <param name="interval">The candles' interval.</param>
    /// <param name="seriesLength">Values per series (the last N, oldest → newest).</param>
    /// <param name="candleCapacity">Recent candles kept for look-ups (at least <paramref name="seriesLength"/>).</param>
    public IndicatorState(CandleInterval interval, int seriesLength = DefaultSeriesLength, int candleCapacity = 0)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentOutOfRangeException.ThrowIfLessThan(seriesLength, 1);
        Interval = interval;
        SeriesLength = seriesLength;
        _candles = new RollingWindow<Candle>(Math.Max(seriesLength, candleCapacity));
        _windows = new RollingWindow<double>[(int)Slot.Count];
        for (var i = 0; i < _windows.Length; i++)
        {
            _windows[i] = new RollingWindow<double>(seriesLength);
        }
    }

    private enum Slot
    {
        Close,
        Ema20,
        Ema50,
        Rsi7,
        Rsi14,
        Macd,
        MacdSignal,
        Atr3,
        Atr14,
        Volume,
        Count,
    }

    public CandleInterval Interval { get; }

    public int SeriesLength { get; }

    /// <summary>Distinct candles taken so far (replacements do not count).</summary>
    public long CandleCount { get; private set; }

    /// <summary>The newest candle (possibly still in progress), or null before the first one.</summary>
    public Candle? Last => _candles.Count == 0 ? null : _candles.Newest;

    /// <summary>True when every indicator is defined for the newest candle.</summary>
    public bool IsWarm => CandleCount >= WarmupCandles;

    /// <summary>Takes a candle: newer → append; same open time as the newest → replace in place; older → ignored.</summary>
    public CandleApplied Apply(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var last = Last;
        if (last is not null && candle.OpenTimeMs < last.OpenTimeMs)
        {
            return CandleApplied.Stale;
        }

        var replace = last is not null && candle.OpenTimeMs == last.OpenTimeMs;
        var high = (double)candle.High;
        var low = (double)candle.Low;
        var close = (double)candle.Close;
        if (replace)
        {
            _ema20.ReplaceLast(close);
            _ema50.ReplaceLast(close);
            _rsi7.ReplaceLast(close);
            _rsi14.ReplaceLast(close);
            _macd.ReplaceLast(close);
            _atr3.ReplaceLast(high, low, close);
            _atr14.ReplaceLast(high, low, close);
            _candles.ReplaceNewest(candle);
        }
        else
        {
            _ema20.Add(close);
            _ema50.Add(close);
            _rsi7.Add(close);
            _rsi14.Add(close);
            _macd.Add(close);
            _atr3.Add(high, low, close);
            _atr14.Add(high, low, close);
            _candles.Append(candle);
            CandleCount++;
        }

        Record(Slot.Close, close, replace);
        Record(Slot.Ema20, _ema20.Value, replace);
        Record(Slot.Ema50, _ema50.Value, replace);
        Record(Slot.Rsi7, _rsi7.Value, replace);
        Record(Slot.Rsi14, _rsi14.Value, replace);
        Record(Slot.Macd, _macd.Line, replace);
        Record(Slot.MacdSignal, _macd.Signal, replace);
        Record(Slot.Atr3, _atr3.Value, replace);
        Record(Slot.Atr14, _atr14.Value, replace);
        Record(Slot.Volume, (double)candle.Volume, replace);
        _series = null;
        return replace ? CandleApplied.Replaced : CandleApplied.Appended;
    }

    /// <summary>The last <see cref="SeriesLength"/> values of every indicator, oldest → newest (cached until the next candle).</summary>
    public IndicatorSeries ToSeries() => _series ??= new IndicatorSeries(
        Interval.Name,
        Window(Slot.Close),
        Window(Slot.Ema20),
        Window(Slot.Ema50),
        Window(Slot.Rsi7),
        Window(Slot.Rsi14),
        Window(Slot.Macd),
        Window(Slot.MacdSignal),
        Window(Slot.Atr3),
        Window(Slot.Atr14),
        Window(Slot.Volume));

    /// <summary>The recent candles kept (at most the candle capacity), oldest → newest.</summary>
    public IReadOnlyList<Candle> RecentCandles() => _candles.ToArray();

    /// <summary>The close of the kept candle that opened at <paramref name="openTimeMs"/>, if any.</summary>
    public bool TryGetClose(long openTimeMs, out decimal close)
    {
        close = 0m;
        var count = _candles.Count;
        if (count == 0)
        {
            return false;
        }

        // Without gaps the candle sits at a computable offset from the newest; otherwise binary search.
        var offset = (_candles.Newest.OpenTimeMs - openTimeMs) / Interval.Milliseconds;
        var guess = count - 1 - offset;
        if (guess >= 0 && guess < count && _candles[(int)guess].OpenTimeMs == openTimeMs)
        {
            close = _candles[(int)guess].Close;
            return true;
        }

        var (lo, hi) = (0, count - 1);
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var t = _candles[mid].OpenTimeMs;
            if (t == openTimeMs)
            {
                close = _candles[mid].Close;
                return true;
            }

            (lo, hi) = t < openTimeMs ? (mid + 1, hi) : (lo, mid - 1);
        }

        return false;
    }

    private void Record(Slot slot, double value, bool replace)
    {
        if (replace)
        {
            _windows[(int)slot].ReplaceNewest(value);
        }
        else
        {
            _windows[(int)slot].Append(value);
        }
    }

    private double[] Window(Slot slot) => _windows[(int)slot].ToArray();
}
