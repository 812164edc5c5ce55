using System.Globalization;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ValidatorSizingTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    // SOL: altcoin cap 10, asset max 20 → cap 10.
    [Theory]
    [InlineData(10, "accept")]
    [InlineData(9, "accept")]
    [InlineData(11, "reject")]
    public void ValidateBatch_AltLeverageDenyPolicy_Boundary(int leverage, string outcome)
    {
        var scenario = new ValidatorScenario { Limits = new ValidatorScenario().Limits with { LeverageOverCap = LeverageOverCapPolicy.Deny } };
        VerdictAssert.Outcome(scenario.One(ValidatorScenario.Long() with { Leverage = leverage }), outcome, ReasonCode.LeverageAboveCap);
    }

    [Fact]
    public void ValidateBatch_AltLeverageJustAboveCap_ClampedToCap()
    {
        var verdict = new ValidatorScenario().One(ValidatorScenario.Long() with { Leverage = 11 });
        VerdictAssert.Adjusted(verdict, "leverage", 11m, 10m, ReasonCode.LeverageAboveCap);
        Assert.Equal(10, verdict.Executable!.Leverage);
        Assert.Equal(11, verdict.Decision.Leverage);
    }

    // BTC: major cap 20, asset max 40 → cap 20. 60,000 USD is inside the BTC band (50,000–100,000).
    [Theory]
    [InlineData(20, null)]
    [InlineData(19, null)]
    [InlineData(21, 20)]
    public void ValidateBatch_MajorLeverage_CapIsMajorCap(int leverage, int? clampedTo)
    {
        var decision = ValidatorScenario.Long("BTC") with { Leverage = leverage, PositionSizeUsd = 60_000m, StopLoss = 99_000m, TakeProfit = 110_000m };
        var verdict = new ValidatorScenario().One(decision);
        if (clampedTo is { } cap)
        {
            VerdictAssert.Adjusted(verdict, "leverage", leverage, cap, ReasonCode.LeverageAboveCap);
        }
        else
        {
            VerdictAssert.Accepted(verdict);
        }
    }

    // LOWCAP: asset max 3 < altcoin cap 10 → cap 3, whatever the configuration says.
    [Theory]
    [InlineData(3, null)]
    [InlineData(4, 3)]
    public void ValidateBatch_AssetMaxBelowConfiguredCap_AssetMaxWins(int leverage, int? clampedTo)
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { ValueBands = false } };
        var decision = ValidatorScenario.Long("LOWCAP") with { Leverage = leverage, PositionSizeUsd = 1_100m, StopLoss = 5m, TakeProfit = 7.5m };
        var verdict = scenario.One(decision);
        if (clampedTo is { } cap)
        {
            VerdictAssert.Adjusted(verdict, "leverage", leverage, cap, ReasonCode.LeverageAboveCap);
        }
        else
        {
            VerdictAssert.Accepted(verdict);
        }
    }

    [Theory]
    [InlineData(15, null)]
    [InlineData(20, null)]
    [InlineData(21, 20)]
    public void ValidateBatch_LeverageCapSwitchedOff_AssetMaxStillApplies(int leverage, int? clampedTo)
    {
        var verdict = new ValidatorScenario { Guards = new GuardSwitches { LeverageCap = false } }.One(ValidatorScenario.Long() with { Leverage = leverage });
        if (clampedTo is { } cap)
        {
            VerdictAssert.Adjusted(verdict, "leverage", leverage, cap, ReasonCode.LeverageAboveCap);
        }
        else
        {
            VerdictAssert.Accepted(verdict);
        }
    }

    // Altcoin band at equity 10,000: 0.8x–1.5x = 8,000–15,000.
    [Theory]
    [InlineData("8000", "accept")]
    [InlineData("8000.01", "accept")]
    [InlineData("7999.99", "reject")]
    [InlineData("15000", "accept")]
    [InlineData("14999.99", "accept")]
    public void ValidateBatch_AltValueBand_Boundary(string value, string outcome) =>
        VerdictAssert.Outcome(new ValidatorScenario().One(ValidatorScenario.Long() with { PositionSizeUsd = D(value) }), outcome, ReasonCode.ValueBelowBand);

    [Fact]
    public void ValidateBatch_AltValueJustAboveBand_ClampedToBandMax() =>
        VerdictAssert.Adjusted(new ValidatorScenario().One(ValidatorScenario.Long() with { PositionSizeUsd = 15_000.01m }),
            "position_size_usd", 15_000.01m, 15_000m, ReasonCode.ValueAboveBand);

    [Fact]
    public void ValidateBatch_AltValueAboveBandDenyPolicy_Rejected()
    {
        var scenario = new ValidatorScenario { Limits = new ValidatorScenario().Limits with { SizeOverCap = SizeOverCapPolicy.Deny } };
        VerdictAssert.RejectedOnly(scenario.One(ValidatorScenario.Long() with { PositionSizeUsd = 15_000.01m }), ReasonCode.ValueAboveBand);
        VerdictAssert.Accepted(scenario.One(ValidatorScenario.Long() with { PositionSizeUsd = 15_000m }));
    }

    // BTC band at equity 10,000: 5x–10x = 50,000–100,000 (at 20x the margin is at most 5,000).
    [Theory]
    [InlineData("50000", "accept")]
    [InlineData("49999.99", "reject")]
    [InlineData("100000", "accept")]
    public void ValidateBatch_MajorValueBand_Boundary(string value, string outcome)
    {
        var decision = ValidatorScenario.Long("BTC") with { Leverage = 20, PositionSizeUsd = D(value), StopLoss = 99_000m, TakeProfit = 110_000m };
        VerdictAssert.Outcome(new ValidatorScenario().One(decision), outcome, ReasonCode.ValueBelowBand);
    }

    [Fact]
    public void ValidateBatch_MajorValueJustAboveBand_ClampedToBandMax()
    {
        var decision = ValidatorScenario.Long("ETH") with { Leverage = 20, PositionSizeUsd = 100_000.01m, StopLoss = 3_900m, TakeProfit = 4_400m };
        VerdictAssert.Adjusted(new ValidatorScenario().One(decision), "position_size_usd", 100_000.01m, 100_000m, ReasonCode.ValueAboveBand);
    }

    [Fact]
    public void ValidateBatch_ValueBandsSwitchedOff_SmallAltAccepted() =>
        VerdictAssert.Accepted(new ValidatorScenario { Guards = new GuardSwitches { ValueBands = false } }
            .One(ValidatorScenario.Long() with { PositionSizeUsd = 500m }));

    private static ValidatorScenario MaxSize(decimal max, SizeOverCapPolicy policy = SizeOverCapPolicy.Clamp) =>
        new() { Limits = new ValidatorScenario().Limits with { MaxPositionSizeUsd = max, SizeOverCap = policy } };

    [Theory]
    [InlineData("12000", "accept")]
    [InlineData("11999.99", "accept")]
    [InlineData("12000.01", "reject")]
    public void ValidateBatch_MaxPositionSizeDenyPolicy_Boundary(string value, string outcome) =>
        VerdictAssert.Outcome(MaxSize(12_000m, SizeOverCapPolicy.Deny).One(ValidatorScenario.Long() with { PositionSizeUsd = D(value) }), outcome, ReasonCode.SizeAboveMax);

    [Fact]
    public void ValidateBatch_ValueJustAboveMaxPositionSize_ClampedToMax() =>
        VerdictAssert.Adjusted(MaxSize(12_000m).One(ValidatorScenario.Long() with { PositionSizeUsd = 12_000.01m }),
            "position_size_usd", 12_000.01m, 12_000m, ReasonCode.SizeAboveMax);

    [Fact]
    public void ValidateBatch_AboveBandAndMaxSize_ClampedToTheLowerCap() =>
        VerdictAssert.Adjusted(MaxSize(12_000m).One(ValidatorScenario.Long() with { PositionSizeUsd = 16_000m }),
            "position_size_usd", 16_000m, 12_000m, ReasonCode.SizeAboveMax);

    [Fact]
    public void ValidateBatch_AboveBandAndMaxSizeDenyPolicy_BothReasons() =>
        Assert.Equal([ReasonCode.ValueAboveBand, ReasonCode.SizeAboveMax],
            MaxSize(12_000m, SizeOverCapPolicy.Deny).One(ValidatorScenario.Long() with { PositionSizeUsd = 16_000m }).Reasons);

    [Fact]
    public void ValidateBatch_MaxSizeBelowBandMin_ClampedValueRejectedBelowBand()
    {
        // The design's default max_position_size_usd (1,500) is below the alt band (8,000) at 10,000 equity.
        var verdict = MaxSize(1_500m).One(ValidatorScenario.Long());
        VerdictAssert.RejectedOnly(verdict, ReasonCode.ValueBelowBand);
        Assert.Contains("after clamping 10000 to 1500", verdict.Violations[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateBatch_MaxPositionSizeSwitchedOff_LargeValueOnlyBandApplies() =>
        VerdictAssert.Accepted(new ValidatorScenario { Limits = new ValidatorScenario().Limits with { MaxPositionSizeUsd = 1_000m }, Guards = new GuardSwitches { MaxPositionSize = false } }
            .One(ValidatorScenario.Long()));

    [Fact]
    public void ValidateBatch_LeverageAndValueClamped_BothAdjustmentsAndMarginUsesClampedValues()
    {
        var verdict = new ValidatorScenario().One(ValidatorScenario.Long() with { Leverage = 15, PositionSizeUsd = 20_000m });
        Assert.Equal(VerdictKind.Adjusted, verdict.Kind);
        Assert.Equal(["leverage", "position_size_usd"], verdict.Adjustments.Select(a => a.Field));
        Assert.Equal((10, 15_000m), (verdict.Executable!.Leverage, verdict.Executable.PositionSizeUsd));
    }

    // Minimum order value 11 after rounding the size down. LOWCAP: price 5.5, whole coins only, bands off.
    [Theory]
    [InlineData("11", "accept")]     // 2 coins = 11.0
    [InlineData("16.49", "accept")]  // 2.998 → 2 coins = 11.0
    [InlineData("10.99", "reject")]  // 1.998 → 1 coin = 5.5
    [InlineData("16.5", "accept")]   // 3 coins = 16.5
    public void ValidateBatch_MinOrderValueAfterRoundingDown_Boundary(string value, string outcome)
    {
        var scenario = new ValidatorScenario { Guards = new GuardSwitches { ValueBands = false } };
        var decision = ValidatorScenario.Long("LOWCAP") with { Leverage = 2, PositionSizeUsd = D(value), StopLoss = 5m, TakeProfit = 7.5m };
        VerdictAssert.Outcome(scenario.One(decision), outcome, ReasonCode.BelowMinOrderValue);
    }

    [Theory]
    [InlineData("10", "accept")]
    [InlineData("9.99", "reject")]
    public void ValidateBatch_ConfiguredMinimumBelowVenueMinimum_VenueTenDollarsApplies(string value, string outcome)
    {
        var scenario = new ValidatorScenario
        {
            Guards = new GuardSwitches { ValueBands = false },
            Limits = new ValidatorScenario().Limits with { MinOrderValueUsd = 1m },
        };
        scenario.Assets["LOWCAP"] = ValidatorScenario.Asset("LOWCAP", 1m, 100_000_000m);
        var decision = ValidatorScenario.Long("LOWCAP") with { Leverage = 2, PositionSizeUsd = D(value), StopLoss = 0.9m, TakeProfit = 1.5m };
        VerdictAssert.Outcome(scenario.One(decision), outcome, ReasonCode.BelowMinOrderValue);
    }

    [Fact]
    public void ValidateBatch_MinOrderValueUsesInstrumentRounding() =>
        Assert.Equal(1.99m, new InstrumentRules("X", 0, 2, 10).RoundSizeDown(1.999m));
}
