using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// Partial closes. SOL at 100 with 2 size decimals, 10 SOL held long (1,000 USD); the minimum order value is
/// min_order_value_usd = 11 USD (the venue's 10 plus the default margin).
/// </summary>
public class ValidatorCloseTests
{
    private static readonly ValidatorScenario Holding = new() { Positions = [ValidatorScenario.Held("SOL", 10m)] };

    private static TradingDecision Reduce(decimal? fraction = null, decimal? usd = null) =>
        new("SOL", DecisionAction.CloseLong, PositionSizeUsd: usd, CloseFraction: fraction);

    [Theory]
    [InlineData(0.5, "partial", 0.5)]
    [InlineData(1.0, "full", 0)]
    [InlineData(0.0, "invalid", 0)]
    [InlineData(-0.1, "invalid", 0)]
    [InlineData(1.0001, "invalid", 0)]
    [InlineData(0.9999, "full_adjusted", 0)]
    public void ValidateBatch_CloseFraction_RangeIsZeroExcludedToOneIncluded(double fraction, string expected, double executed) =>
        Expect(Holding.One(Reduce((decimal)fraction)), expected, (decimal)executed);

    [Theory]
    [InlineData(0.011, "partial", 0.011)]  // the limit: 0.11 SOL = 11 USD
    [InlineData(0.012, "partial", 0.012)]  // just inside
    [InlineData(0.0109, "below", 0)]      // just outside: 0.10 SOL = 10 USD after rounding down
    public void ValidateBatch_PartClosed_MustBeWorthTheMinimumOrderValue(double fraction, string expected, double executed) =>
        Expect(Holding.One(Reduce((decimal)fraction)), expected, (decimal)executed);

    [Theory]
    [InlineData(0.989, "partial", 0.989)]  // the limit: 0.11 SOL = 11 USD remain
    [InlineData(0.988, "partial", 0.988)]  // just inside
    [InlineData(0.99, "full_adjusted", 0)] // just outside: 0.10 SOL = 10 USD would remain: closed in full
    public void ValidateBatch_Remainder_UnderTheMinimumClosesEverything(double fraction, string expected, double executed) =>
        Expect(Holding.One(Reduce((decimal)fraction)), expected, (decimal)executed);

    [Theory]
    [InlineData(500, "partial", 0.5)]
    [InlineData(900, "partial", 0.9)]
    [InlineData(999, "full_adjusted", 0)]
    [InlineData(1000, "full", 0)]
    [InlineData(1500, "full", 0)]
    public void ValidateBatch_PositionSizeUsdOnAClose_IsTheUsdToCloseAtTheLivePrice(double usd, string expected, double executed) =>
        Expect(Holding.One(Reduce(usd: (decimal)usd)), expected, (decimal)executed);

    [Fact]
    public void ValidateBatch_FractionAndUsdBoth_InvalidCloseFraction() =>
        VerdictAssert.RejectedOnly(Holding.One(Reduce(0.5m, 500m)), ReasonCode.InvalidCloseFraction);

    [Fact]
    public void ValidateBatch_PartialCloseWithoutPosition_NoPosition() =>
        VerdictAssert.RejectedOnly(new ValidatorScenario().One(Reduce(0.5m)), ReasonCode.NoPosition);

    [Fact]
    public void ValidateBatch_PartialCloseThenCloseInOneBatch_SecondIsDuplicate()
    {
        var verdicts = Holding.Validate(Reduce(0.5m), new TradingDecision("SOL", DecisionAction.CloseLong));
        Assert.True(verdicts[0].IsExecutable);
        VerdictAssert.RejectedOnly(verdicts[1], ReasonCode.DuplicateSymbolInBatch);
    }

    [Fact]
    public void ValidateBatch_PlainClose_IsUnchanged() =>
        VerdictAssert.Accepted(Holding.One(new TradingDecision("SOL", DecisionAction.CloseLong)));

    private static void Expect(Verdict v, string expected, decimal executed)
    {
        switch (expected)
        {
            case "partial":
                Assert.Equal(VerdictKind.Accepted, v.Kind);
                Assert.Equal(executed, v.Executable!.CloseFraction);
                Assert.Null(v.Executable.PositionSizeUsd);
                break;
            case "full":
                Assert.Equal(VerdictKind.Accepted, v.Kind);
                Assert.Equal((null, null), (v.Executable!.CloseFraction, v.Executable.PositionSizeUsd));
                break;
            case "full_adjusted":
                Assert.Equal(VerdictKind.Adjusted, v.Kind);
                Assert.Equal(ReasonCode.RemainderBelowMinimum, Assert.Single(v.Adjustments).Reason);
                Assert.Equal((null, null), (v.Executable!.CloseFraction, v.Executable.PositionSizeUsd));
                break;
            case "invalid":
                VerdictAssert.RejectedOnly(v, ReasonCode.InvalidCloseFraction);
                break;
            case "below":
                VerdictAssert.RejectedOnly(v, ReasonCode.BelowMinOrderValue);
                break;
            default:
                throw new ArgumentException(expected, nameof(expected));
        }
    }
}
