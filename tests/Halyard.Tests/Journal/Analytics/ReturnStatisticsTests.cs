using CsCheck;
using Halyard.Journal.Analytics;

namespace Halyard.Tests.Journal.Analytics;

public class ReturnStatisticsTests
{
    private static readonly AnalyticsOptions Options = AnalyticsOptions.Default;

    [Fact]
    public void Compute_AlternatingReturnsHourly_MatchesHandComputedFigures()
    {
        // r = +0.02, −0.01 five times each (n = 10).
        // mean = (5 × 0.02 − 5 × 0.01) / 10 = 0.005
        // deviations ±0.015 → Σd² = 10 × 0.000225 = 0.00225; sample variance = 0.00225 / 9 = 0.00025; std = 0.0158113883
        // per-period Sharpe = 0.005 / 0.0158113883 = 0.316227766 (= 1/√10)
        // interval 3600 s → periods per year = 365 × 86400 / 3600 = 8760
        // Sharpe = 0.316227766 × √8760 = √876 = 29.5972971739
        // downside deviation = √(5 × 0.01² / 10) = √0.00005 = 0.0070710678
        // Sortino = 0.005 / 0.0070710678 × √8760 = √4380 = 66.1815684311
        // every dip is 1 % below the running peak → max drawdown 1 %
        var stats = ReturnStatistics.Compute(Curves.Alternating(10, TimeSpan.FromHours(1)), Options);

        Assert.Equal(10, stats.Returns);
        Assert.Equal(3600d, stats.MedianIntervalSeconds);
        Assert.Equal(8760d, stats.PeriodsPerYear);
        Assert.Equal(0.005, stats.MeanReturn!.Value, 12);
        Assert.Equal(0.0158113883008419, stats.StdReturn!.Value, 12);
        Assert.Equal(29.5972971738975, stats.Sharpe!.Value, 9);
        Assert.Equal(0.00707106781186548, stats.DownsideDeviation!.Value, 12);
        Assert.Equal(66.1815684310972, stats.Sortino!.Value, 9);
        Assert.Equal(1m, stats.MaxDrawdownPct);
    }

    [Fact]
    public void Compute_SameReturnsEveryThreeMinutes_AnnualisesFromTheRealInterval()
    {
        // periods per year = 31 536 000 / 180 = 175 200; Sharpe = (1/√10) × √175200 = √17520 = 132.3631368622
        var stats = ReturnStatistics.Compute(Curves.Alternating(10, TimeSpan.FromMinutes(3)), Options);

        Assert.Equal(175_200d, stats.PeriodsPerYear);
        Assert.Equal(132.363136862194, stats.Sharpe!.Value, 9);
    }

    [Fact]
    public void Compute_IrregularIntervals_UsesTheMedianInterval()
    {
        // intervals (s): 60 60 180 60 300 60 60 120 60 60 → sorted 60×7, 120, 180, 300; the two middle ones are 60 and 60.
        // periods per year = 31 536 000 / 60 = 525 600; Sharpe = √(525600 / 10) = √52560 = 229.2596780945
        int[] seconds = [60, 60, 180, 60, 300, 60, 60, 120, 60, 60];
        var curve = Curves.Alternating(10, TimeSpan.FromMinutes(1));
        var time = Curves.T0;
        for (var i = 1; i < curve.Count; i++)
        {
            time = time.AddSeconds(seconds[i - 1]);
            curve[i] = curve[i] with { Time = time };
        }

        var stats = ReturnStatistics.Compute(curve, Options);

        Assert.Equal(60d, stats.MedianIntervalSeconds);
        Assert.Equal(229.259678094514, stats.Sharpe!.Value, 9);
    }

    [Fact]
    public void MedianIntervalOf_EvenCount_AveragesTheMiddleTwo()
    {
        // intervals 60 s and 120 s → median (60 + 120) / 2 = 90 s
        var curve = new List<EquityPoint> { new(Curves.T0, 1m), new(Curves.T0.AddSeconds(60), 1m), new(Curves.T0.AddSeconds(180), 1m) };

        Assert.Equal(90d, ReturnStatistics.MedianIntervalOf(curve));
    }

    [Fact]
    public void Compute_NineReturns_ReportsNoSharpeOrSortinoBelowTheMinimumSample()
    {
        var stats = ReturnStatistics.Compute(Curves.Alternating(9, TimeSpan.FromHours(1)), Options);

        Assert.Equal(9, stats.Returns);
        Assert.NotNull(stats.MeanReturn);
        Assert.Null(stats.Sharpe);
        Assert.Null(stats.Sortino);
    }

