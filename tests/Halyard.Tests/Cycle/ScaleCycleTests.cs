using Halyard.Domain;
using Halyard.Execution;
using Halyard.Journal;
using Halyard.Risk;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

/// <summary>Scaling out and in through the whole cycle: Validator, DecisionIntents, the order step, the plan memory, the journal.</summary>
public class ScaleCycleTests
{
    [Fact]
    public async Task Cycle_PartialClose_SendsAFractionKeepsThePositionAndItsPlanAndStartsNoCooldown()
    {
        var harness = new CycleHarness();
        harness.Maker.Then(harness.Open("SOL") with { Reasoning = "plan" })
            .Then(new TradingDecision("SOL", DecisionAction.CloseLong, PositionSizeUsd: 5_000m, Reasoning: "take half"));

        await harness.StepAsync();
        var record = await harness.StepAsync();

        var close = Assert.Single(harness.Venue.Intents.OfType<CloseIntent>());
        Assert.InRange(close.Fraction!.Value, 0.49m, 0.51m);
        Assert.Equal(VerdictKinds.Accepted, Assert.Single(record.Verdicts).Verdict);
        Assert.Equal("reduce", Assert.Single(record.Actions, a => a.Symbol == "SOL").Action);
        Assert.DoesNotContain("SOL", harness.Cycle.State.RecentlyClosed.Keys);
        Assert.Equal("plan", Assert.Single(record.Plans!).Reasoning);
        Assert.NotNull((await harness.Venue.GetAccountAsync(CancellationToken.None)).Value!.PositionOf("SOL"));
    }

    [Fact]
    public async Task Cycle_ScaleInOn_AddsToTheHeldPositionAndCountsTheAddInThePlan()
    {
        var harness = new CycleHarness(s => s with { Guards = new GuardSwitches { ScaleIn = true } });
        var first = harness.Open("SOL") with { Reasoning = "entry idea", InvalidationCondition = "below 140" };
        harness.Maker.Then(first).Then(harness.Open("SOL", sizeUsd: 4_000m) with { StopLoss = 149m, Reasoning = "add on strength" });

        await harness.StepAsync();
        var record = await harness.StepAsync();

        var add = harness.Venue.Intents.OfType<OpenIntent>().Last();
        Assert.True(add.ScaleIn);
        var plan = Assert.Single(record.Plans!);
        Assert.Equal(("entry idea", "below 140", 149m, 1, 1L), (plan.Reasoning, plan.InvalidationCondition, plan.StopLoss, plan.Adds, plan.OpenedCycle));
        var position = (await harness.Venue.GetAccountAsync(CancellationToken.None)).Value!.PositionOf("SOL")!;
        Assert.True(position.PositionValue > 13_000m, $"combined {position.PositionValue}");
    }

    [Fact]
    public async Task Cycle_ScaleInOff_AnOpenOnAHeldCoinIsStillRefused()
    {
        var harness = new CycleHarness();
        harness.Maker.Then(harness.Open("SOL")).Then(harness.Open("SOL", sizeUsd: 4_000m));

        await harness.StepAsync();
        var record = await harness.StepAsync();

        Assert.Single(harness.Venue.Intents.OfType<OpenIntent>());
        Assert.Contains("would_pyramid", Assert.Single(record.Verdicts).ReasonCodes);
    }
}
