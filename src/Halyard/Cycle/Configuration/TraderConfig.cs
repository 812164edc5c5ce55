using Halyard.Risk;

namespace Halyard.Cycle.Configuration;

/// <summary>One trader (<c>traders[i]</c>): its cadence, its share of equity and its hard limits.</summary>
public sealed record TraderConfig
{
    /// <summary>Stable identifier: lowercase letters, digits, <c>-</c> and <c>_</c>, at most 32 characters.</summary>
    public string Id { get; init; } = "t01";

    /// <summary>Display name; defaults to the id.</summary>
    public string Name { get; init; } = "t01";

    public TimeSpan DecisionInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The venue this trader trades on; must equal <c>exchange.provider</c> (one venue per process).</summary>
    public ExchangeProvider ExchangeProvider { get; init; } = ExchangeProvider.Paper;

    public MarketProvider MarketProvider { get; init; } = MarketProvider.Hyperliquid;

    /// <summary>This trader's share of the account's equity, in percent (0 &lt; pct ≤ 100).</summary>
    public decimal AllocationPct { get; init; } = 100m;

    /// <summary>
    /// A shadow trader: it trades its own in-process paper account (the paper exchange on the live venue's prices),
    /// never the configured account, so its closes, stops and PnL are real figures to compare before switching it on.
    /// </summary>
    public bool Shadow { get; init; }

    /// <summary><c>shadow_equity</c>: the shadow account's starting USDC; null = the live account's equity when the run starts.</summary>
    public decimal? ShadowEquity { get; init; }

    public RiskParams RiskParams { get; init; } = new();

    public ExecGuards ExecGuards { get; init; } = new();

    public MemoryConfig Memory { get; init; } = new();

    /// <summary>This trader's own decision maker (LLM), replacing the top-level one whole; null means the top-level <c>decision_maker</c>.</summary>
    public DecisionMakerConfig? DecisionMaker { get; init; }

    /// <summary>The hard limits the Validator enforces and the prompt states for this trader.</summary>
    public RiskLimits ToRiskLimits() => new()
    {
        MajorCoinLeverage = RiskParams.MajorCoinLeverage,
        AltcoinLeverage = RiskParams.AltcoinLeverage,
        LeverageOverCap = RiskParams.LeverageOverCap,
        SizeOverCap = RiskParams.SizeOverCap,
        MaxLossPerTradePct = RiskParams.MaxLossPerTradePct,
        LossOverCap = RiskParams.LossOverCap,
        MaxAddsPerPosition = RiskParams.MaxAddsPerPosition,
        MinConfidence = RiskParams.MinConfidence,
        MinRiskRewardRatio = RiskParams.MinRiskRewardRatio,
        MaxPositions = RiskParams.MaxPositions,
        MaxPositionSizeUsd = RiskParams.MaxPositionSizeUsd,
        MajorCoins = new HashSet<string>(RiskParams.MajorCoins, StringComparer.Ordinal),
        MaxNewPositionsPerCycle = ExecGuards.MaxNewPositionsPerCycle,
        MaxNewPositionsPerHour = ExecGuards.MaxNewPositionsPerHour,
        CooldownAfterClose = ExecGuards.CooldownAfterClose,
        LiquidityThresholdUsd = ExecGuards.LiquidityThresholdUsd,
        MaxMarginUsagePct = ExecGuards.MaxMarginUsagePct,
        BtcEthPositionValueMinEquityMultiple = ExecGuards.BtcEthPositionValueMinEquityMultiple,
        BtcEthPositionValueMaxEquityMultiple = ExecGuards.BtcEthPositionValueMaxEquityMultiple,
        AltPositionValueMinEquityMultiple = ExecGuards.AltPositionValueMinEquityMultiple,
        AltPositionValueMaxEquityMultiple = ExecGuards.AltPositionValueMaxEquityMultiple,
        SharpePauseThreshold = ExecGuards.SharpePauseThreshold,
        PauseDurationOnBreach = ExecGuards.PauseDurationOnBreach,
        SharpeWindow = ExecGuards.SharpeWindow,
        MaxDailyLossPct = ExecGuards.MaxDailyLossPct,
        MaxDrawdownPct = ExecGuards.MaxDrawdownPct,
        OnBreach = ExecGuards.OnBreach,
        GatedConfidenceBoost = ExecGuards.GatedConfidenceBoost,
        MinOrderValueUsd = ExecGuards.MinOrderValueUsd,
    };
}

