using Halyard.Journal.Analytics;

namespace Halyard.Tests.Journal.Analytics;

/// <summary>Equity curves for the hand-computed fixtures.</summary>
internal static class Curves
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// 10 000 then alternately × 1.02 and × 0.99, one point per <paramref name="interval"/>: the returns are
    /// exactly +0.02, −0.01, +0.02, … (decimal arithmetic keeps every point exact).
    /// </summary>
    public static List<EquityPoint> Alternating(int returns, TimeSpan interval) =>
        FromFactors(Enumerable.Range(0, returns).Select(i => i % 2 == 0 ? 1.02m : 0.99m), interval);

    public static List<EquityPoint> FromFactors(IEnumerable<decimal> factors, TimeSpan interval, decimal start = 10_000m)
    {
        var points = new List<EquityPoint> { new(T0, start) };
        foreach (var factor in factors)
        {
            points.Add(new EquityPoint(points[^1].Time + interval, points[^1].Equity * factor));
        }

        return points;
    }

    public static List<EquityPoint> FromValues(TimeSpan interval, params decimal[] values) =>
        [.. values.Select((v, i) => new EquityPoint(T0 + (interval * i), v))];
}
