using Halyard.Risk;
using YamlDotNet.RepresentationModel;

namespace Halyard.Cycle.Configuration.Loading;

/// <summary>Reads <c>traders[i]</c> with its <c>risk_params</c>, <c>exec_guards</c> and decision maker override.</summary>
internal static class TraderReader
{
    private static readonly Scalar<ExchangeProvider> ExchangeProviders = Scalars.Enum(
        ("paper", ExchangeProvider.Paper),
        ("testnet", ExchangeProvider.Testnet),
        ("mainnet", ExchangeProvider.Mainnet),
        ("hyperliquid_testnet", ExchangeProvider.Testnet),
        ("hyperliquid_main", ExchangeProvider.Mainnet));

    private static readonly Scalar<MarketProvider> MarketProviders = Scalars.Enum(("hyperliquid", MarketProvider.Hyperliquid));

    private static readonly Scalar<LeverageOverCapPolicy> LeveragePolicies = Scalars.Enum(
        ("clamp", LeverageOverCapPolicy.Clamp), ("deny", LeverageOverCapPolicy.Deny));

    private static readonly Scalar<SizeOverCapPolicy> SizePolicies = Scalars.Enum(
        ("clamp", SizeOverCapPolicy.Clamp), ("deny", SizeOverCapPolicy.Deny));

    private static readonly Scalar<LossOverCapPolicy> LossPolicies = Scalars.Enum(
        ("clamp", LossOverCapPolicy.Clamp), ("deny", LossOverCapPolicy.Deny));

    private static readonly Scalar<BreachAction> BreachActions = Scalars.Enum(
        ("pause", BreachAction.Pause), ("flatten", BreachAction.Flatten));

    public static Scalar<ExchangeProvider> ExchangeProviderKind => ExchangeProviders;

    public static TraderConfig Read(YamlNode node, string path, ReadContext ctx, ExchangeProvider venue)
    {
        var r = new MappingReader(node, path, ConfigSchema.Trader, ctx.Diag);
        var d = new TraderConfig();
        if (MappingReader.IsNull(node) || (r.Node is YamlMappingNode && !r.Has("id")))
        {
            r.Error("id", null, $"a trader needs an id; allowed: {Scalars.TraderId.Allowed}");
        }

        var id = r.Value("id", d.Id, Scalars.TraderId);
        var provider = r.OptionalValue("exchange_provider", ExchangeProviders);
        if (provider is { } p && p != venue)
        {
            r.Error("exchange_provider", Names.Of(p),
                $"must equal exchange.provider ({Names.Of(venue)}): one venue per process");
        }

        r.AcceptFormerName(ConfigSchema.FormerDecisionMakerKey, "decision_maker");
        var trader = new TraderConfig
        {
            Id = id,
            Name = r.Optional("name", Scalars.Text) ?? id,
            DecisionInterval = r.Value("decision_interval", d.DecisionInterval, Scalars.Duration(TimeSpan.FromMinutes(1), TimeSpan.FromDays(1))),
            ExchangeProvider = provider ?? venue,
            MarketProvider = r.Value("market_provider", d.MarketProvider, MarketProviders),
            AllocationPct = r.Value("allocation_pct", d.AllocationPct, Scalars.Positive(100m, "a percentage > 0 and <= 100")),
            Shadow = r.Value("shadow", d.Shadow, Scalars.Bool),
            ShadowEquity = r.OptionalValue("shadow_equity", Scalars.Positive(1_000_000_000m, "USD > 0")),
            RiskParams = ReadRiskParams(r.Mapping("risk_params", ConfigSchema.RiskParams)),
            ExecGuards = ReadExecGuards(r.Mapping("exec_guards", ConfigSchema.ExecGuards)),
            Memory = ReadMemory(r.Mapping("memory", ConfigSchema.Memory)),
            DecisionMaker = r.Raw("decision_maker") is { } decisionMakerNode
                ? DecisionMakerReader.Read(new MappingReader(decisionMakerNode, r.Child("decision_maker"), ConfigSchema.TraderDecisionMaker, ctx.Diag), ctx)
                : null,
        };
        r.Finish();
        return trader;
    }

    private static RiskParams ReadRiskParams(MappingReader r)
    {
        var d = new RiskParams();
        var leverage = Scalars.Int(1, 100);
        var result = new RiskParams
        {
            MajorCoinLeverage = r.Value("major_coin_leverage", d.MajorCoinLeverage, leverage),
            AltcoinLeverage = r.Value("altcoin_leverage", d.AltcoinLeverage, leverage),
            LeverageOverCap = r.Value("leverage_over_cap", d.LeverageOverCap, LeveragePolicies),
            SizeOverCap = r.Value("size_over_cap", d.SizeOverCap, SizePolicies),
            MaxLossPerTradePct = r.Value("max_loss_per_trade_pct", d.MaxLossPerTradePct, Scalars.Positive(100m, "a percentage > 0 and <= 100")),
            LossOverCap = r.Value("loss_over_cap", d.LossOverCap, LossPolicies),
            MaxAddsPerPosition = r.Value("max_adds_per_position", d.MaxAddsPerPosition, Scalars.Int(0, 100)),
            MinConfidence = r.Value("min_confidence", d.MinConfidence, Scalars.Int(0, 100)),
            MinRiskRewardRatio = r.Value("min_risk_reward_ratio", d.MinRiskRewardRatio, Scalars.Positive(100m, "a ratio > 0 and <= 100")),
            MaxPositions = r.Value("max_positions", d.MaxPositions, Scalars.Int(1, 100)),
            MaxPositionSizeUsd = r.Value("max_position_size_usd", d.MaxPositionSizeUsd, Scalars.Positive(1e12m, "a USD amount > 0")),
            MajorCoins = r.ScalarList("major_coins", d.MajorCoins, Scalars.Coin),
        };
        if (result.MajorCoins.Distinct(StringComparer.Ordinal).Count() != result.MajorCoins.Count)
        {
            r.Error("major_coins", string.Join(", ", result.MajorCoins), "allowed: a list of distinct coin names");
        }

        r.Finish();
        return result;
    }

