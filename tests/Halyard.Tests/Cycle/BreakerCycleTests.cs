using Halyard.Decisions;
using Halyard.Risk;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

/// <summary>The circuit breakers inside a cycle: journaled trips, opens refused, flatten, operator resume; and the plan memory.</summary>
public class BreakerCycleTests
{
    private static CycleHarness Create(BreachAction onBreach = BreachAction.Pause) =>
        new(s => s with { Limits = s.Limits with { MaxDailyLossPct = 5m, MaxDrawdownPct = 8m, OnBreach = onBreach } });

    [Fact]
    public async Task RunCycle_DrawdownBreach_JournaledOpensRefusedUntilResumed()
    {
        var h = Create();
        var equity = 10_000m;
        h.Venue.AccountValue = () => equity;
        await h.StepAsync();

        equity = 9_100m;   // −9 %: both breakers trip
        h.Maker.Then(h.Open("SOL"));
        var tripped = await h.StepAsync();

        Assert.Contains(tripped.Actions, a => a.Action == "circuit_breaker" && a.Result == "max_drawdown");
        Assert.Contains(tripped.Actions, a => a.Action == "circuit_breaker" && a.Result == "daily_loss");
        Assert.Equal(["daily_loss", "max_drawdown"], tripped.Gating.PausedBy);
        Assert.False(tripped.Gating.OpensAllowed);
        Assert.Contains(tripped.Verdicts, v => v.ReasonCodes.Contains("circuit_breaker_tripped"));
        Assert.Empty(h.Venue.Intents);

        h.Clock.Advance(TimeSpan.FromDays(1));   // the day rolls over: only the drawdown breaker remains
        var nextDay = await h.StepAsync();
        Assert.Equal(["max_drawdown"], nextDay.Gating.PausedBy);

        h.Cycle.RequestResume("operator-a", "checked the positions");
        h.Maker.Then(h.Open("SOL"));
        var resumed = await h.StepAsync();

        Assert.Contains(resumed.Actions, a => a.Action == "operator_resume" && a.Result == "resumed" && a.ErrorDetail!.Contains("operator-a", StringComparison.Ordinal));
        Assert.True(resumed.Gating.OpensAllowed);
        Assert.Single(h.Venue.Intents);
    }

    [Fact]
    public async Task RunCycle_BreachWithFlatten_ClosesEveryPosition()
    {
        var h = Create(BreachAction.Flatten);
        var equity = 10_000m;
        h.Venue.AccountValue = () => equity;
        h.Holds("SOL", 50m, 180m);
        await h.StepAsync();

        equity = 9_400m;   // −6 %: the daily breaker trips
        var record = await h.StepAsync();

        Assert.Contains(record.Actions, a => a.Action == "circuit_breaker" && a.Result == "daily_loss");
        Assert.Contains(record.Actions, a => a.Action == "close" && a.Symbol == "SOL");
        Assert.Contains(h.Venue.Intents, i => i.Symbol == "SOL" && i.DecisionId.Contains("breaker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunCycle_OpenFilled_NextContextCarriesItsPlan()
    {
        var h = new CycleHarness();
        var open = h.Open("SOL") with { Reasoning = "breakout above the range", InvalidationCondition = "4h close back inside the range" };
        h.Maker.Then(open);
        await h.StepAsync();

        await h.StepAsync();

        var seen = h.Maker.Contexts[^1];
        var plan = Assert.Contains("SOL", seen.Memory.Plans);
        Assert.Equal("4h close back inside the range", plan.Invalidation);
        Assert.Equal(1, plan.OpenedCycle);
    }
}