    [Fact]
    public void Compute_ConstantPositiveReturns_HasZeroStdAndNoRatios()
    {
        // ×1.01 ten times: every return is exactly 0.01 → variance 0 (Sharpe undefined), no negative return (Sortino undefined), no drawdown
        var stats = ReturnStatistics.Compute(Curves.FromFactors(Enumerable.Repeat(1.01m, 10), TimeSpan.FromHours(1)), Options);

        Assert.Equal(0d, stats.StdReturn);
        Assert.Null(stats.Sharpe);
        Assert.Null(stats.Sortino);
        Assert.Equal(0m, stats.MaxDrawdownPct);
    }

    [Fact]
    public void Compute_ConstantNegativeReturns_HasSortinoButNoSharpe()
    {
        // ×0.99 ten times: r = −0.01 each; std 0 → no Sharpe; downside deviation √(10 × 0.0001 / 10) = 0.01
        // Sortino = −0.01 / 0.01 × √8760 = −93.5948716544
        // max drawdown = 1 − 0.99^10 = 9.5617924991 %
        var stats = ReturnStatistics.Compute(Curves.FromFactors(Enumerable.Repeat(0.99m, 10), TimeSpan.FromHours(1)), Options);

        Assert.Null(stats.Sharpe);
        Assert.Equal(-93.5948716543807, stats.Sortino!.Value, 9);
        Assert.Equal(9.5617924991m, decimal.Round(stats.MaxDrawdownPct!.Value, 10));
    }

    [Fact]
    public void MaxDrawdownPercent_TwoDrawdowns_ReturnsTheDeeperOne()
    {
        // 100 → 120 → 90: (120 − 90) / 120 = 25 %; → 110 → 130 → 65: (130 − 65) / 130 = 50 %; → 80 (still below 130)
        var curve = Curves.FromValues(TimeSpan.FromHours(1), 100m, 120m, 90m, 110m, 130m, 65m, 80m);

        Assert.Equal(50m, ReturnStatistics.MaxDrawdownPercent(curve));
    }

    [Fact]
    public void PeriodReturns_ZeroEquity_SkipsTheReturnFromZero()
    {
        // 100 → 0: r = 0/100 − 1 = −1; 0 → 50: previous equity not positive, no return
        var curve = Curves.FromValues(TimeSpan.FromHours(1), 100m, 0m, 50m);

        Assert.Equal([-1m], ReturnStatistics.PeriodReturns(curve));
    }

    [Fact]
    public void Compute_EmptyAndSinglePointCurves_ReportNothingToMeasure()
    {
        var empty = ReturnStatistics.Compute([], Options);
        var single = ReturnStatistics.Compute([new EquityPoint(Curves.T0, 100m)], Options);

        Assert.Equal(0, empty.Returns);
        Assert.Null(empty.MedianIntervalSeconds);
        Assert.Null(empty.MeanReturn);
        Assert.Null(empty.MaxDrawdownPct);
        Assert.Equal(0m, single.MaxDrawdownPct);
        Assert.Null(single.StdReturn);
    }

    [Fact]
    public void Compute_AllPointsAtTheSameTime_HasNoAnnualisationAndNoRatios()
    {
        var curve = Curves.Alternating(12, TimeSpan.Zero);

        var stats = ReturnStatistics.Compute(curve, Options);

        Assert.Equal(0d, stats.MedianIntervalSeconds);
        Assert.Null(stats.PeriodsPerYear);
        Assert.Null(stats.Sharpe);
    }

    [Fact]
    public void Compute_ScalingEquity_LeavesEveryRatioUnchanged() =>
        Gen.Select(Gen.Decimal[0.9m, 1.1m].Array[10, 40], Gen.Decimal[0.01m, 1000m])
            .Sample((factors, scale) =>
            {
                var curve = Curves.FromFactors(factors.Select(f => decimal.Round(f, 4)), TimeSpan.FromMinutes(3));
                var scaled = curve.Select(p => p with { Equity = p.Equity * scale }).ToList();
                var a = ReturnStatistics.Compute(curve, Options);
                var b = ReturnStatistics.Compute(scaled, Options);
                return Close(a.Sharpe, b.Sharpe) && Close(a.Sortino, b.Sortino)
                    && Math.Abs(a.MaxDrawdownPct!.Value - b.MaxDrawdownPct!.Value) < 1e-12m;
            });

    [Fact]
    public void Compute_PositiveCurves_DrawdownWithinZeroAndHundredAndSharpeSignFollowsTheMean() =>
        Gen.Decimal[0.5m, 1.5m].Array[11, 60]
            .Sample(factors =>
            {
                var stats = ReturnStatistics.Compute(Curves.FromFactors(factors.Select(f => decimal.Round(f, 4)), TimeSpan.FromHours(1)), Options);
                var drawdownInRange = stats.MaxDrawdownPct is >= 0m and < 100m;
                var signAgrees = stats.Sharpe is not { } sharpe || Math.Sign(sharpe) == Math.Sign(stats.MeanReturn!.Value);
                return drawdownInRange && signAgrees;
            });

    private static bool Close(double? a, double? b) =>
        (a is null && b is null) || (a is { } x && b is { } y && Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x)));
}
