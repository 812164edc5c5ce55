using Halyard.Domain;
using Halyard.MarketData;

namespace Halyard.Tests.MarketData.Support;

/// <summary>
/// The textbook formulas, recomputed over the whole history every time, written independently of the
/// production code (arrays, index arithmetic, no shared helpers). NaN marks warm-up.
/// EMA: SMA of the first n values, then k·x + (1 − k)·EMA₋₁ with k = 2/(n+1).
/// RSI: Wilder (StockCharts ChartSchool "Relative Strength Index"): first averages are simple means of
/// the first n gains/losses, then (prev·(n−1) + current)/n; RSI = 100 − 100/(1 + RS).
/// ATR: Wilder (ChartSchool "Average True Range"): first TR = high − low, first ATR = mean of n TRs.
/// MACD: EMA12 − EMA26, signal = EMA9 of the line from its first defined value.
/// </summary>
internal static class NaiveIndicators
{
    public static double[] Ema(IReadOnlyList<double> x, int n)
    {
        var result = Filled(x.Count);
        if (x.Count < n)
        {
            return result;
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += x[i];
        }

        result[n - 1] = sum / n;
        var k = 2.0 / (n + 1);
        for (var i = n; i < x.Count; i++)
        {
            result[i] = (x[i] * k) + (result[i - 1] * (1 - k));
        }

        return result;
    }

    public static double[] Rsi(IReadOnlyList<double> close, int n)
    {
        var result = Filled(close.Count);
        if (close.Count <= n)
        {
            return result;
        }

        var gains = new double[close.Count];
        var losses = new double[close.Count];
        for (var i = 1; i < close.Count; i++)
        {
            var d = close[i] - close[i - 1];
            gains[i] = Math.Max(d, 0);
            losses[i] = Math.Max(-d, 0);
        }

        double avgGain = 0, avgLoss = 0;
        for (var i = 1; i <= n; i++)
        {
            avgGain += gains[i];
            avgLoss += losses[i];
        }

        avgGain /= n;
        avgLoss /= n;
        result[n] = FromAverages(avgGain, avgLoss);
        for (var i = n + 1; i < close.Count; i++)
        {
            avgGain = ((avgGain * (n - 1)) + gains[i]) / n;
            avgLoss = ((avgLoss * (n - 1)) + losses[i]) / n;
            result[i] = FromAverages(avgGain, avgLoss);
        }

        return result;
    }

    public static double[] Atr(IReadOnlyList<double> high, IReadOnlyList<double> low, IReadOnlyList<double> close, int n)
    {
        var count = close.Count;
        var result = Filled(count);
        if (count < n)
        {
            return result;
        }

        var tr = new double[count];
        for (var i = 0; i < count; i++)
        {
            tr[i] = i == 0
                ? high[i] - low[i]
                : new[] { high[i] - low[i], Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1]) }.Max();
        }

        result[n - 1] = tr.Take(n).Average();
        for (var i = n; i < count; i++)
        {
            result[i] = ((result[i - 1] * (n - 1)) + tr[i]) / n;
        }

        return result;
    }

    public static (double[] Line, double[] Signal, double[] Histogram) Macd(IReadOnlyList<double> close, int fast = 12, int slow = 26, int signal = 9)
    {
        var emaFast = Ema(close, fast);
        var emaSlow = Ema(close, slow);
        var line = Filled(close.Count);
        for (var i = slow - 1; i < close.Count; i++)
        {
            line[i] = emaFast[i] - emaSlow[i];
        }

        var signalLine = Filled(close.Count);
        var histogram = Filled(close.Count);
        if (close.Count >= slow)
        {
            var defined = line.Skip(slow - 1).ToArray();
            var signalOfDefined = Ema(defined, signal);
            for (var j = 0; j < defined.Length; j++)
            {
                signalLine[slow - 1 + j] = signalOfDefined[j];
                histogram[slow - 1 + j] = defined[j] - signalOfDefined[j];
            }
        }

        return (line, signalLine, histogram);
    }

    /// <summary>Every indicator of <see cref="IndicatorState"/> over <paramref name="candles"/>.</summary>
    public static Reference Compute(IReadOnlyList<Candle> candles)
    {
        var c = candles.Select(x => (double)x.Close).ToArray();
        var h = candles.Select(x => (double)x.High).ToArray();
        var l = candles.Select(x => (double)x.Low).ToArray();
        var (line, signal, hist) = Macd(c);
        return new Reference(
            c,
            Ema(c, 20),
            Ema(c, 50),
            Rsi(c, 7),
            Rsi(c, 14),
            line,
            signal,
            hist,
            Atr(h, l, c, 3),
            Atr(h, l, c, 14),
            candles.Select(x => (double)x.Volume).ToArray());
    }

    private static double FromAverages(double gain, double loss) =>
        loss == 0 ? (gain == 0 ? 50.0 : 100.0) : 100.0 - (100.0 / (1.0 + (gain / loss)));

    private static double[] Filled(int count) => Enumerable.Repeat(double.NaN, count).ToArray();
}

internal sealed record Reference(
    double[] Close,
    double[] Ema20,
    double[] Ema50,
    double[] Rsi7,
    double[] Rsi14,
    double[] Macd,
    double[] MacdSignal,
    double[] MacdHistogram,
    double[] Atr3,
    double[] Atr14,
    double[] Volume);
