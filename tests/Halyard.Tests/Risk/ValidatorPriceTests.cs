using System.Globalization;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ValidatorPriceTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(70, "accept")]
    [InlineData(71, "accept")]
    [InlineData(69, "reject")]
    public void ValidateBatch_ConfidenceAroundMinimum_BoundaryHolds(int confidence, string outcome) =>
        VerdictAssert.Outcome(new ValidatorScenario().One(ValidatorScenario.Long() with { Confidence = confidence }), outcome, ReasonCode.ConfidenceBelowMin);

    [Theory]
    [InlineData(80, "accept")]
    [InlineData(81, "accept")]
    [InlineData(79, "reject")]
    public void ValidateBatch_Gated_MinimumRaisedByBoost(int confidence, string outcome) =>
        VerdictAssert.Outcome(new ValidatorScenario { Gated = true }.One(ValidatorScenario.Long() with { Confidence = confidence }), outcome, ReasonCode.ConfidenceBelowMin);

    [Fact]
    public void ValidateBatch_GatedButGatingSwitchedOff_PlainMinimum() =>
        VerdictAssert.Accepted(new ValidatorScenario { Gated = true, Guards = new GuardSwitches { Gating = false } }
            .One(ValidatorScenario.Long() with { Confidence = 70 }));

    [Fact]
    public void ValidateBatch_MinConfidenceSwitchedOff_LowAndMissingConfidenceAccepted()
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { MinConfidence = false } };
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long() with { Confidence = 5 }));
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long() with { Confidence = null }));
    }

    [Theory]
    [InlineData(100, "accept")]
    [InlineData(101, "reject")]
    [InlineData(-1, "reject")]
    public void ValidateBatch_ConfidenceRange_ZeroToHundred(int confidence, string outcome)
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { MinConfidence = false } };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long() with { Confidence = confidence }), outcome, ReasonCode.ConfidenceOutOfRange);
    }

    [Fact]
    public void ValidateBatch_ConfidenceZero_InRangeButBelowMinimum() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(ValidatorScenario.Long() with { Confidence = 0 }), ReasonCode.ConfidenceBelowMin);

    // Live price 100. R:R switched off so only the price relationship is judged.
    [Theory]
    [InlineData("99.99", "100.01", "accept")]
    [InlineData("100", "120", "reject")]
    [InlineData("100.01", "120", "reject")]
    [InlineData("95", "100", "reject")]
    [InlineData("95", "99.99", "reject")]
    public void ValidateBatch_LongStopBelowPriceBelowTarget_Boundary(string stop, string target, string outcome)
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { RiskReward = false } };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long() with { StopLoss = D(stop), TakeProfit = D(target) }), outcome, ReasonCode.PriceRelationInvalid);
    }

    [Theory]
    [InlineData("100.01", "99.99", "accept")]
    [InlineData("100", "80", "reject")]
    [InlineData("99.99", "80", "reject")]
    [InlineData("105", "100", "reject")]
    [InlineData("105", "100.01", "reject")]
    public void ValidateBatch_ShortStopAbovePriceAboveTarget_Boundary(string stop, string target, string outcome)
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { RiskReward = false } };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Short() with { StopLoss = D(stop), TakeProfit = D(target) }), outcome, ReasonCode.PriceRelationInvalid);
    }

    // Live price 100, stop 90: risk 10, so a target of 130 is exactly 3.
    [Theory]
    [InlineData("130", "accept")]
    [InlineData("130.01", "accept")]
    [InlineData("129.99", "reject")]
    public void ValidateBatch_LongRiskRewardAroundMinimum_Boundary(string target, string outcome) =>
        VerdictAssert.Outcome(new ValidatorScenario().One(ValidatorScenario.Long() with { StopLoss = 90m, TakeProfit = D(target) }), outcome, ReasonCode.RrBelowMin);

    [Theory]
    [InlineData("70", "accept")]
    [InlineData("69.99", "accept")]
    [InlineData("70.01", "reject")]
    public void ValidateBatch_ShortRiskRewardAroundMinimum_Boundary(string target, string outcome) =>
        VerdictAssert.Outcome(new ValidatorScenario().One(ValidatorScenario.Short() with { StopLoss = 110m, TakeProfit = D(target) }), outcome, ReasonCode.RrBelowMin);

    [Fact]
    public void ValidateBatch_RiskRewardAtMinimum_RecordsExactRatio()
    {
        var verdict = new ValidatorScenario().One(ValidatorScenario.Long() with { StopLoss = 90m, TakeProfit = 130m });
        Assert.Equal(3m, verdict.RiskReward);
        Assert.Equal(100m, verdict.ReferencePrice);
    }

    [Fact]
    public void ValidateBatch_RiskRewardSwitchedOff_LowRatioAccepted() =>
        VerdictAssert.Accepted(new ValidatorScenario { Guards = new GuardSwitches { RiskReward = false } }
            .One(ValidatorScenario.Long() with { StopLoss = 90m, TakeProfit = 101m }));

    [Fact]
    public void ValidateBatch_ModelEntryPriceFlattersRatio_JudgedFromLivePrice()
    {
        // By the model's entry of 90 the ratio is 15/5 = 3; from the live 100 it is 5/15.
        var decision = ValidatorScenario.Long() with { EntryPrice = 90m, StopLoss = 85m, TakeProfit = 105m };
        var verdict = new ValidatorScenario().One(decision);
        VerdictAssert.RejectedOnly(verdict, ReasonCode.RrBelowMin);
        Assert.Equal(100m, verdict.ReferencePrice);
    }

    [Fact]
    public void ValidateBatch_ModelEntryPriceBelowStop_StillJudgedFromLivePrice()
    {
        // An entry of 80 would put the stop (90) above the entry; the live price of 100 is what counts.
        var verdict = new ValidatorScenario().One(ValidatorScenario.Long() with { EntryPrice = 80m, StopLoss = 90m, TakeProfit = 130m });
        VerdictAssert.Accepted(verdict);
    }

    [Fact]
    public void ValidateBatch_MidDiffersFromMark_MidIsTheLivePrice()
    {
        var scenario = new ValidatorScenario();
        scenario.Assets["SOL"] = ValidatorScenario.Asset("SOL", 101m, 1_000_000m, mid: 100m);
        var verdict = scenario.One(ValidatorScenario.Long() with { StopLoss = 90m, TakeProfit = 130m });
        VerdictAssert.Accepted(verdict);
        Assert.Equal(100m, verdict.ReferencePrice);
    }

    [Fact]
    public void ValidateBatch_NoMid_MarkIsTheLivePrice()
    {
        var scenario = new ValidatorScenario();
        scenario.Assets["SOL"] = ValidatorScenario.Asset("SOL", 100m, 1_000_000m) with { MidPrice = null };
        Assert.Equal(100m, scenario.One(ValidatorScenario.Long()).ReferencePrice);
    }

    [Fact]
    public void ValidateBatch_SeveralRulesBroken_EveryReasonListed()
    {
        var verdict = new ValidatorScenario().One(ValidatorScenario.Long() with { Confidence = 50, StopLoss = 90m, TakeProfit = 110m });
        Assert.Equal([ReasonCode.RrBelowMin, ReasonCode.ConfidenceBelowMin], verdict.Reasons);
    }

    [Fact]
    public void ValidateBatch_HoldAndWait_AcceptedWithoutFields()
    {
        var verdicts = new ValidatorScenario().Validate(
            new TradingDecision("", DecisionAction.Hold),
            new TradingDecision("BTC", DecisionAction.Wait));
        Assert.All(verdicts, VerdictAssert.Accepted);
        Assert.Empty(verdicts.ToExecute());
    }
}
