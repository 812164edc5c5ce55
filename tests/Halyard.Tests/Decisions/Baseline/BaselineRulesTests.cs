using Halyard.Decisions;
using Halyard.Decisions.Baseline;
using Halyard.Decisions.Parsing;
using Halyard.Decisions.Prompting;
using Halyard.Domain;
using Halyard.Risk;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Decisions.Baseline;

public class BaselineRulesTests
{
    private static readonly BaselineOptions Options = new();

    [Fact]
    public async Task DecideAsync_UptrendWithConfirmations_OpensLongInsideEveryLimit()
    {
        var ctx = Some.Context(equity: 1000m, snapshots: [Some.Uptrend("SOL", 180m)]);

        var outcome = await CreateSut().DecideAsync(ctx, CancellationToken.None);

        var d = Assert.Single(outcome.Decisions);
        Assert.Equal(DecisionAction.OpenLong, d.Action);
        Assert.Equal(85, d.Confidence);
        Assert.Equal(816m, d.PositionSizeUsd);
        Assert.Equal(3, d.Leverage);
        Assert.Equal(177.3m, d.StopLoss);
        Assert.Equal(188.77m, d.TakeProfit);
        AssertWithinLimits(ctx, d);
        Assert.Contains("4h EMA20 178.2 > EMA50 174.6 (uptrend)", d.Reasoning, StringComparison.Ordinal);
        Assert.Equal(ParseOutcome.Parsed, outcome.ParseOutcome);
        Assert.Equal(d, Assert.Single(DecisionParser.Parse(DecisionJson.Serialize(outcome.Decisions)).ValidDecisions));
        Assert.Equal((string.Empty, string.Empty), (outcome.Raw, outcome.Cot));
    }

    [Fact]
    public async Task DecideAsync_DowntrendWithConfirmations_OpensShort()
    {
        var ctx = Some.Context(equity: 1000m, snapshots: [Some.Downtrend("SOL", 180m)]);

        var d = Assert.Single((await CreateSut().DecideAsync(ctx, CancellationToken.None)).Decisions);

        Assert.Equal(DecisionAction.OpenShort, d.Action);
        Assert.True(d.StopLoss > 180m && d.TakeProfit < 180m);
        AssertWithinLimits(ctx, d);
    }

