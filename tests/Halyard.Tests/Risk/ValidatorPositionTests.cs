using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ValidatorPositionTests
{
    [Fact]
    public void ValidateBatch_OpenOnCoinHeldSameSide_WouldPyramid() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario { Positions = [ValidatorScenario.Held("SOL", 10m)] }.One(ValidatorScenario.Long()), ReasonCode.WouldPyramid);

    [Fact]
    public void ValidateBatch_NoPyramidingSwitchedOff_SameSideOpenAccepted() =>
        VerdictAssert.Accepted(new ValidatorScenario { Positions = [ValidatorScenario.Held("SOL", 10m)], Guards = new GuardSwitches { NoPyramiding = false } }
            .One(ValidatorScenario.Long()));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ValidateBatch_OpenAgainstHeldPosition_WouldHedgeEvenWithSwitchOff(bool noPyramiding)
    {
        var scenario = new ValidatorScenario { Positions = [ValidatorScenario.Held("SOL", 10m)], Guards = new GuardSwitches { NoPyramiding = noPyramiding } };
        VerdictAssert.RejectedOnly(scenario.One(ValidatorScenario.Short()), ReasonCode.WouldHedge);
    }

    [Fact]
    public void ValidateBatch_ZeroSizePosition_IsNotHeld() =>
        VerdictAssert.Accepted(new ValidatorScenario { Positions = [ValidatorScenario.Held("SOL", 0m)] }.One(ValidatorScenario.Long()));

    [Fact]
    public void ValidateBatch_SameCoinOpenedTwiceInBatch_SecondIsDuplicate()
    {
        var verdicts = new ValidatorScenario().Validate(ValidatorScenario.Long() with { Leverage = 10 }, ValidatorScenario.Long() with { Leverage = 10 });
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.DuplicateSymbolInBatch);
    }

    [Fact]
    public void ValidateBatch_OppositeOpensOnSameCoinInBatch_SecondWouldHedge()
    {
        var verdicts = new ValidatorScenario().Validate(ValidatorScenario.Long() with { Leverage = 10 }, ValidatorScenario.Short() with { Leverage = 10 });
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.WouldHedge);
    }

    [Fact]
    public void ValidateBatch_FirstOpenRejected_SecondOpenOnSameCoinStillJudgedOnItsOwn()
    {
        var verdicts = new ValidatorScenario().Validate(ValidatorScenario.Long() with { Confidence = 10 }, ValidatorScenario.Long());
        VerdictAssert.RejectedOnly(verdicts[0], ReasonCode.ConfidenceBelowMin);
        VerdictAssert.Accepted(verdicts[1]);
    }

    [Theory]
    [InlineData(DecisionAction.CloseLong, 2.5, "accept")]
    [InlineData(DecisionAction.CloseShort, -2.5, "accept")]
    public void ValidateBatch_CloseMatchingPosition_Accepted(DecisionAction action, double size, string outcome)
    {
        var scenario = new ValidatorScenario { Positions = [ValidatorScenario.Held("ETH", (decimal)size)] };
        VerdictAssert.Outcome(scenario.One(new TradingDecision("ETH", action)), outcome, ReasonCode.NoPosition);
    }

    [Fact]
    public void ValidateBatch_CloseWithoutPosition_NoPosition() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(new TradingDecision("ETH", DecisionAction.CloseLong)), ReasonCode.NoPosition);

    [Fact]
    public void ValidateBatch_CloseOppositeSide_PositionSideMismatch() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario { Positions = [ValidatorScenario.Held("ETH", -1m)] }
            .One(new TradingDecision("ETH", DecisionAction.CloseLong)), ReasonCode.PositionSideMismatch);

    [Fact]
    public void ValidateBatch_SameCloseTwice_SecondIsDuplicate()
    {
        var verdicts = new ValidatorScenario { Positions = [ValidatorScenario.Held("ETH", 1m)] }.Validate(
            new TradingDecision("ETH", DecisionAction.CloseLong), new TradingDecision("ETH", DecisionAction.CloseLong));
        VerdictAssert.Accepted(verdicts[0]);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.DuplicateSymbolInBatch);
    }

    [Fact]
    public void ValidateBatch_CloseWithoutSymbol_MissingField() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(new TradingDecision("", DecisionAction.CloseShort)), ReasonCode.MissingField);

    [Fact]
    public void ValidateBatch_CloseOfDelistedOrUnknownCoin_AcceptedWhenHeld()
    {
        var scenario = new ValidatorScenario { Positions = [ValidatorScenario.Held("OLD", 5m), ValidatorScenario.Held("GONE", -5m)] };
        var verdicts = scenario.Validate(new TradingDecision("OLD", DecisionAction.CloseLong), new TradingDecision("GONE", DecisionAction.CloseShort));
        Assert.All(verdicts, VerdictAssert.Accepted);
    }

    [Fact]
    public void ValidateBatch_CloseIgnoresGuards_AcceptedDespiteCooldownPauseAndCaps()
    {
        var scenario = new ValidatorScenario
        {
            Positions = [ValidatorScenario.Held("SOL", 1m)],
            OpensPaused = true,
            Limits = new ValidatorScenario().Limits with { MaxNewPositionsPerCycle = 0, MaxPositions = 1 },
            MarginUsed = 50_000m,
        };
        scenario.RecentlyClosed["SOL"] = ValidatorScenario.Now;
        VerdictAssert.Accepted(scenario.One(new TradingDecision("SOL", DecisionAction.CloseLong, Confidence: 5)));
    }
}
