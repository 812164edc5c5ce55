using System.Globalization;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ValidatorBudgetTests
{
    private static readonly DateTimeOffset Now = ValidatorScenario.Now;

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    // Equity 10,000, cap 90 % = 9,000; 7,000 already used. At 5x: 10,000 → 2,000 new = exactly 9,000.
    [Theory]
    [InlineData("10000", "accept")]
    [InlineData("9999.95", "accept")]
    [InlineData("10000.05", "reject")]
    public void ValidateBatch_MarginUsageAroundCap_Boundary(string value, string outcome)
    {
        var scenario = new ValidatorScenario { MarginUsed = 7_000m, Positions = [ValidatorScenario.Held("ETH", 1m, margin: 7_000m)] };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long() with { PositionSizeUsd = D(value) }), outcome, ReasonCode.MarginUsageExceeded);
    }

    [Fact]
    public void ValidateBatch_MarginUsageSwitchedOff_OverCapAccepted() =>
        VerdictAssert.Accepted(new ValidatorScenario { MarginUsed = 8_500m, Guards = new GuardSwitches { MarginUsage = false } }.One(ValidatorScenario.Long()));

    [Fact]
    public void ValidateBatch_MarginAccumulatesAcrossAcceptedOpens_RejectedOnesDoNotCount()
    {
        // Each open at 2x uses 5,000 (SOL, AVAX) or 4,000 (DOGE) of a 9,000 budget.
        var verdicts = new ValidatorScenario().Validate(
            ValidatorScenario.Long() with { Leverage = 2 },
            ValidatorScenario.Long("AVAX") with { Leverage = 2, StopLoss = 19m, TakeProfit = 24m },
            ValidatorScenario.Long("DOGE") with { Leverage = 2, PositionSizeUsd = 8_000m, StopLoss = 0.19m, TakeProfit = 0.24m });

        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.MarginUsageExceeded);
        VerdictAssert.Accepted(verdicts[2]);
        Assert.Contains("batch 5000", verdicts[1].Violations[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBatch_MarginAccumulatesAtClampedLeverage()
    {
        // 3,000 already used. SOL at 11x is clamped to 10x and uses 1,000; AVAX at 2x uses 4,000 (total 8,000);
        // DOGE at 5x would add 2,000 = 10,000 > 9,000. Had the unclamped 11x been booked, the figures would differ.
        var scenario = new ValidatorScenario { MarginUsed = 3_000m };
        var verdicts = scenario.Validate(
            ValidatorScenario.Long() with { Leverage = 11 },
            ValidatorScenario.Long("AVAX") with { Leverage = 2, PositionSizeUsd = 8_000m, StopLoss = 19m, TakeProfit = 24m },
            ValidatorScenario.Long("DOGE") with { Leverage = 5, StopLoss = 0.19m, TakeProfit = 0.24m });

        Assert.Equal(VerdictKind.Adjusted, verdicts[0].Kind);
        VerdictAssert.Accepted(verdicts[1]);
        VerdictAssert.RejectedOnly(verdicts[2], ReasonCode.MarginUsageExceeded);
        Assert.Contains("batch 5000", verdicts[2].Violations[0].Detail, StringComparison.Ordinal);
    }

    // SOL mark 100: 150,000 coins of open interest = exactly 15,000,000 USD.
    [Theory]
    [InlineData("150000", "accept")]
    [InlineData("150000.01", "accept")]
    [InlineData("149999.99", "reject")]
    public void ValidateBatch_LiquidityAroundThreshold_Boundary(string openInterest, string outcome)
    {
        var scenario = new ValidatorScenario();
        scenario.Assets["SOL"] = ValidatorScenario.Asset("SOL", 100m, D(openInterest));
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long()), outcome, ReasonCode.LiquidityBelowThreshold);
    }

    [Fact]
    public void ValidateBatch_LiquiditySwitchedOff_ThinCoinAccepted()
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { Liquidity = false } };
        scenario.Assets["SOL"] = ValidatorScenario.Asset("SOL", 100m, 10m);
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long()));
    }

    // Cooldown 15m since the close.
    [Theory]
    [InlineData(15 * 60_000, "accept")]
    [InlineData(15 * 60_000 + 1, "accept")]
    [InlineData(15 * 60_000 - 1, "reject")]
    [InlineData(0, "reject")]
    public void ValidateBatch_CooldownSinceClose_Boundary(int msAgo, string outcome)
    {
        var scenario = new ValidatorScenario();
        scenario.RecentlyClosed["SOL"] = Now - TimeSpan.FromMilliseconds(msAgo);
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long()), outcome, ReasonCode.CooldownActive);
    }

    [Fact]
    public void ValidateBatch_CooldownOnAnotherCoin_DoesNotApply()
    {
        var scenario = new ValidatorScenario();
        scenario.RecentlyClosed["AVAX"] = Now;
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long()));
    }

    [Fact]
    public void ValidateBatch_CooldownSwitchedOff_JustClosedCoinAccepted()
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { Cooldown = false } };
        scenario.RecentlyClosed["SOL"] = Now - TimeSpan.FromMinutes(1);
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long()));
    }

    // max_positions 3.
    [Theory]
    [InlineData(1, "accept")]
    [InlineData(2, "accept")]
    [InlineData(3, "reject")]
    public void ValidateBatch_MaxPositionsWithHeldPositions_Boundary(int held, string outcome)
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxPositions = 3 },
            Positions = [.. new[] { "BTC", "ETH", "AVAX" }.Take(held).Select(c => ValidatorScenario.Held(c, 1m))],
        };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long()), outcome, ReasonCode.MaxPositionsReached);
    }

    [Fact]
    public void ValidateBatch_MaxPositionsAccumulatesAcrossBatch()
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxPositions = 3 },
            Positions = [ValidatorScenario.Held("BTC", 1m)],
        };
        var verdicts = scenario.Validate(
            ValidatorScenario.Long() with { Leverage = 10 },
            ValidatorScenario.Long("AVAX") with { Leverage = 10, StopLoss = 19m, TakeProfit = 24m },
            ValidatorScenario.Long("DOGE") with { Leverage = 10, StopLoss = 0.19m, TakeProfit = 0.24m });
        Assert.Equal([VerdictKind.Accepted, VerdictKind.Accepted, VerdictKind.Rejected], verdicts.Select(v => v.Kind));
        Assert.Equal([ReasonCode.MaxPositionsReached], verdicts[2].Reasons);
    }

    [Fact]
    public void ValidateBatch_ClosedPositionInSameBatch_DoesNotFreeASlot()
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxPositions = 1 },
            Positions = [ValidatorScenario.Held("BTC", 1m)],
        };
        var verdicts = scenario.Validate(new TradingDecision("BTC", DecisionAction.CloseLong), ValidatorScenario.Long());
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.MaxPositionsReached);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(0, 0)]
    public void ValidateBatch_NewOpensPerCycle_FirstNAccepted(int cap, int accepted)
    {
        var scenario = new ValidatorScenario { Limits = new ValidatorScenario().Limits with { MaxNewPositionsPerCycle = cap } };
        var verdicts = scenario.Validate(
            ValidatorScenario.Long() with { Leverage = 10 },
            ValidatorScenario.Long("AVAX") with { Leverage = 10, StopLoss = 19m, TakeProfit = 24m },
            ValidatorScenario.Long("DOGE") with { Leverage = 10, StopLoss = 0.19m, TakeProfit = 0.24m });
        Assert.Equal(accepted, verdicts.Count(v => v.IsExecutable));
        Assert.All(verdicts.Skip(accepted), v => VerdictAssert.RejectedOnly(v, ReasonCode.CycleOpenCapReached));
    }

    [Fact]
    public void ValidateBatch_CycleCapZero_ClosesStillAccepted()
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxNewPositionsPerCycle = 0 },
            Positions = [ValidatorScenario.Held("BTC", 1m)],
        };
        VerdictAssert.Accepted(scenario.One(new TradingDecision("BTC", DecisionAction.CloseLong)));
    }

    // max_new_positions_per_hour 4; an open exactly one hour ago no longer counts.
    [Theory]
    [InlineData(3, 60_000, "accept")]
    [InlineData(4, 60_000, "reject")]
    [InlineData(4, 3_600_000, "accept")]
    [InlineData(4, 3_599_999, "reject")]
    public void ValidateBatch_NewOpensPerHour_Boundary(int recentOpens, int oldestMsAgo, string outcome)
    {
        var opens = Enumerable.Range(0, recentOpens)
            .Select(i => Now - TimeSpan.FromMilliseconds(i == 0 ? oldestMsAgo : 1_000 * i))
            .ToArray();
        var scenario = new ValidatorScenario { Limits = new ValidatorScenario().Limits with { MaxNewPositionsPerHour = 4 }, RecentOpens = opens };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long()), outcome, ReasonCode.HourlyOpenCapReached);
    }

    [Fact]
    public void ValidateBatch_NewOpensPerHour_CountsThisBatch()
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxNewPositionsPerHour = 4 },
            RecentOpens = [Now - TimeSpan.FromMinutes(10), Now - TimeSpan.FromMinutes(20), Now - TimeSpan.FromMinutes(30)],
        };
        var verdicts = scenario.Validate(
            ValidatorScenario.Long() with { Leverage = 10 },
            ValidatorScenario.Long("AVAX") with { Leverage = 10, StopLoss = 19m, TakeProfit = 24m });
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.HourlyOpenCapReached);
    }

    [Fact]
    public void ValidateBatch_BudgetSwitchesOff_NoBudgetReasons()
    {
        var scenario = new ValidatorScenario
        {
            Limits = new ValidatorScenario().Limits with { MaxPositions = 1, MaxNewPositionsPerCycle = 0, MaxNewPositionsPerHour = 0 },
            Positions = [ValidatorScenario.Held("BTC", 1m)],
            Guards = new GuardSwitches { MaxPositions = false, NewOpensPerCycle = false, NewOpensPerHour = false },
        };
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long()));
    }
}
