using System.Globalization;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// max_loss_per_trade_pct and the liquidation rule at their boundaries. The base open (SOL at 100, stop
/// 95, 10,000 USD, equity 10,000) loses 0.05 + 0.00045 + 0.95 × (0.00045 + 0.005) = 5.56275 % of its
/// value if its stop fills: 556.275 USD, i.e. 5.56275 % of equity.
/// </summary>
public class ValidatorStopRiskTests
{
    private const decimal PerUsd = 0.0556275m;

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static ValidatorScenario WithCap(decimal capPct, LossOverCapPolicy policy = LossOverCapPolicy.Deny, MarginKind margin = MarginKind.Cross) =>
        new() { MarginMode = margin, Limits = new ValidatorScenario().Limits with { MaxLossPerTradePct = capPct, LossOverCap = policy } };

    [Fact]
    public void LossAtStop_BaseOpen_IsMoveFeesAndSlippage() =>
        Assert.Equal(PerUsd, LossAtStop.PerUsd(100m, 95m, 4.5m, 50m));

    [Theory]
    [InlineData("5.56275", "accept")]   // the loss equals the cap
    [InlineData("5.5628", "accept")]    // just inside
    [InlineData("5.5627", "reject")]    // just outside
    public void ValidateBatch_LossCapDenyPolicy_Boundary(string capPct, string outcome) =>
        VerdictAssert.Outcome(WithCap(D(capPct)).One(ValidatorScenario.Long()), outcome, ReasonCode.LossAboveCap);

    [Fact]
    public void ValidateBatch_LossOverCapClamp_SizeCutToFit()
    {
        var verdict = WithCap(5m, LossOverCapPolicy.Clamp).One(ValidatorScenario.Long());

        var expected = decimal.Round(500m / PerUsd, 2, MidpointRounding.ToZero);
        VerdictAssert.Adjusted(verdict, "position_size_usd", 10_000m, expected, ReasonCode.LossAboveCap);
        Assert.True(LossAtStop.Usd(verdict.Executable!.PositionSizeUsd!.Value, 100m, 95m, 4.5m, 50m) <= 500m);
    }

    // The alt band minimum is 0.8 × 10,000 = 8,000: a cap of 4.4502 % fits 8,000.00 USD, 4.4501 % only 7,999.8.
    [Theory]
    [InlineData("4.4502", "adjust")]
    [InlineData("4.4501", "reject")]
    public void ValidateBatch_LossClampBelowTheBand_OwnReasonCode(string capPct, string outcome)
    {
        var verdict = WithCap(D(capPct), LossOverCapPolicy.Clamp).One(ValidatorScenario.Long());
        if (outcome == "adjust")
        {
            Assert.Equal(VerdictKind.Adjusted, verdict.Kind);
            Assert.True(verdict.Executable!.PositionSizeUsd >= 8_000m);
        }
        else
        {
            VerdictAssert.RejectedOnly(verdict, ReasonCode.LossCapBelowMinimum);
        }
    }

    [Fact]
    public void ValidateBatch_LossClampBelowTheMinimumOrder_OwnReasonCode()
    {
        var scenario = WithCap(0.001m, LossOverCapPolicy.Clamp) with { Guards = new GuardSwitches { ValueBands = false } };
        VerdictAssert.RejectedOnly(scenario.One(ValidatorScenario.Long()), ReasonCode.LossCapBelowMinimum);
    }

    [Fact]
    public void ValidateBatch_SizeClampThenLossClamp_OneAdjustmentFromTheRequestedSize()
    {
        // 20,000 is clamped to the band max 15,000 first, then to what a 5 % loss allows.
        var verdict = WithCap(5m, LossOverCapPolicy.Clamp).One(ValidatorScenario.Long() with { PositionSizeUsd = 20_000m });
        VerdictAssert.Adjusted(verdict, "position_size_usd", 20_000m, decimal.Round(500m / PerUsd, 2, MidpointRounding.ToZero), ReasonCode.LossAboveCap);
    }

