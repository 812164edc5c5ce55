namespace Halyard.Risk;

/// <summary>What to do with a leverage above the cap.</summary>
public enum LeverageOverCapPolicy
{
    Clamp,
    Deny,
}

/// <summary>What to do with a position value above its band's maximum or <c>max_position_size_usd</c>.</summary>
public enum SizeOverCapPolicy
{
    /// <summary>Reduce the position value to the cap (the verdict is Adjusted).</summary>
    Clamp,

    /// <summary>Reject the decision.</summary>
    Deny,
}

/// <summary>What to do with an open whose loss at the stop is above <c>max_loss_per_trade_pct</c>.</summary>
public enum LossOverCapPolicy
{
    /// <summary>Reduce the position value until the loss at the stop fits (the verdict is Adjusted).</summary>
    Clamp,

    /// <summary>Reject the decision.</summary>
    Deny,
}

/// <summary>What a circuit breaker does when it trips (<c>on_breach</c>).</summary>
public enum BreachAction
{
    /// <summary>Stop new opens; positions keep their stops and targets.</summary>
    Pause,

    /// <summary>Stop new opens and close every position of the trader.</summary>
    Flatten,
}

/// <summary>
/// Every hard limit the Validator enforces, resolved from a trader's <c>risk_params</c> and
/// <c>exec_guards</c>. The system prompt's rules are rendered from this same object, so the prompt and
/// the Validator cannot drift. Percentages are in percent (90 = 90 %).
/// </summary>
public sealed record RiskLimits
{
    public int MajorCoinLeverage { get; init; } = 20;
    public int AltcoinLeverage { get; init; } = 10;
    public LeverageOverCapPolicy LeverageOverCap { get; init; } = LeverageOverCapPolicy.Clamp;
    public SizeOverCapPolicy SizeOverCap { get; init; } = SizeOverCapPolicy.Clamp;
    public int MinConfidence { get; init; } = 70;
    public decimal MinRiskRewardRatio { get; init; } = 3.0m;
    public int MaxPositions { get; init; } = 3;
    public decimal MaxPositionSizeUsd { get; init; } = 1500m;
    public int MaxNewPositionsPerCycle { get; init; } = 1;
    public int MaxNewPositionsPerHour { get; init; } = 4;
    public TimeSpan CooldownAfterClose { get; init; } = TimeSpan.FromMinutes(15);
    public decimal LiquidityThresholdUsd { get; init; } = 15_000_000m;
    public decimal MaxMarginUsagePct { get; init; } = 90m;
    public decimal BtcEthPositionValueMinEquityMultiple { get; init; } = 5m;
    public decimal BtcEthPositionValueMaxEquityMultiple { get; init; } = 10m;
    public decimal AltPositionValueMinEquityMultiple { get; init; } = 0.8m;
    public decimal AltPositionValueMaxEquityMultiple { get; init; } = 1.5m;
    /// <summary>
    /// The most an open may lose if its stop fills at the trigger price (price move, taker fee on entry and
    /// exit, the configured slippage on the exit), in percent of the trader's equity.
    /// </summary>
    public decimal MaxLossPerTradePct { get; init; } = 10m;

    public LossOverCapPolicy LossOverCap { get; init; } = LossOverCapPolicy.Clamp;

    /// <summary>Scaling in (<c>features.scale_in</c>): how many times an open may add to one held position.</summary>
    public int MaxAddsPerPosition { get; init; } = 2;

    public decimal SharpePauseThreshold { get; init; } = -0.5m;
    public TimeSpan PauseDurationOnBreach { get; init; } = TimeSpan.FromMinutes(18);

    /// <summary>
    /// The gate's Sharpe is computed over the last this-many per-cycle returns of cycles that started with
    /// exposure (a position held); flat cycles add no return (docs/analytics.md, "Gate").
    /// </summary>
    public int SharpeWindow { get; init; } = 50;

    /// <summary>Fewest returns in the window before the gate's Sharpe is reported (and can breach).</summary>
    public int SharpeMinReturns { get; init; } = 10;

    /// <summary>Circuit breaker: a loss from the UTC day's opening equity of this much (percent) stops new opens until the day rolls over.</summary>
    public decimal MaxDailyLossPct { get; init; } = 10m;

    /// <summary>Circuit breaker: a fall from the equity high-water mark of this much (percent) stops new opens until an operator resumes the trader.</summary>
    public decimal MaxDrawdownPct { get; init; } = 40m;

