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

    /// <summary>Advise-only: the whole cycle runs and the would-be orders are recorded, never sent.</summary>
    public bool Shadow { get; init; }

    public RiskParams RiskParams { get; init; } = new();

    public ExecGuards ExecGuards { get; init; } = new();

    /// <summary>This trader's own executor (LLM), replacing the top-level one whole; null means the top-level <c>executor</c>.</summary>
    public ExecutorConfig? Executor { get; init; }

    /// <summary>The hard limits the Validator enforces and the prompt states for this trader.</summary>
    public RiskLimits ToRiskLimits() => new()
    {
        MajorCoinLeverage = RiskParams.MajorCoinLeverage,
        AltcoinLeverage = RiskParams.AltcoinLeverage,
        LeverageOverCap = RiskParams.LeverageOverCap,
        SizeOverCap = RiskParams.SizeOverCap,
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
        GatedConfidenceBoost = ExecGuards.GatedConfidenceBoost,
        MinOrderValueUsd = ExecGuards.MinOrderValueUsd,
    };
}

/// <summary><c>traders[i].risk_params</c>: the per-decision limits (design "Configuration Schema").</summary>
public sealed record RiskParams
{
    public int MajorCoinLeverage { get; init; } = 20;
    public int AltcoinLeverage { get; init; } = 10;
    public LeverageOverCapPolicy LeverageOverCap { get; init; } = LeverageOverCapPolicy.Clamp;
    public SizeOverCapPolicy SizeOverCap { get; init; } = SizeOverCapPolicy.Clamp;
    public int MinConfidence { get; init; } = 70;
    public decimal MinRiskRewardRatio { get; init; } = 3.0m;
    public int MaxPositions { get; init; } = 3;
    public decimal MaxPositionSizeUsd { get; init; } = 1500m;

    /// <summary>Coins that get the major leverage cap and the BTC/ETH value band.</summary>
    public IReadOnlyList<string> MajorCoins { get; init; } = ["BTC", "ETH"];
}

/// <summary><c>traders[i].exec_guards</c>: the execution guards of the design's "Configuration Schema".</summary>
public sealed record ExecGuards
{
    public int MaxNewPositionsPerCycle { get; init; } = 1;
    public int MaxNewPositionsPerHour { get; init; } = 4;
    public TimeSpan CooldownAfterClose { get; init; } = TimeSpan.FromMinutes(15);
    public decimal LiquidityThresholdUsd { get; init; } = 15_000_000m;
    public decimal MaxMarginUsagePct { get; init; } = 90m;
    public decimal BtcEthPositionValueMinEquityMultiple { get; init; } = 5m;
    public decimal BtcEthPositionValueMaxEquityMultiple { get; init; } = 10m;
    public decimal AltPositionValueMinEquityMultiple { get; init; } = 0.8m;
    public decimal AltPositionValueMaxEquityMultiple { get; init; } = 1.5m;
    public decimal SharpePauseThreshold { get; init; } = -0.5m;
    public TimeSpan PauseDurationOnBreach { get; init; } = TimeSpan.FromMinutes(18);
    public int GatedConfidenceBoost { get; init; } = 10;
    public decimal MinOrderValueUsd { get; init; } = 11m;
}