    [Theory]
    [InlineData(180, 180, 55, "no trend")]
    [InlineData(181.8, 174.6, 75, "intraday RSI14 75 is outside [45, 70]")]
    [InlineData(181.8, 174.6, 40, "intraday RSI14 40 is outside [45, 70]")]
    public void Decide_NoTrendOrRsiOutsideTheWindow_Waits(double ema20, double ema50, double rsi, string reason)
    {
        var snap = Some.Snapshot("SOL", 180m, Some.Series("3m", 180, 179.8, 179.6, rsi14: rsi, macd: 2, signal: 1), Some.Series("4h", 180, ema20, ema50, atr14: 1.8));

        var d = Assert.Single(BaselineRules.Decide(Some.Context(equity: 1000m, snapshots: [snap]), Options));

        Assert.Equal(DecisionAction.Wait, d.Action);
        Assert.Contains(reason, d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OneConfirmationOnly_WaitsBelowMinimumConfidence()
    {
        var snap = Some.Snapshot("SOL", 180m, Some.Series("3m", 180, 179.5, 179.8, rsi14: 55, macd: 0.5, signal: 1), Some.Series("4h", 180, 178, 170, atr14: 1.8));

        var d = Assert.Single(BaselineRules.Decide(Some.Context(equity: 1000m, snapshots: [snap]), Options));

        Assert.Contains("1 of 3 confirmations, confidence 65 < minimum 70", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CooldownAfterClose_Waits()
    {
        var ctx = Some.Context(equity: 1000m) with { RecentlyClosed = new Dictionary<string, DateTimeOffset> { ["SOL"] = Some.Now.AddMinutes(-5) } };

        Assert.Contains("cooldown after close until 12:10:00Z", Assert.Single(BaselineRules.Decide(ctx, Options)).Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OpenInterestBelowThreshold_Waits()
    {
        var ctx = Some.Context(equity: 1000m, snapshots: [Some.Snapshot("SOL", 180m, openInterestCoins: 1000m)]);

        Assert.Contains("below the liquidity threshold", Assert.Single(BaselineRules.Decide(ctx, Options)).Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BandMinimumAboveSizeCap_Waits()
    {
        var ctx = Some.Context(equity: 10_000m, snapshots: [Some.Uptrend("SOL", 180m)]);

        Assert.Contains("no size fits", Assert.Single(BaselineRules.Decide(ctx, Options)).Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LittleMarginHeadroom_RaisesLeverageWithinTheCap()
    {
        var ctx = Some.Context(equity: 1000m, marginUsed: 800m, snapshots: [Some.Uptrend("SOL", 180m)]);

        var d = Assert.Single(BaselineRules.Decide(ctx, Options));

        Assert.Equal(9, d.Leverage);
        Assert.True(d.PositionSizeUsd / d.Leverage <= ctx.MarginHeadroomUsd);
    }

    [Fact]
    public void Decide_NoMarginHeadroom_Waits()
    {
        var ctx = Some.Context(equity: 1000m, marginUsed: 890m, snapshots: [Some.Uptrend("SOL", 180m)]);

        Assert.Contains("above the cap 10x", Assert.Single(BaselineRules.Decide(ctx, Options)).Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BudgetOfOneOpen_SecondCandidateWaits()
    {
        var ctx = Some.Context(equity: 1000m, snapshots: [Some.Uptrend("SOL", 180m), Some.Uptrend("DOGE", 0.2m)]);

        var decisions = BaselineRules.Decide(ctx, Options);

        Assert.Equal([DecisionAction.OpenLong, DecisionAction.Wait], decisions.Select(d => d.Action));
        Assert.Contains("budget: 1 new open(s) allowed this cycle", decisions[1].Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LongWhenTrendFlips_ClosesFirst()
    {
        var ctx = Some.Context(equity: 1000m, positions: [Some.Long("ETH", 0.3m, 3000m)], snapshots: [Some.Downtrend("ETH", 2900m), Some.Uptrend("SOL", 180m)]);

        var decisions = BaselineRules.Decide(ctx, Options);

        Assert.Equal(("ETH", DecisionAction.CloseLong), (decisions[0].Symbol, decisions[0].Action));
        Assert.Contains("trend flipped against the long", decisions[0].Reasoning, StringComparison.Ordinal);
        Assert.Equal(DecisionAction.OpenLong, decisions[1].Action);
    }

    [Fact]
    public void Decide_ShortWhenPriceCrossesAboveEma50_ClosesOnInvalidation()
    {
        var snap = Some.Snapshot("SOL", 180m, fourHour: Some.Series("4h", 180, 182, 179, atr14: 1.8));
        var ctx = Some.Context(equity: 1000m, positions: [Some.Short("SOL", 4m, 185m)], snapshots: [snap]);

        var d = Assert.Single(BaselineRules.Decide(ctx, Options));

        Assert.Equal(DecisionAction.CloseShort, d.Action);
        Assert.Contains("trend flipped", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LongBelowEma50InUptrend_ClosesOnInvalidation()
    {
        var snap = Some.Snapshot("SOL", 170m, fourHour: Some.Series("4h", 170, 178, 174, atr14: 1.8));
        var ctx = Some.Context(equity: 1000m, positions: [Some.Long("SOL", 4m, 175m)], snapshots: [snap]);

        var d = Assert.Single(BaselineRules.Decide(ctx, Options));

        Assert.Equal(DecisionAction.CloseLong, d.Action);
        Assert.Contains("invalidation hit: price 170 below the 4h EMA50 174", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HeldLongWithTrendIntact_Holds()
    {
        var ctx = Some.Context(equity: 1000m, positions: [Some.Long("SOL", 4m, 175m)], snapshots: [Some.Uptrend("SOL", 180m)]);

        var d = Assert.Single(BaselineRules.Decide(ctx, Options));

        Assert.Equal(DecisionAction.Hold, d.Action);
        Assert.Contains("trend intact", d.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HeldWithoutData_HoldsAndCandidateWithoutDataWaits()
    {
        var ctx = Some.Context(equity: 1000m, positions: [Some.Long("ETH", 0.3m, 3000m)], snapshots: [], candidates: ["DOGE"]);

        var decisions = BaselineRules.Decide(ctx, Options);

        Assert.Equal([DecisionAction.Hold, DecisionAction.Wait], decisions.Select(d => d.Action));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(4.5)]
    public void Decide_AnyMinimumRewardRisk_TargetClearsItFromTheLivePrice(double minRr)
    {
        var limits = new RiskLimits { MinRiskRewardRatio = (decimal)minRr };
        var ctx = Some.Context(equity: 1000m, limits: limits, snapshots: [Some.Uptrend("DOGE", 0.19873m)]);

        var d = Assert.Single(BaselineRules.Decide(ctx, Options));

        Assert.True(d.IsOpen, d.Reasoning);
        AssertWithinLimits(ctx, d);
    }

    private static void AssertWithinLimits(DecisionContext ctx, TradingDecision d)
    {
        var l = ctx.Limits;
        var price = ctx.Snapshots[d.Symbol].Price;
        var isLong = d.Action == DecisionAction.OpenLong;
        Assert.True(isLong ? d.TakeProfit > price && price > d.StopLoss : d.StopLoss > price && price > d.TakeProfit);
        Assert.True(Math.Abs(d.TakeProfit!.Value - price) / Math.Abs(price - d.StopLoss!.Value) >= l.MinRiskRewardRatio);
        Assert.True(d.Confidence >= ctx.EffectiveMinConfidence);
        Assert.True(d.Leverage <= ctx.LeverageCap(d.Symbol));
        Assert.True(d.PositionSizeUsd <= l.MaxPositionSizeUsd);
        Assert.True(d.PositionSizeUsd >= l.AltPositionValueMinEquityMultiple * ctx.Equity);
        Assert.True(d.PositionSizeUsd <= l.AltPositionValueMaxEquityMultiple * ctx.Equity);
        Assert.True((ctx.Account.TotalMarginUsed + (d.PositionSizeUsd / d.Leverage)) / ctx.Equity * 100m <= l.MaxMarginUsagePct);
        var decimals = ctx.AssetMeta[d.Symbol].MaxPriceDecimals;
        Assert.Equal(d.StopLoss, decimal.Round(d.StopLoss.Value, decimals));
        Assert.Equal(d.TakeProfit, decimal.Round(d.TakeProfit.Value, decimals));
    }

    private static BaselineDecisionMaker CreateSut() => new(Options, new PromptBuilder(), new FakeTimeProvider(Some.Now));
}
