namespace Halyard.Journal.Analytics;

/// <summary>
/// Risk-adjusted figures of an equity curve (definitions: <c>docs/analytics.md</c>). Returns are per
/// cycle, <c>r_i = E_i / E_(i−1) − 1</c>; mean and variance are computed in <c>decimal</c> so equal
/// returns have exactly zero deviation; the ratios are annualised by <c>sqrt(periods per year)</c> where
/// the period is the median real interval between the curve's points.
/// </summary>
/// <param name="Returns">Number of per-cycle returns.</param>
/// <param name="MedianIntervalSeconds">Median time between consecutive points; null with fewer than two points.</param>
/// <param name="PeriodsPerYear">Seconds per year ÷ median interval; null when the interval is not positive.</param>
/// <param name="MeanReturn">Arithmetic mean of the returns (per period).</param>
/// <param name="StdReturn">Sample standard deviation (n − 1).</param>
/// <param name="DownsideDeviation">sqrt(Σ min(r_i, 0)² / n).</param>
/// <param name="Sharpe">mean / std × sqrt(periods per year); null below the minimum sample or when std is 0.</param>
/// <param name="Sortino">mean / downside deviation × sqrt(periods per year); null below the minimum sample or with no negative return.</param>
/// <param name="MaxDrawdownPct">Largest peak-to-trough fall in percent of the peak; null with no points.</param>
public sealed record ReturnStatistics(
    int Returns,
    double? MedianIntervalSeconds,
    double? PeriodsPerYear,
    double? MeanReturn,
    double? StdReturn,
    double? DownsideDeviation,
    double? Sharpe,
    double? Sortino,
    decimal? MaxDrawdownPct)
{
    /// <summary>Computes every figure over <paramref name="curve"/>, which must be ordered by time.</summary>
    public static ReturnStatistics Compute(IReadOnlyList<EquityPoint> curve, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(options);
        var returns = PeriodReturns(curve);
        var median = MedianIntervalOf(curve);
        double? periods = median is > 0 ? options.DaysPerYear * 86_400d / median.Value : null;
        var n = returns.Count;

        decimal? mean = n > 0 ? returns.Sum() / n : null;
        decimal? variance = n > 1 ? returns.Sum(r => (r - mean!.Value) * (r - mean.Value)) / (n - 1) : null;
        decimal? downsideVariance = n > 0 ? returns.Sum(r => r < 0 ? r * r : 0m) / n : null;
        double? std = variance is { } v ? Math.Sqrt((double)v) : null;
        double? downside = downsideVariance is { } d ? Math.Sqrt((double)d) : null;

        var enough = n >= options.MinReturns && periods is not null;
        var annualiser = periods is { } p ? Math.Sqrt(p) : 0d;
        double? sharpe = enough && variance > 0 ? (double)mean!.Value / std!.Value * annualiser : null;
        double? sortino = enough && downsideVariance > 0 ? (double)mean!.Value / downside!.Value * annualiser : null;

        return new ReturnStatistics(
            n, median, periods, (double?)mean, std, downside, sharpe, sortino, MaxDrawdownPercent(curve));
    }

    /// <summary>r_i = E_i / E_(i−1) − 1 for each consecutive pair whose earlier equity is positive.</summary>
    public static IReadOnlyList<decimal> PeriodReturns(IReadOnlyList<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var returns = new List<decimal>(Math.Max(0, curve.Count - 1));
        for (var i = 1; i < curve.Count; i++)
        {
            var previous = curve[i - 1].Equity;
            if (previous > 0)
            {
                returns.Add((curve[i].Equity / previous) - 1m);
            }
        }

        return returns;
    }

    /// <summary>The median of the intervals between consecutive points (mean of the two middle ones for an even count).</summary>
    public static double? MedianIntervalOf(IReadOnlyList<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count < 2)
        {
            return null;
        }

        var intervals = new double[curve.Count - 1];
        for (var i = 1; i < curve.Count; i++)
        {
            intervals[i - 1] = (curve[i].Time - curve[i - 1].Time).TotalSeconds;
        }

        Array.Sort(intervals);
        var middle = intervals.Length / 2;
        return intervals.Length % 2 == 1 ? intervals[middle] : (intervals[middle - 1] + intervals[middle]) / 2d;
    }

    /// <summary>max over i of (peak_i − E_i) / peak_i × 100, peak_i the highest equity up to i; 0 for a curve that never falls.</summary>
    public static decimal? MaxDrawdownPercent(IReadOnlyList<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            return null;
        }

        var peak = curve[0].Equity;
        var worst = 0m;
        foreach (var point in curve)
        {
            peak = Math.Max(peak, point.Equity);
            if (peak > 0)
            {
                worst = Math.Max(worst, (peak - point.Equity) / peak * 100m);
            }
        }

        return worst;
    }
}
