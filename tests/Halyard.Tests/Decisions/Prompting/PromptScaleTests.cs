using Halyard.Decisions;
using Halyard.Decisions.Llm;
using Halyard.Decisions.Prompting;

namespace Halyard.Tests.Decisions.Prompting;

/// <summary>The prompt states the scaling rules in force; the schema carries close_fraction.</summary>
public class PromptScaleTests
{
    [Fact]
    public void Build_ScaleInOff_ForbidsPyramidingAndExplainsPartialCloses()
    {
        var system = new PromptBuilder().Build(Some.Context()).System;

        Assert.Contains("No hedging and no pyramiding", system, StringComparison.Ordinal);
        Assert.Contains("close_fraction (0 < f ≤ 1)", system, StringComparison.Ordinal);
        Assert.Contains("at least 11 USD (a smaller remainder closes the whole position)", system, StringComparison.Ordinal);
        Assert.Contains("close_fraction (0–1, optional, closes only)", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ScaleInOn_StatesTheAddLimitAndTheCombinedJudgement()
    {
        var ctx = Some.Context() with { ScaleIn = true, Limits = Some.Context().Limits with { MaxAddsPerPosition = 3 } };

        var system = new PromptBuilder().Build(ctx).System;

        Assert.Contains("Scaling in: an open in the direction you already hold adds to that position, at most 3 add(s) per position", system, StringComparison.Ordinal);
        Assert.Contains("judge the combined position", system, StringComparison.Ordinal);
        Assert.DoesNotContain("no pyramiding", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PlanAfterAdds_ShowsTheStopAndTargetInForceAndTheAddCount()
    {
        var ctx = Some.Context(positions: [Some.Long("SOL", 10m, 170m)]) with
        {
            Memory = new TradeMemory { Plans = new Dictionary<string, PositionPlan> { ["SOL"] = new("r", "i", 160m, 210m, 3, Some.Now, Adds: 1) } },
        };

        Assert.Contains("stop_loss 160 and take_profit 210 in force after 1 add(s) of 2", new PromptBuilder().Build(ctx).User, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_CloseFraction_IsANullableNumberAndRequired()
    {
        var items = DecisionSchema.Schema.GetProperty("properties").GetProperty("decisions").GetProperty("items");
        Assert.Contains(items.GetProperty("required").EnumerateArray(), e => e.GetString() == "close_fraction");
        Assert.Equal("[\"number\",\"null\"]", items.GetProperty("properties").GetProperty("close_fraction").GetProperty("type").GetRawText().Replace(" ", "", StringComparison.Ordinal));
    }
}
