using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class GateSharpeTests
{
    // The worked example of docs/analytics.md: returns +1 %, −2 %, +0.5 %, −1 %: mean −0.375 %, population
    // std sqrt(((1.375)² + (1.625)² + (0.875)² + (0.625)²) / 4) % = 1.1924 %, Sharpe −0.3145.
    [Fact]
    public void Compute_WorkedExample_MeanOverPopulationStd()
    {
        var sharpe = GateSharpe.Compute([0.01m, -0.02m, 0.005m, -0.01m], 4);
        Assert.Equal(-0.3145, sharpe!.Value, 4);
    }

    [Fact]
    public void Compute_BelowTheMinimumSample_Null() => Assert.Null(GateSharpe.Compute([0.01m, -0.02m, 0.005m], 4));

    [Fact]
    public void Compute_ZeroDeviation_Null() => Assert.Null(GateSharpe.Compute([-0.01m, -0.01m, -0.01m], 2));

    [Fact]
    public void Observe_FlatCycles_AddNoReturnAndAreNotFresh()
    {
        var sut = new GateSharpe(window: 10, minReturns: 2);
        sut.Observe(10_000m, holding: true);
        sut.Observe(9_900m, holding: true);     // −1 %, with exposure
        sut.Observe(9_800m, holding: false);    // the stop fired: still counts (held at the start)
        Assert.Equal(2, sut.Count);
        Assert.True(sut.Fresh);

        sut.Observe(9_800m, holding: false);    // flat and idle
        sut.Observe(9_800m, holding: false);

        Assert.Equal(2, sut.Count);
        Assert.False(sut.Fresh);
    }

    [Fact]
    public void Observe_MoreThanTheWindow_KeepsTheLastReturns()
    {
        var sut = new GateSharpe(window: 3, minReturns: 2);
        foreach (var equity in new[] { 100m, 99m, 98m, 99m, 100m, 101m })
        {
            sut.Observe(equity, holding: true);
        }

        Assert.Equal(3, sut.Count);
        Assert.True(sut.Sharpe > 0);   // only the last three (rising) returns remain
    }

    [Fact]
    public void Sharpe_ReadBetweenObservations_IsAlwaysThatOfTheCurrentWindow()
    {
        var sut = new GateSharpe(window: 3, minReturns: 2);
        sut.Observe(100m, holding: true);
        sut.Observe(101m, holding: true);
        sut.Observe(100m, holding: false);   // closed this cycle: the return still counts
        var first = sut.Sharpe;
        Assert.Equal(GateSharpe.Compute([(101m / 100m) - 1m, (100m / 101m) - 1m], 2), first);
        Assert.Equal(first, sut.Sharpe);

        sut.Observe(100m, holding: false);   // flat and idle: no new return, the same Sharpe
        Assert.Equal(first, sut.Sharpe);

        sut.Observe(103m, holding: true);    // new returns: the window moves on
        sut.Observe(104m, holding: true);
        Assert.Equal(GateSharpe.Compute([(100m / 101m) - 1m, (103m / 100m) - 1m, (104m / 103m) - 1m], 2), sut.Sharpe);
    }

    [Fact]
    public void Sharpe_WindowMovedOn_IsTheLinqFormulaOverTheKeptReturns_ToTheLastBit()
    {
        // Equity with many digits: returns of 28 significant digits, so any change in the order or the rounding of
        // the sums would show in the last bits of the double.
        var sut = new GateSharpe(window: 5, minReturns: 2);
        var returns = new List<decimal>();
        var equity = 10_000.123456m;
        var last = equity;
        sut.Observe(equity, holding: true);
        for (var i = 1; i <= 12; i++)
        {
            equity = decimal.Round(equity * (1m + (((i * 37) % 11) - 5) / 997m), 6);
            sut.Observe(equity, holding: true);
            returns.Add((equity / last) - 1m);
            last = equity;
        }

        var kept = returns.TakeLast(5).ToArray();
        var mean = kept.Sum() / kept.Length;
        var variance = kept.Sum(r => (r - mean) * (r - mean)) / kept.Length;
        Assert.Equal((double)mean / Math.Sqrt((double)variance), sut.Sharpe);
        Assert.Equal(GateSharpe.Compute(kept, 2), sut.Sharpe);
    }

    [Fact]
    public void Observe_OpenAfterFlat_FirstReturnCounts()
    {
        var sut = new GateSharpe(window: 10, minReturns: 2);
        sut.Observe(100m, holding: false);
        sut.Observe(100m, holding: true);   // opened this cycle: the interval ending here had no position at its start, but one at its end
        Assert.Equal(1, sut.Count);
    }
}

public class GateThresholdTests
{
    // −0.5 is the threshold: a Sharpe equal to it does not breach, just below does.
    [Theory]
    [InlineData(-0.5, true)]
    [InlineData(-0.4999, true)]
    [InlineData(-0.5001, false)]
    public void ObserveSharpe_AtTheThreshold_Boundary(double sharpe, bool opensAllowed)
    {
        var gate = new Halyard.Risk.Gating.Gate(
            Halyard.Risk.Gating.GateOptions.From(new RiskLimits()),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(opensAllowed, gate.ObserveSharpe(sharpe).OpensAllowed);
    }
}