    private static MemoryConfig ReadMemory(MappingReader r)
    {
        var d = new MemoryConfig();
        var memory = new MemoryConfig
        {
            ReasoningChars = r.Value("reasoning_chars", d.ReasoningChars, Scalars.Int(20, 4000)),
            RecentTrades = r.Value("recent_trades", d.RecentTrades, Scalars.Int(0, 50)),
        };
        r.Finish();
        return memory;
    }

    private static ExecGuards ReadExecGuards(MappingReader r)
    {
        var d = new ExecGuards();
        var multiple = Scalars.Positive(1000m, "an equity multiple > 0 and <= 1000");
        var guards = new ExecGuards
        {
            MaxNewPositionsPerCycle = r.Value("max_new_positions_per_cycle", d.MaxNewPositionsPerCycle, Scalars.Int(0, 100)),
            MaxNewPositionsPerHour = r.Value("max_new_positions_per_hour", d.MaxNewPositionsPerHour, Scalars.Int(0, 1000)),
            CooldownAfterClose = r.Value("cooldown_after_close", d.CooldownAfterClose, Scalars.Duration(TimeSpan.Zero, TimeSpan.FromDays(7))),
            LiquidityThresholdUsd = r.Value("liquidity_threshold_usd", d.LiquidityThresholdUsd, Scalars.Number(0m, 1e15m, "a USD amount >= 0")),
            MaxMarginUsagePct = r.Value("max_margin_usage_pct", d.MaxMarginUsagePct, Scalars.Positive(100m, "a percentage > 0 and <= 100")),
            BtcEthPositionValueMinEquityMultiple = r.Value("btceth_position_value_min_equity_multiple", d.BtcEthPositionValueMinEquityMultiple, multiple),
            BtcEthPositionValueMaxEquityMultiple = r.Value("btceth_position_value_max_equity_multiple", d.BtcEthPositionValueMaxEquityMultiple, multiple),
            AltPositionValueMinEquityMultiple = r.Value("alt_position_value_min_equity_multiple", d.AltPositionValueMinEquityMultiple, multiple),
            AltPositionValueMaxEquityMultiple = r.Value("alt_position_value_max_equity_multiple", d.AltPositionValueMaxEquityMultiple, multiple),
            SharpePauseThreshold = r.Value("sharpe_pause_threshold", d.SharpePauseThreshold, Scalars.Number(-100m, 100m, "a number from -100 to 100")),
            PauseDurationOnBreach = r.Value("pause_duration_on_breach", d.PauseDurationOnBreach, Scalars.Duration(TimeSpan.Zero, TimeSpan.FromDays(7))),
            SharpeWindow = r.Value("sharpe_window", d.SharpeWindow, Scalars.Int(10, 100_000)),
            MaxDailyLossPct = r.Value("max_daily_loss_pct", d.MaxDailyLossPct, Scalars.Positive(100m, "a percentage > 0 and <= 100")),
            MaxDrawdownPct = r.Value("max_drawdown_pct", d.MaxDrawdownPct, Scalars.Positive(100m, "a percentage > 0 and <= 100")),
            OnBreach = r.Value("on_breach", d.OnBreach, BreachActions),
            GatedConfidenceBoost = r.Value("gated_confidence_boost", d.GatedConfidenceBoost, Scalars.Int(0, 100)),
            MinOrderValueUsd = r.Value("min_order_value_usd", d.MinOrderValueUsd, Scalars.Number(10m, 1e9m, "a USD amount >= 10 (the venue's minimum)")),
        };
        if (guards.BtcEthPositionValueMinEquityMultiple > guards.BtcEthPositionValueMaxEquityMultiple)
        {
            r.Error("btceth_position_value_min_equity_multiple", Names.Of(guards.BtcEthPositionValueMinEquityMultiple),
                $"must not exceed btceth_position_value_max_equity_multiple ({Names.Of(guards.BtcEthPositionValueMaxEquityMultiple)})");
        }

        if (guards.AltPositionValueMinEquityMultiple > guards.AltPositionValueMaxEquityMultiple)
        {
            r.Error("alt_position_value_min_equity_multiple", Names.Of(guards.AltPositionValueMinEquityMultiple),
                $"must not exceed alt_position_value_max_equity_multiple ({Names.Of(guards.AltPositionValueMaxEquityMultiple)})");
        }

        r.Finish();
        return guards;
    }
}
