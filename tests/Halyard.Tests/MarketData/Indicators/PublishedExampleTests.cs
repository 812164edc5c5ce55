using Halyard.MarketData.Indicators;

namespace Halyard.Tests.MarketData.Indicators;

/// <summary>
/// Worked examples published by StockCharts ChartSchool with its indicator pages (spreadsheets
/// cs-rsi.xls and cs-atr.xls, QQQQ daily data): "Relative Strength Index (RSI)" and "Average True Range
/// (ATR)", chartschool.stockcharts.com → Technical Indicators. The spreadsheets print 4 (RSI) and 6
/// (ATR) decimals, hence the tolerances.
/// </summary>
public class PublishedExampleTests
{
    private static readonly double[] RsiCloses =
    [
        44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826,
        45.8931, 46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439,
        46.2122, 46.2521, 45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672,
        43.4205, 42.6628, 43.1314,
    ];

    // The 14-day RSI column, from the 15th close on.
    private static readonly double[] RsiPublished =
    [
        70.5328, 66.3186, 66.5498, 69.4063, 66.3552, 57.9749, 62.9296, 63.2571, 56.0593, 62.3771,
        54.7076, 50.4228, 39.9898, 41.4605, 41.8689, 45.4632, 37.3040, 33.0795, 37.7730,
    ];

    private static readonly double[] AtrHigh =
    [
        48.70, 48.72, 48.90, 48.87, 48.82, 49.05, 49.20, 49.35, 49.92, 50.19, 50.12, 49.66, 49.88, 50.19, 50.36,
        50.57, 50.65, 50.43, 49.63, 50.33, 50.29, 50.17, 49.32, 48.50, 48.3201, 46.80, 47.80, 48.39, 48.66, 48.79,
    ];

    private static readonly double[] AtrLow =
    [
        47.79, 48.14, 48.39, 48.37, 48.24, 48.635, 48.94, 48.86, 49.50, 49.87, 49.20, 48.90, 49.43, 49.725, 49.26,
        50.09, 50.30, 49.21, 48.98, 49.61, 49.20, 49.43, 48.08, 47.64, 41.55, 44.2833, 47.31, 47.20, 47.90, 47.7301,
    ];

    private static readonly double[] AtrClose =
    [
        48.16, 48.61, 48.75, 48.63, 48.74, 49.03, 49.07, 49.32, 49.91, 50.13, 49.53, 49.50, 49.75, 50.03, 50.31,
        50.52, 50.41, 49.34, 49.37, 50.23, 49.2375, 49.93, 48.43, 48.18, 46.57, 45.41, 47.77, 47.72, 48.62, 47.85,
    ];

    // The 14-day ATR column, from the 14th bar on.
    private static readonly double[] AtrPublished =
    [
        0.555, 0.593929, 0.585791, 0.568949, 0.615452, 0.61792, 0.642354, 0.674329, 0.69277, 0.775429,
        0.78147, 1.209229, 1.30262, 1.38029, 1.366698, 1.336219, 1.316482,
    ];

    [Fact]
    public void Rsi14_StockChartsQqqqExample_MatchesEveryPublishedValue()
    {
        var rsi = new Rsi(14);
        var produced = new List<double>();
        for (var i = 0; i < RsiCloses.Length; i++)
        {
            rsi.Add(RsiCloses[i]);
            if (i < 14)
            {
                Assert.True(double.IsNaN(rsi.Value), $"RSI defined too early at close {i + 1}");
            }
            else
            {
                produced.Add(rsi.Value);
            }
        }

        Assert.Equal(RsiPublished.Length, produced.Count);
        for (var i = 0; i < produced.Count; i++)
        {
            Assert.True(Math.Abs(produced[i] - RsiPublished[i]) < 1e-4, $"RSI at close {i + 15}: {produced[i]} vs {RsiPublished[i]}");
        }
    }

    [Fact]
    public void Atr14_StockChartsQqqqExample_MatchesEveryPublishedValue()
    {
        var atr = new Atr(14);
        var produced = new List<double>();
        for (var i = 0; i < AtrClose.Length; i++)
        {
            atr.Add(AtrHigh[i], AtrLow[i], AtrClose[i]);
            if (i < 13)
            {
                Assert.True(double.IsNaN(atr.Value), $"ATR defined too early at bar {i + 1}");
            }
            else
            {
                produced.Add(atr.Value);
            }
        }

        Assert.Equal(AtrPublished.Length, produced.Count);
        for (var i = 0; i < produced.Count; i++)
        {
            Assert.True(Math.Abs(produced[i] - AtrPublished[i]) < 1e-6, $"ATR at bar {i + 14}: {produced[i]} vs {AtrPublished[i]}");
        }
    }

    [Fact]
    public void TrueRange_StockChartsBars_MatchPublishedTrueRange()
    {
        // Bar 25 of cs-atr.xls: high 48.3201, low 41.55 after a close of 48.18 — TR is high − low = 6.7701;
        // bar 27: high 47.80, low 47.31 after a close of 45.41 — the gap up wins: |high − previous close| = 2.39.
        Assert.Equal(6.7701, Atr.TrueRange(48.3201, 41.55, 48.18), 9);
        Assert.Equal(2.39, Atr.TrueRange(47.80, 47.31, 45.41), 9);
        Assert.Equal(0.91, Atr.TrueRange(48.70, 47.79, null), 9);
    }
}
