using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class CircuitBreakerTests
{
    private static readonly DateTimeOffset Day1 = new(2025, 7, 1, 0, 3, 0, TimeSpan.Zero);
    private static readonly RiskLimits Limits = new() { MaxDailyLossPct = 5m, MaxDrawdownPct = 20m };

    private static (BreakerState State, IReadOnlyList<BreakerTrip> Trips) Run(params (decimal Equity, DateTimeOffset At)[] points)
    {
        var state = BreakerState.Initial;
        IReadOnlyList<BreakerTrip> trips = [];
        foreach (var (equity, at) in points)
        {
            (state, trips) = state.Observe(equity, at, Limits);
        }

        return (state, trips);
    }

    // The day opens at 10,000: a 5 % loss is 9,500.
    [Theory]
    [InlineData("9500.01", false)]
    [InlineData("9500", true)]
    [InlineData("9499.99", true)]
    public void Observe_DailyLoss_Boundary(string equity, bool tripped)
    {
        var (state, trips) = Run((10_000m, Day1), (decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture), Day1.AddHours(5)));
        Assert.Equal(tripped, state.DailyTripped);
        Assert.Equal(tripped, trips.Any(t => t.Breaker == BreakerNames.DailyLoss));
    }

    [Fact]
    public void Observe_DailyTripped_EndsWhenTheUtcDayRollsOver()
    {
        var (state, _) = Run((10_000m, Day1), (9_000m, Day1.AddHours(5)));
        Assert.Equal([BreakerNames.DailyLoss], state.Tripped);

        (state, var trips) = state.Observe(9_000m, Day1.AddDays(1).AddMinutes(-3), Limits);   // 00:00 next day: a new day opens at 9,000
        Assert.Empty(state.Tripped);
        Assert.Empty(trips);
        Assert.Equal(9_000m, state.DayOpenEquity);
    }

    [Fact]
    public void Observe_AlreadyTripped_NoSecondTrip()
    {
        var (state, _) = Run((10_000m, Day1), (9_000m, Day1.AddHours(1)));
        var (_, trips) = state.Observe(8_900m, Day1.AddHours(2), Limits);
        Assert.Empty(trips);
    }

    // High-water mark 12,500 (over two days, so the daily breaker stays quiet): 20 % below it is 10,000.
    [Theory]
    [InlineData("10000.01", false)]
    [InlineData("10000", true)]
    public void Observe_Drawdown_BoundaryFromTheHighWaterMark(string equity, bool tripped)
    {
        var e = decimal.Parse(equity, System.Globalization.CultureInfo.InvariantCulture);
        var (state, _) = Run((10_000m, Day1), (12_500m, Day1.AddHours(20)), (10_400m, Day1.AddDays(1)), (10_100m, Day1.AddDays(2)), (e, Day1.AddDays(3)));
        Assert.Equal(tripped, state.DrawdownTripped);
    }

    [Fact]
    public void Drawdown_StaysUntilResumed_ThenTheHighWaterMarkRestarts()
    {
        var (state, _) = Run((10_000m, Day1), (7_900m, Day1.AddDays(1)));
        Assert.True(state.DrawdownTripped);

        (state, _) = state.Observe(8_000m, Day1.AddDays(5), Limits);
        Assert.True(state.DrawdownTripped);   // days later, still stopped

        state = state.Resume(8_000m);
        (state, var trips) = state.Observe(7_990m, Day1.AddDays(5).AddMinutes(3), Limits);
        Assert.False(state.DrawdownTripped);
        Assert.Empty(trips);
        Assert.Equal(8_000m, state.HighWaterMark);
    }
}