/// <summary><c>traders[i].risk_params</c>: the per-decision limits (design "Configuration Schema").</summary>
public sealed record RiskParams
{
    private static RiskLimits Defaults { get; } = new();

    public int MajorCoinLeverage { get; init; } = Defaults.MajorCoinLeverage;
    public int AltcoinLeverage { get; init; } = Defaults.AltcoinLeverage;
    public LeverageOverCapPolicy LeverageOverCap { get; init; } = Defaults.LeverageOverCap;
    public SizeOverCapPolicy SizeOverCap { get; init; } = Defaults.SizeOverCap;
    public decimal MaxLossPerTradePct { get; init; } = Defaults.MaxLossPerTradePct;
    public LossOverCapPolicy LossOverCap { get; init; } = Defaults.LossOverCap;

    /// <summary>Scaling in (<c>features.scale_in</c>): adds allowed per held position.</summary>
    public int MaxAddsPerPosition { get; init; } = Defaults.MaxAddsPerPosition;
    public int MinConfidence { get; init; } = Defaults.MinConfidence;
    public decimal MinRiskRewardRatio { get; init; } = Defaults.MinRiskRewardRatio;
    public int MaxPositions { get; init; } = Defaults.MaxPositions;
    public decimal MaxPositionSizeUsd { get; init; } = Defaults.MaxPositionSizeUsd;

    /// <summary>Coins that get the major leverage cap and the BTC/ETH value band.</summary>
    public IReadOnlyList<string> MajorCoins { get; init; } = ["BTC", "ETH"];
}

/// <summary><c>traders[i].exec_guards</c>: the execution guards of the design's "Configuration Schema".</summary>
public sealed record ExecGuards
{
    private static RiskLimits Defaults { get; } = new();

    public int MaxNewPositionsPerCycle { get; init; } = Defaults.MaxNewPositionsPerCycle;
    public int MaxNewPositionsPerHour { get; init; } = Defaults.MaxNewPositionsPerHour;
    public TimeSpan CooldownAfterClose { get; init; } = Defaults.CooldownAfterClose;
    public decimal LiquidityThresholdUsd { get; init; } = Defaults.LiquidityThresholdUsd;
    public decimal MaxMarginUsagePct { get; init; } = Defaults.MaxMarginUsagePct;
    public decimal BtcEthPositionValueMinEquityMultiple { get; init; } = Defaults.BtcEthPositionValueMinEquityMultiple;
    public decimal BtcEthPositionValueMaxEquityMultiple { get; init; } = Defaults.BtcEthPositionValueMaxEquityMultiple;
    public decimal AltPositionValueMinEquityMultiple { get; init; } = Defaults.AltPositionValueMinEquityMultiple;
    public decimal AltPositionValueMaxEquityMultiple { get; init; } = Defaults.AltPositionValueMaxEquityMultiple;
    public decimal SharpePauseThreshold { get; init; } = Defaults.SharpePauseThreshold;
    public TimeSpan PauseDurationOnBreach { get; init; } = Defaults.PauseDurationOnBreach;
    public int SharpeWindow { get; init; } = Defaults.SharpeWindow;
    public decimal MaxDailyLossPct { get; init; } = Defaults.MaxDailyLossPct;
    public decimal MaxDrawdownPct { get; init; } = Defaults.MaxDrawdownPct;
    public BreachAction OnBreach { get; init; } = Defaults.OnBreach;
    public int GatedConfidenceBoost { get; init; } = Defaults.GatedConfidenceBoost;
    public decimal MinOrderValueUsd { get; init; } = Defaults.MinOrderValueUsd;
}

/// <summary><c>traders[i].memory</c>: what the model is reminded of each cycle.</summary>
public sealed record MemoryConfig
{
    /// <summary>Characters of a position's entry reasoning shown in the prompt.</summary>
    public int ReasoningChars { get; init; } = 240;

    /// <summary>The last closed trades shown in the prompt.</summary>
    public int RecentTrades { get; init; } = 5;
}
