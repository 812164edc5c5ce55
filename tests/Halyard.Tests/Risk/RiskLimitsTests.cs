using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class RiskLimitsTests
{
    [Fact]
    public void Validate_Defaults_HaveNoProblem() => Assert.Empty(new RiskLimits().Validate());

    [Fact]
    public void Validate_ImpossibleLimits_NameEachKey()
    {
        var limits = new RiskLimits
        {
            MajorCoinLeverage = 0,
            MinConfidence = 101,
            MaxMarginUsagePct = 0m,
            AltPositionValueMinEquityMultiple = 2m,
            AltPositionValueMaxEquityMultiple = 1m,
            MinOrderValueUsd = 5m,
        };

        var keys = limits.Validate().Select(p => p[..p.IndexOf(' ', StringComparison.Ordinal)]);

        Assert.Equal(
            ["major_coin_leverage", "min_confidence", "max_margin_usage_pct", "alt_position_value_min_equity_multiple", "min_order_value_usd"],
            keys);
    }
}
