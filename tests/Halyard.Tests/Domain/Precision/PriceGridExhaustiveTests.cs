using Halyard.Domain.Precision;

namespace Halyard.Tests.Domain.Precision;

/// <summary>
/// Sweeps every point of a fine lattice (one decimal finer than the market allows) through windows around
/// the hard places: the smallest price, each power of ten, and the 10 000 / 100 000 boundaries. The
/// answer at each point is the last / next valid point seen by the sweep, judged by the text oracle.
/// </summary>
public class PriceGridExhaustiveTests
{
    public static TheoryData<int, int> Windows()
    {
        var data = new TheoryData<int, int>();
        foreach (var maxDecimals in new[] { 0, 1, 2, 3, 4, 5, 6 })
        {
            foreach (var power in new[] { -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6 })
            {
                if (power >= -maxDecimals)
                {
                    data.Add(maxDecimals, power);
                }
            }

            data.Add(maxDecimals, int.MinValue);
        }

        return data;
    }

    /// <summary>
    /// The window is ±1 000 lattice units around 10^power (or [0, 2 000 units] around the smallest price
    /// when power is <see cref="int.MinValue"/>); a unit is a tenth of the grid step just below 10^power.
    /// </summary>
    [Theory]
    [MemberData(nameof(Windows))]
    public void TryAtOrBelowAndAbove_EveryLatticePoint_MatchSweep(int maxDecimals, int power)
    {
        var nearZero = power == int.MinValue;
        var stepBelow = nearZero ? -maxDecimals : Math.Min(0, Math.Max(power - 1 - 4, -maxDecimals));
        var unit = DecimalDigits.Pow10(stepBelow - 1);
        var center = nearZero ? 1_000m * unit : DecimalDigits.Pow10(power);
        var points = new List<decimal>();
        for (var i = -1_000; i <= 1_000; i++)
        {
            var p = center + (i * unit);
            if (p > 0m)
            {
                points.Add(p);
            }
        }

        Assert.True(points.Count > 100);
        decimal? lastValid = null;
        foreach (var p in points)
        {
            if (ReferenceRule.IsValidPrice(p, maxDecimals))
            {
                lastValid = p;
            }

            var hasBelow = PriceGrid.TryAtOrBelow(p, maxDecimals, out var below);
            // The sweep only knows the window; below its first valid point the answer lies outside it.
            if (lastValid is not null)
            {
                Assert.True(hasBelow);
                Assert.Equal(lastValid.Value, below);
            }
            else if (hasBelow)
            {
                Assert.True(below < points[0] || below == p);
            }
        }

        decimal? nextValid = null;
        for (var i = points.Count - 1; i >= 0; i--)
        {
            var p = points[i];
            if (ReferenceRule.IsValidPrice(p, maxDecimals))
            {
                nextValid = p;
            }

            Assert.True(PriceGrid.TryAtOrAbove(p, maxDecimals, out var above));
            if (nextValid is not null)
            {
                Assert.Equal(nextValid.Value, above);
            }
            else
            {
                Assert.True(above > points[^1]);
            }

            Assert.Equal(ReferenceRule.IsValidPrice(p, maxDecimals), PriceGrid.IsValid(p, maxDecimals));
        }
    }
}
