using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// Scaling in (features.scale_in). Equity 10,000; SOL at 100 held long 50 coins (5,000 USD, 5x cross); the
/// altcoin band is 0.8x–1.5x equity (8,000–15,000 USD): the guards judge the held value plus the add.
/// </summary>
public class ValidatorScaleInTests
{
    private static readonly GuardSwitches ScaleIn = new() { ScaleIn = true };

    private static ValidatorScenario Holding(decimal coins = 50m, GuardSwitches? guards = null, RiskLimits? limits = null, int adds = 0) => new()
    {
        Positions = [ValidatorScenario.Held("SOL", coins, margin: Math.Abs(coins) * 100m / 5m)],
        MarginUsed = Math.Abs(coins) * 100m / 5m,
        Guards = guards ?? ScaleIn,
        Limits = limits ?? new ValidatorScenario().Limits,
        Adds = adds,
    };

    private static TradingDecision Add(decimal usd, int leverage = 5) => ValidatorScenario.Long() with { PositionSizeUsd = usd, Leverage = leverage };

    [Fact]
    public void ValidateBatch_ScaleInOff_SameSideOpenIsStillWouldPyramid() =>
        VerdictAssert.RejectedOnly(Holding(guards: GuardSwitches.AllOn).One(Add(10_000m)), ReasonCode.WouldPyramid);

    [Fact]
    public void ValidateBatch_ScaleInOn_OppositeOpenIsStillWouldHedge() =>
        VerdictAssert.RejectedOnly(Holding().One(ValidatorScenario.Short() with { PositionSizeUsd = 10_000m }), ReasonCode.WouldHedge);

    [Theory]
    [InlineData(10_000, "accept")]  // the limit: 5,000 + 10,000 = 15,000 = 1.5 x equity
    [InlineData(9_999, "accept")]   // just inside
    [InlineData(10_001, "clamp")]   // just outside: the add is cut to 10,000
    public void ValidateBatch_ValueBand_JudgesTheCombinedPosition(double usd, string expected)
    {
        var v = Holding().One(Add((decimal)usd));
        if (expected == "accept")
        {
            VerdictAssert.Accepted(v);
        }
        else
        {
            VerdictAssert.Adjusted(v, "position_size_usd", (decimal)usd, 10_000m, ReasonCode.ValueAboveBand);
        }
    }

    [Fact]
    public void ValidateBatch_ValueBandDeny_CombinedOverTheBandIsRejected() =>
        VerdictAssert.RejectedOnly(Holding(limits: new ValidatorScenario().Limits with { SizeOverCap = SizeOverCapPolicy.Deny }).One(Add(10_001m)), ReasonCode.ValueAboveBand);

    [Fact]
    public void ValidateBatch_HeldPositionAlreadyFillsTheBand_AddIsRejected() =>
        VerdictAssert.Rejected(Holding(coins: 150m).One(Add(5_000m)), ReasonCode.ValueAboveBand);

    [Theory]
    [InlineData(12_000, 7_000, "accept")]   // the limit: 5,000 + 7,000 = max_position_size_usd
    [InlineData(12_000, 6_999, "accept")]   // just inside
    [InlineData(12_000, 7_001, "clamp")]    // just outside: cut to 7,000
    public void ValidateBatch_MaxPositionSize_JudgesTheCombinedPosition(double cap, double usd, string expected)
    {
        var v = Holding(limits: new ValidatorScenario().Limits with { MaxPositionSizeUsd = (decimal)cap }).One(Add((decimal)usd));
        if (expected == "accept")
        {
            VerdictAssert.Accepted(v);
        }
        else
        {
            VerdictAssert.Adjusted(v, "position_size_usd", (decimal)usd, 7_000m, ReasonCode.SizeAboveMax);
        }
    }

    [Theory]
    [InlineData(1, 2, "accept")]  // just inside
    [InlineData(2, 2, "reject")]  // the limit reached
    [InlineData(0, 0, "reject")]  // no adds allowed
    public void ValidateBatch_MaxAddsPerPosition_CountsTheAddsMadeSinceTheOpen(int adds, int max, string expected) =>
        VerdictAssert.Outcome(
            Holding(limits: new ValidatorScenario().Limits with { MaxAddsPerPosition = max }, adds: adds).One(Add(5_000m)),
            expected,
            ReasonCode.MaxAddsReached);

