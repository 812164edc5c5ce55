using Halyard.Decisions;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Decisions.Prompting;

/// <summary>The model remembers its plan: each position's entry decision, recent trades, size-down suggestions; and the gating switch.</summary>
public class PromptMemoryTests
{
    private static RenderedPrompt Build(DecisionContext ctx) => new PromptBuilder().Build(ctx);

    [Fact]
    public void Build_PositionWithAPlan_ShowsReasoningShortenedInvalidationAgeAndNetPnl()
    {
        var ctx = Some.Context(positions: [Some.Long("SOL", 10m, 170m)]) with
        {
            Memory = new TradeMemory
            {
                Plans = new Dictionary<string, PositionPlan>
                {
                    ["SOL"] = new(new string('x', 100) + " tail that is cut", "4h close below 165", 165m, 200m, 3, Some.Now.AddMinutes(-12)),
                },
                UnrealizedNetPnlUsd = new Dictionary<string, decimal> { ["SOL"] = 92.35m },
                ReasoningChars = 40,
            },
        };

        var user = Build(ctx).User;

        Assert.Contains("plan (opened cycle 3, 4 cycles ago", user, StringComparison.Ordinal);
        Assert.Contains("reasoning \"" + new string('x', 39) + "…\"", user, StringComparison.Ordinal);
        Assert.Contains("invalidation: 4h close below 165", user, StringComparison.Ordinal);
        Assert.Contains("stop_loss 165 and take_profit 200 at entry; unrealized PnL after fees 92.35 USD", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PositionWithoutAPlan_SaysSo()
    {
        var user = Build(Some.Context(positions: [Some.Long("SOL", 10m, 170m)])).User;
        Assert.Contains("plan: not known", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RecentTradesAndSuggestion_ShownWithHowTheyClosed()
    {
        var ctx = Some.Context() with
        {
            Memory = new TradeMemory
            {
                RecentTrades = [new RecentTrade("ETH", PositionSide.Long, Some.Now.AddHours(-1), "stop_loss", -120.5m), new RecentTrade("BTC", PositionSide.Short, Some.Now.AddMinutes(-9), "model", 40m)],
                Suggestions = [new SizeDownSuggestion("SOL", 9_000m, 6_400m, 6)],
            },
        };

        var user = Build(ctx).User;

        Assert.Contains("ETH long closed", user, StringComparison.Ordinal);
        Assert.Contains("by stop_loss, net PnL -120.50 USD", user, StringComparison.Ordinal);
        Assert.Contains("BTC short closed", user, StringComparison.Ordinal);
        Assert.Contains("Cycle 6: the SOL open of 9000.00 USD was refused for insufficient margin; at most about 6400.00 USD fits now.", user, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GatingSwitchedOff_NeverGatedEvenWithABadSharpe()
    {
        var ctx = Some.Context() with { GatingEnabled = false, Gated = true, Performance = PerformanceView.Empty with { GateSharpe = -3, Gated = true } };

        Assert.False(ctx.IsGated);
        Assert.Equal(ctx.Limits.MinConfidence, ctx.EffectiveMinConfidence);
        Assert.Contains("The Sharpe gate is switched off", Build(ctx).System, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BreakerTripped_PromptSaysNoOpens()
    {
        var ctx = Some.Context() with { BreakersTripped = [BreakerNames.Drawdown] };
        Assert.Contains("TRIPPED now: max_drawdown. Do not propose any open", Build(ctx).System, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StopRules_StatedWithTheNumbersInForce()
    {
        var system = Build(Some.Context(limits: new RiskLimits { MaxLossPerTradePct = 8m })).System;
        Assert.Contains("must be at most 8% of equity (800.00 USD now)", system, StringComparison.Ordinal);
        Assert.Contains("the stop must trigger before the position's estimated liquidation price", system, StringComparison.Ordinal);
    }
}