    // BTC long, 100,000 USD (1 BTC) at 20x, equity 10,000, maximum leverage 40 (maintenance 1.25 %).
    // Cross: collateral 10,000 − 45 entry fee; L = (0 − 9,955 + 100,000) / (1 − 1/80) = 91,184.81.
    // Isolated: margin 5,000; L = (100,000 − 5,000) / (1 − 1/80) = 96,202.53.
    [Theory]
    [InlineData("cross", "95000", "accept")]
    [InlineData("cross", "91185", "accept")]
    [InlineData("cross", "91184", "reject")]
    [InlineData("isolated", "96203", "accept")]
    [InlineData("isolated", "96202", "reject")]
    public void ValidateBatch_LongStopAgainstLiquidation_Boundary(string margin, string stop, string outcome)
    {
        var scenario = WithCap(100m, margin: margin == "cross" ? MarginKind.Cross : MarginKind.Isolated);
        var open = new TradingDecision("BTC", DecisionAction.OpenLong, Leverage: 20, PositionSizeUsd: 100_000m, StopLoss: D(stop), TakeProfit: 130_000m, Confidence: 80);
        VerdictAssert.Outcome(scenario.One(open), outcome, ReasonCode.StopBeyondLiquidation);
    }

    // BTC short 1 BTC: L = (0 − 9,955 − 100,000) / (−1 − 1/80) = 108,597.53.
    [Theory]
    [InlineData("108597", "accept")]
    [InlineData("108598", "reject")]
    public void ValidateBatch_ShortStopAgainstCrossLiquidation_Boundary(string stop, string outcome)
    {
        var open = new TradingDecision("BTC", DecisionAction.OpenShort, Leverage: 20, PositionSizeUsd: 100_000m, StopLoss: D(stop), TakeProfit: 70_000m, Confidence: 80);
        VerdictAssert.Outcome(WithCap(100m).One(open), outcome, ReasonCode.StopBeyondLiquidation);
    }

    [Fact]
    public void ValidateBatch_LaterOpenMovesAnEarlierOpensLiquidationPastItsStop_LaterOneRejected()
    {
        // BTC alone: L = (−9,973 + 60,000) / 0.5925 = 84,434.6 < stop 85,000. With ETH 50,000 USD (maintenance
        // 1,000, fee 22.5) counted: L = (1,000 − 9,950.5 + 60,000) / 0.5925 = 86,159.5 > 85,000.
        var btc = new TradingDecision("BTC", DecisionAction.OpenLong, Leverage: 20, PositionSizeUsd: 60_000m, StopLoss: 85_000m, TakeProfit: 150_000m, Confidence: 80);
        var eth = new TradingDecision("ETH", DecisionAction.OpenLong, Leverage: 20, PositionSizeUsd: 50_000m, StopLoss: 3_800m, TakeProfit: 4_700m, Confidence: 80);

        var verdicts = WithCap(100m).Validate(btc, eth);

        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.StopBeyondLiquidation);
        Assert.Contains("BTC", verdicts[1].Violations[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBatch_HeldCrossPositionCounted_LiquidationCloser()
    {
        // A held SOL long worth 50,000 (max leverage 20: maintenance 1,250) makes the BTC stop at 91,185 unsafe.
        var scenario = WithCap(100m) with { Positions = [ValidatorScenario.Held("SOL", 500m)] };
        var open = new TradingDecision("BTC", DecisionAction.OpenLong, Leverage: 20, PositionSizeUsd: 100_000m, StopLoss: 91_185m, TakeProfit: 130_000m, Confidence: 80);
        VerdictAssert.Rejected(scenario.One(open), ReasonCode.StopBeyondLiquidation);
    }

    [Fact]
    public void LiquidationPrice_AtTheEstimate_EquityEqualsMaintenance()
    {
        var position = new MarginedPosition("BTC", 1m, 100_000m, 40);
        var l = LiquidationPrice.Cross(position, 9_955m, 0m)!.Value;
        Assert.Equal(9_955m + (l - 100_000m), l / 80m, 6);
    }
}
