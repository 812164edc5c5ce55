using Halyard.Cycle.Configuration;
using Halyard.Risk;

namespace Halyard.Tests.Cycle.Configuration;

public class RiskLimitsMappingTests
{
    [Fact]
    public void ToRiskLimits_DefaultTrader_EqualsRiskLimitsDefaults()
    {
        var mapped = new TraderConfig().ToRiskLimits();
        var defaults = new RiskLimits();
        Assert.Equal(defaults with { MajorCoins = mapped.MajorCoins }, mapped);
        Assert.Equal(defaults.MajorCoins.Order(StringComparer.Ordinal), mapped.MajorCoins.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToRiskLimits_EveryValueFromTheFile()
    {
        var trader = ConfigTestText.Valid("""
            traders:
              - id: a
                risk_params:
                  major_coin_leverage: 15
                  altcoin_leverage: 4
                  leverage_over_cap: deny
                  size_over_cap: deny
                  min_confidence: 65
                  min_risk_reward_ratio: 2.5
                  max_positions: 5
                  max_position_size_usd: 123456
                  major_coins: [BTC, ETH, SOL]
                exec_guards:
                  max_new_positions_per_cycle: 2
                  max_new_positions_per_hour: 7
                  cooldown_after_close: 1h30m
                  liquidity_threshold_usd: 20000000
                  max_margin_usage_pct: 75
                  btceth_position_value_min_equity_multiple: 4
                  btceth_position_value_max_equity_multiple: 12
                  alt_position_value_min_equity_multiple: 0.5
                  alt_position_value_max_equity_multiple: 2
                  sharpe_pause_threshold: -1.25
                  pause_duration_on_breach: 45m
                  gated_confidence_boost: 5
                  min_order_value_usd: 12
            """).Traders[0];
        var l = trader.ToRiskLimits();
        Assert.Equal((15, 4, LeverageOverCapPolicy.Deny, SizeOverCapPolicy.Deny), (l.MajorCoinLeverage, l.AltcoinLeverage, l.LeverageOverCap, l.SizeOverCap));
        Assert.Equal((65, 2.5m, 5, 123456m), (l.MinConfidence, l.MinRiskRewardRatio, l.MaxPositions, l.MaxPositionSizeUsd));
        Assert.True(l.IsMajor("SOL") && l.IsMajor("BTC") && !l.IsMajor("DOGE"));
        Assert.Equal((2, 7, TimeSpan.FromMinutes(90), 20_000_000m, 75m), (l.MaxNewPositionsPerCycle, l.MaxNewPositionsPerHour, l.CooldownAfterClose, l.LiquidityThresholdUsd, l.MaxMarginUsagePct));
        Assert.Equal((4m, 12m, 0.5m, 2m), (l.BtcEthPositionValueMinEquityMultiple, l.BtcEthPositionValueMaxEquityMultiple, l.AltPositionValueMinEquityMultiple, l.AltPositionValueMaxEquityMultiple));
        Assert.Equal((-1.25m, TimeSpan.FromMinutes(45), 5, 12m), (l.SharpePauseThreshold, l.PauseDurationOnBreach, l.GatedConfidenceBoost, l.MinOrderValueUsd));
    }

    [Fact]
    public void FeatureFlags_Guards_ReadEachSwitchFromTheFeatures()
    {
        var guards = ConfigTestText.Valid("features:\n  cooldown: false\n  liquidity: false\n  gating: false\n  no_pyramiding: false\n").Features.Guards;
        Assert.Equal((false, false, false, false), (guards.Cooldown, guards.Liquidity, guards.Gating, guards.NoPyramiding));
        Assert.True(guards.MarginUsage && guards.ValueBands && guards.MinConfidence && guards.RiskReward);
    }
}
