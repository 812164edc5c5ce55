using Halyard.Cycle;
using Halyard.Domain;
using Halyard.Execution;

namespace Halyard.Tests.Cycle;

public class DecisionIntentsTests
{
    [Fact]
    public void ToIntent_OpenAndCloseDecisions_CarriesSizeLeverageStopAndTarget()
    {
        var decision = new TradingDecision("ETH", DecisionAction.OpenShort, Leverage: 3, PositionSizeUsd: 800m, StopLoss: 2_600m, TakeProfit: 2_200m);

        var intent = decision.ToOpenIntent("t01", 4, "d-4");

        Assert.Equal((PositionSide.Short, 800m, SizeUnit.Usd, 3, 2_600m, 2_200m), (intent.Side, intent.Size.Amount, intent.Size.Unit, intent.Leverage, intent.StopLoss, intent.TakeProfit));
        Assert.Equal(PositionSide.Long, new TradingDecision("ETH", DecisionAction.CloseLong).ToCloseIntent("t01", 4, "d-5").Side);
        Assert.Throws<ArgumentException>(() => new TradingDecision("ETH", DecisionAction.Hold).ToOpenIntent("t01", 4, "d"));
    }

    [Theory]
    [InlineData(0.4, 0.4)]
    [InlineData(1.0, null)]
    public void ToCloseIntent_CloseFraction_BecomesTheIntentsFractionAndOneIsAFullClose(double fraction, double? expected)
    {
        var intent = new TradingDecision("ETH", DecisionAction.CloseShort, CloseFraction: (decimal)fraction).ToCloseIntent("t01", 4, "d");
        Assert.Equal(expected is null ? null : (decimal)expected.Value, intent.Fraction);
    }

    [Fact]
    public void ToCloseIntent_UsdSizeNotRestatedByTheValidator_IsABug() =>
        Assert.Throws<ArgumentException>(() => new TradingDecision("ETH", DecisionAction.CloseLong, PositionSizeUsd: 100m).ToCloseIntent("t01", 4, "d"));

    [Fact]
    public void ToOpenIntent_ScaleIn_IsCarried() =>
        Assert.True(new TradingDecision("ETH", DecisionAction.OpenLong, Leverage: 3, PositionSizeUsd: 800m, StopLoss: 1m, TakeProfit: 9m)
            .ToOpenIntent("t01", 4, "d", scaleIn: true).ScaleIn);
}
