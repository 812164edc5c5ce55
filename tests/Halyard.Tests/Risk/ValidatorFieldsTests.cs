using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ValidatorFieldsTests
{
    public static TheoryData<string, TradingDecision> MissingFields => new()
    {
        { "leverage", ValidatorScenario.Long() with { Leverage = null } },
        { "position_size_usd", ValidatorScenario.Long() with { PositionSizeUsd = null } },
        { "stop_loss", ValidatorScenario.Long() with { StopLoss = null } },
        { "take_profit", ValidatorScenario.Short() with { TakeProfit = null } },
        { "confidence", ValidatorScenario.Long() with { Confidence = null } },
        { "symbol", ValidatorScenario.Long() with { Symbol = " " } },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void ValidateBatch_OpenWithoutRequiredField_MissingField(string field, TradingDecision decision)
    {
        var verdict = new ValidatorScenario().One(decision);
        VerdictAssert.RejectedOnly(verdict, ReasonCode.MissingField);
        Assert.Contains(field, verdict.Violations[0].Detail, StringComparison.Ordinal);
    }

    public static TheoryData<TradingDecision> InvalidFields => new()
    {
        ValidatorScenario.Long() with { Leverage = 0 },
        ValidatorScenario.Long() with { Leverage = -3 },
        ValidatorScenario.Long() with { PositionSizeUsd = 0m },
        ValidatorScenario.Long() with { PositionSizeUsd = -10_000m },
        ValidatorScenario.Long() with { StopLoss = 0m },
        ValidatorScenario.Short() with { TakeProfit = -1m },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void ValidateBatch_ImpossibleFieldValue_InvalidField(TradingDecision decision) =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(decision), ReasonCode.InvalidField);

    [Fact]
    public void ValidateBatch_LeverageOne_IsValid() =>
        VerdictAssert.Accepted(new ValidatorScenario().One(ValidatorScenario.Long() with { Leverage = 1, PositionSizeUsd = 8_000m }));

    [Fact]
    public void ValidateBatch_UndefinedAction_InvalidAction() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(ValidatorScenario.Long() with { Action = (DecisionAction)42 }), ReasonCode.InvalidAction);

    [Fact]
    public void ValidateBatch_CoinNotInUniverse_UnknownSymbol() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(ValidatorScenario.Long("NOPE")), ReasonCode.UnknownSymbol);

    [Fact]
    public void ValidateBatch_DelistedCoin_DelistedSymbol() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(ValidatorScenario.Long("OLD") with { StopLoss = 0.9m, TakeProfit = 1.5m }), ReasonCode.DelistedSymbol);

    [Fact]
    public void ValidateBatch_NoAssetContext_NoLivePrice()
    {
        var scenario = new ValidatorScenario();
        scenario.Assets.Remove("SOL");
        VerdictAssert.RejectedOnly(scenario.One(ValidatorScenario.Long()), ReasonCode.NoLivePrice);
    }

    [Fact]
    public void ValidateBatch_ZeroPrice_NoLivePrice()
    {
        var scenario = new ValidatorScenario();
        scenario.Assets["SOL"] = ValidatorScenario.Asset("SOL", 0m, 1_000_000m);
        VerdictAssert.RejectedOnly(scenario.One(ValidatorScenario.Long()), ReasonCode.NoLivePrice);
    }

    [Fact]
    public void ValidateBatch_OpensPaused_OpenRejectedCloseAccepted()
    {
        var scenario = new ValidatorScenario { OpensPaused = true, Positions = [ValidatorScenario.Held("ETH", 1m)] };
        var verdicts = scenario.Validate(ValidatorScenario.Long(), new TradingDecision("ETH", DecisionAction.CloseLong));
        VerdictAssert.RejectedOnly(verdicts[0], ReasonCode.OpensPaused);
        VerdictAssert.Accepted(verdicts[1]);
    }

    [Fact]
    public void ValidateBatch_OpensPausedButGatingSwitchedOff_OpenAccepted() =>
        VerdictAssert.Accepted(new ValidatorScenario { OpensPaused = true, Guards = new GuardSwitches { Gating = false } }.One(ValidatorScenario.Long()));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void ValidateBatch_NoEquity_OpenRejected(int equity) =>
        VerdictAssert.Rejected(new ValidatorScenario { Equity = equity }.One(ValidatorScenario.Long()), ReasonCode.NoEquity);

    [Fact]
    public void ValidateBatch_OneBadDecision_OthersStillJudged()
    {
        var scenario = new ValidatorScenario { Positions = [ValidatorScenario.Held("ETH", -2m)] };
        var verdicts = scenario.Validate(
            ValidatorScenario.Long("NOPE"),
            ValidatorScenario.Long(),
            ValidatorScenario.Long("AVAX") with { Leverage = null },
            new TradingDecision("ETH", DecisionAction.CloseShort),
            new TradingDecision("BTC", DecisionAction.Hold));

        Assert.Equal([0, 1, 2, 3, 4], verdicts.Select(v => v.Index));
        Assert.Equal(
            [VerdictKind.Rejected, VerdictKind.Accepted, VerdictKind.Rejected, VerdictKind.Accepted, VerdictKind.Accepted],
            verdicts.Select(v => v.Kind));
        Assert.Equal(["SOL", "ETH"], verdicts.ToExecute().Select(d => d.Symbol));
    }

    [Fact]
    public void ValidateBatch_EmptyBatch_NoVerdicts() => Assert.Empty(new ValidatorScenario().Validate());
}
