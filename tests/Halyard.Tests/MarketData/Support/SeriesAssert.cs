using Halyard.MarketData;

namespace Halyard.Tests.MarketData.Support;

/// <summary>
/// Compares incremental results with the naive reference to 1e-9 relative. The scale of MACD (a small
/// difference of two large EMAs that crosses zero) is the price level, so its tolerance is relative to
/// the close; every other indicator is compared relative to its own magnitude.
/// </summary>
internal static class SeriesAssert
{
    public const double Relative = 1e-9;

    public static void Close(double expected, double actual, double scale, string what)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            Assert.True(double.IsNaN(expected) && double.IsNaN(actual), $"{what}: expected {expected}, got {actual} (warm-up mismatch)");
            return;
        }

        var tolerance = Relative * Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), scale);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }

    /// <summary>The series equals the reference's last <c>series.Close.Count</c> values.</summary>
    public static void Matches(Reference reference, IndicatorSeries series, string what)
    {
        var n = series.Close.Count;
        var offset = reference.Close.Length - n;
        Assert.True(offset >= 0, $"{what}: series longer than the history");
        for (var i = 0; i < n; i++)
        {
            var at = $"{what}[{offset + i}]";
            var price = reference.Close[offset + i];
            Close(reference.Close[offset + i], series.Close[i], 0, at + " close");
            Close(reference.Ema20[offset + i], series.Ema20[i], 0, at + " EMA20");
            Close(reference.Ema50[offset + i], series.Ema50[i], 0, at + " EMA50");
            Close(reference.Rsi7[offset + i], series.Rsi7[i], 0, at + " RSI7");
            Close(reference.Rsi14[offset + i], series.Rsi14[i], 0, at + " RSI14");
            Close(reference.Macd[offset + i], series.Macd[i], price, at + " MACD");
            Close(reference.MacdSignal[offset + i], series.MacdSignal[i], price, at + " MACD signal");
            Close(reference.MacdHistogram[offset + i], series.MacdHistogram[i], price, at + " MACD histogram");
            Close(reference.Atr3[offset + i], series.Atr3[i], 0, at + " ATR3");
            Close(reference.Atr14[offset + i], series.Atr14[i], 0, at + " ATR14");
            Close(reference.Volume[offset + i], series.Volume[i], 0, at + " volume");
        }
    }
}