    public BreachAction OnBreach { get; init; } = BreachAction.Pause;

    /// <summary>Confidence points added to <see cref="MinConfidence"/> while the trader is gated.</summary>
    public int GatedConfidenceBoost { get; init; } = 10;

    /// <summary>
    /// The smallest order value accepted after the size is rounded down, in USD. Never below the venue's
    /// <see cref="Domain.InstrumentRules.MinOrderValueUsd"/>; the default adds a 10 % margin so an IOC sell
    /// priced below the mid, or a small move, still clears the venue's $10.
    /// </summary>
    public decimal MinOrderValueUsd { get; init; } = 11m;

    /// <summary>The coins treated as majors (leverage and value bands).</summary>
    public IReadOnlySet<string> MajorCoins { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "BTC", "ETH" };

    public bool IsMajor(string coin) => MajorCoins.Contains(coin);

    /// <summary>
    /// The problems of these limits, each naming its configuration key (empty: valid). The configuration
    /// loader reports them; a limit no rule could satisfy (a leverage cap of 0, a minimum above its maximum)
    /// must never reach the Validator.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Require(bool ok, string key, object value, string allowed)
        {
            if (!ok)
            {
                problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key} = {value}: allowed {allowed}"));
            }
        }

        Require(MajorCoinLeverage is >= 1 and <= 100, "major_coin_leverage", MajorCoinLeverage, "1..100");
        Require(AltcoinLeverage is >= 1 and <= 100, "altcoin_leverage", AltcoinLeverage, "1..100");
        Require(Enum.IsDefined(LeverageOverCap), "leverage_over_cap", LeverageOverCap, "clamp | deny");
        Require(Enum.IsDefined(SizeOverCap), "size_over_cap", SizeOverCap, "clamp | deny");
        Require(MinConfidence is >= 0 and <= 100, "min_confidence", MinConfidence, "0..100");
        Require(MinRiskRewardRatio > 0m, "min_risk_reward_ratio", MinRiskRewardRatio, "> 0");
        Require(MaxPositions >= 1, "max_positions", MaxPositions, ">= 1");
        Require(MaxPositionSizeUsd > 0m, "max_position_size_usd", MaxPositionSizeUsd, "> 0");
        Require(MaxNewPositionsPerCycle >= 0, "max_new_positions_per_cycle", MaxNewPositionsPerCycle, ">= 0");
        Require(MaxNewPositionsPerHour >= 0, "max_new_positions_per_hour", MaxNewPositionsPerHour, ">= 0");
        Require(CooldownAfterClose >= TimeSpan.Zero, "cooldown_after_close", CooldownAfterClose, ">= 0");
        Require(LiquidityThresholdUsd >= 0m, "liquidity_threshold_usd", LiquidityThresholdUsd, ">= 0");
        Require(MaxMarginUsagePct is > 0m and <= 100m, "max_margin_usage_pct", MaxMarginUsagePct, "0 < pct <= 100");
        Require(BtcEthPositionValueMinEquityMultiple >= 0m && BtcEthPositionValueMinEquityMultiple <= BtcEthPositionValueMaxEquityMultiple,
            "btceth_position_value_min_equity_multiple", BtcEthPositionValueMinEquityMultiple, ">= 0 and <= btceth_position_value_max_equity_multiple");
        Require(AltPositionValueMinEquityMultiple >= 0m && AltPositionValueMinEquityMultiple <= AltPositionValueMaxEquityMultiple,
            "alt_position_value_min_equity_multiple", AltPositionValueMinEquityMultiple, ">= 0 and <= alt_position_value_max_equity_multiple");
        Require(MaxAddsPerPosition is >= 0 and <= 100, "max_adds_per_position", MaxAddsPerPosition, "0..100");
        Require(PauseDurationOnBreach >= TimeSpan.Zero, "pause_duration_on_breach", PauseDurationOnBreach, ">= 0");
        Require(GatedConfidenceBoost is >= 0 and <= 100, "gated_confidence_boost", GatedConfidenceBoost, "0..100");
        Require(MinOrderValueUsd >= Domain.InstrumentRules.MinOrderValueUsd, "min_order_value_usd", MinOrderValueUsd, ">= the venue minimum of 10");
        Require(MajorCoins is not null, "major_coins", "null", "a list of coins");
        return problems;
    }
}