    /// <summary>Stop 95 from 100: 0.0556275 USD lost per USD (5 % move, 4.5 bps taker twice, 50 bps slippage on the exit at the stop).</summary>
    [Theory]
    [InlineData(5.56275, "accept")]  // the limit: (5,000 + 5,000) x 0.0556275 = 556.275 = 5.56275 % of 10,000
    [InlineData(5.6, "accept")]      // just inside
    [InlineData(5.56, "reject")]     // just outside
    public void ValidateBatch_LossPerTrade_JudgesTheCombinedPositionAtTheNewStop(double pct, string expected) =>
        VerdictAssert.Outcome(
            Holding(limits: new ValidatorScenario().Limits with { MaxLossPerTradePct = (decimal)pct, LossOverCap = LossOverCapPolicy.Deny }).One(Add(5_000m)),
            expected,
            ReasonCode.LossAboveCap);

    [Fact]
    public void ValidateBatch_LossPerTradeClamp_CutsTheAddSoTheCombinedLossFits()
    {
        var scenario = Holding(limits: new ValidatorScenario().Limits with { MaxLossPerTradePct = 5.56m });
        var v = scenario.One(Add(5_000m));

        Assert.Equal(VerdictKind.Adjusted, v.Kind);
        var combined = 5_000m + v.Executable!.PositionSizeUsd!.Value;
        Assert.True(combined * 0.0556275m <= 556m, $"combined {combined}");
        Assert.True((combined + 0.02m) * 0.0556275m > 556m, $"combined {combined} is not the largest that fits");
    }

    [Fact]
    public void ValidateBatch_HeldLossAlreadyAtTheCap_AddIsRejectedBelowMinimum() =>
        VerdictAssert.RejectedOnly(
            Holding(limits: new ValidatorScenario().Limits with { MaxLossPerTradePct = 2m }).One(Add(5_000m)),
            ReasonCode.LossCapBelowMinimum);

    [Fact]
    public void ValidateBatch_AddAtAnotherLeverage_UsesTheHeldLeverage() =>
        VerdictAssert.Adjusted(Holding().One(Add(5_000m, leverage: 10)), "leverage", 10m, 5m, ReasonCode.ScaleInLeverage);

    [Fact]
    public void ValidateBatch_AddWithMaxPositionsReached_IsNotANewPosition()
    {
        var scenario = Holding(limits: new ValidatorScenario().Limits with { MaxPositions = 1 });
        var verdicts = scenario.Validate(Add(5_000m), ValidatorScenario.Long("AVAX") with { StopLoss = 19m, TakeProfit = 24m });
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.MaxPositionsReached);
    }

    [Fact]
    public void ValidateBatch_TwoAddsInOneBatch_SecondIsDuplicate()
    {
        var verdicts = Holding().Validate(Add(4_000m), Add(4_000m));
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.DuplicateSymbolInBatch);
    }

    [Fact]
    public void ValidateBatch_AddCountsAgainstTheCycleCap()
    {
        var verdicts = Holding(limits: new ValidatorScenario().Limits with { MaxNewPositionsPerCycle = 1 })
            .Validate(Add(4_000m), ValidatorScenario.Long("AVAX") with { StopLoss = 19m, TakeProfit = 24m });
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.CycleOpenCapReached);
    }

    /// <summary>
    /// Held 500 SOL (50,000 USD) cross on 10,000 equity: its liquidation is near 82. Adding 50,000 USD more moves the
    /// combined position's liquidation to about 92.3: a stop at 93 still triggers first, one at 90 no longer does
    /// (alone, the add's own liquidation would be far below either).
    /// </summary>
    [Theory]
    [InlineData(93, 130, "accept")]
    [InlineData(90, 140, "reject")]
    public void ValidateBatch_Liquidation_JudgesTheCombinedPosition(double stop, double target, string expected)
    {
        var guards = new GuardSwitches { ScaleIn = true, ValueBands = false, MarginUsage = false };
        var scenario = Holding(coins: 500m, guards: guards) with { MarginUsed = 0m };
        var add = Add(50_000m) with { StopLoss = (decimal)stop, TakeProfit = (decimal)target };
        var v = scenario.One(add);
        VerdictAssert.Outcome(v, expected, ReasonCode.StopBeyondLiquidation);
        if (v.IsExecutable)
        {
            StopRiskInvariants.Check(scenario.Context(), [v.Executable]);
        }
    }
}
