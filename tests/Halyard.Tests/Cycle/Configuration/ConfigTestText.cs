using Halyard.Cycle.Configuration;

namespace Halyard.Tests.Cycle.Configuration;

internal static class ConfigTestText
{
    /// <summary>The design's example snippet ("Configuration Schema"), verbatim.</summary>
    public const string DesignTraders = """
        traders:
          - id: t01
            name: Spotter
            decision_interval: 3m
            exchange_provider: hyperliquid_main
            market_provider: hyperliquid
            allocation_pct: 100
            risk_params:
              major_coin_leverage: 20
              altcoin_leverage: 10
              min_confidence: 70
              min_risk_reward_ratio: 3.0
              max_positions: 3
              max_position_size_usd: 1500
            exec_guards:
              max_new_positions_per_cycle: 1
              cooldown_after_close: 15m
              liquidity_threshold_usd: 15000000
              max_margin_usage_pct: 90
              btceth_position_value_min_equity_multiple: 5
              btceth_position_value_max_equity_multiple: 10
              alt_position_value_min_equity_multiple: 0.8
              alt_position_value_max_equity_multiple: 1.5
              sharpe_pause_threshold: -0.5
              pause_duration_on_breach: 18m
        """;

    public const string MainnetExchange = """
        exchange:
          provider: mainnet
          account_address: 0x1111111111111111111111111111111111111111
          signer:
            key_env: HALYARD_AGENT_KEY
        """;

    public static ConfigLoadResult Parse(string yaml) => HalyardConfigLoader.Parse(yaml);

    public static HalyardConfig Valid(string yaml)
    {
        var result = HalyardConfigLoader.Parse(yaml);
        Assert.True(result.Succeeded, result.Describe());
        return result.Config;
    }

    public static ConfigIssue SingleError(string yaml)
    {
        var result = HalyardConfigLoader.Parse(yaml);
        Assert.False(result.Succeeded);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }
}
