namespace Halyard.Risk;

/// <summary>
/// Why the Validator refused (or adjusted) a decision. The snake_case names from
/// <see cref="ReasonCodes.Name"/> are stable: the journal and the analytics key on them.
/// </summary>
public enum ReasonCode
{
    /// <summary>The action is not one of the contract's actions.</summary>
    InvalidAction,

    /// <summary>A field the action requires is absent (opens: leverage, position_size_usd, stop_loss, take_profit, confidence).</summary>
    MissingField,

    /// <summary>A field is present but impossible (leverage below 1, a non-positive size or price).</summary>
    InvalidField,

    /// <summary>The coin is not in the venue's universe.</summary>
    UnknownSymbol,

    /// <summary>The coin is delisted: no new opens.</summary>
    DelistedSymbol,

    /// <summary>No live (mid or mark) price for the coin.</summary>
    NoLivePrice,

    /// <summary>New opens are paused (gating after a Sharpe breach).</summary>
    OpensPaused,

    /// <summary>The trader's equity is zero or negative.</summary>
    NoEquity,

    /// <summary>Confidence outside [0, 100].</summary>
    ConfidenceOutOfRange,

    /// <summary>Confidence below the minimum (raised while gated).</summary>
    ConfidenceBelowMin,

    /// <summary>Long needs take-profit &gt; live price &gt; stop-loss; short needs stop-loss &gt; live price &gt; take-profit.</summary>
    PriceRelationInvalid,

    /// <summary>Reward / risk from the live price below the minimum.</summary>
    RrBelowMin,

    /// <summary>Leverage above min(major/alt cap, asset max): denied, or clamped (an adjustment).</summary>
    LeverageAboveCap,

    /// <summary>Position value above the band's equity multiple: denied, or clamped (an adjustment).</summary>
    ValueAboveBand,

    /// <summary>Position value below the band's equity multiple.</summary>
    ValueBelowBand,

    /// <summary>Position value above max_position_size_usd: denied, or clamped (an adjustment).</summary>
    SizeAboveMax,

    /// <summary>(used + batch + new margin) / equity above max_margin_usage_pct.</summary>
    MarginUsageExceeded,

    /// <summary>Open interest × price below liquidity_threshold_usd.</summary>
    LiquidityBelowThreshold,

    /// <summary>The coin was closed less than cooldown_after_close ago.</summary>
    CooldownActive,

    /// <summary>Held positions plus this batch's accepted opens already reach max_positions.</summary>
    MaxPositionsReached,

    /// <summary>This batch's accepted opens already reach max_new_positions_per_cycle.</summary>
    CycleOpenCapReached,

    /// <summary>Opens in the last hour plus this batch's accepted opens already reach max_new_positions_per_hour.</summary>
    HourlyOpenCapReached,

    /// <summary>The size rounded down to the coin's decimals is worth less than the minimum order value.</summary>
    BelowMinOrderValue,

    /// <summary>An open on a coin already held on the same side.</summary>
    WouldPyramid,

    /// <summary>An open against a position held on the other side (or opened earlier in the batch).</summary>
    WouldHedge,

    /// <summary>The coin already has an accepted decision earlier in the batch.</summary>
    DuplicateSymbolInBatch,

    /// <summary>A close for a coin with no position.</summary>
    NoPosition,

    /// <summary>A close whose side does not match the held position.</summary>
    PositionSideMismatch,

    /// <summary>The loss if the stop fills (price move, taker fees, slippage) above max_loss_per_trade_pct of equity: denied, or clamped (an adjustment).</summary>
    LossAboveCap,

    /// <summary>Clamping the size to max_loss_per_trade_pct leaves it below the minimum order value or the value band.</summary>
    LossCapBelowMinimum,

    /// <summary>The stop would trigger only after the estimated liquidation price (of this open, or of an open accepted earlier in the batch).</summary>
    StopBeyondLiquidation,

    /// <summary>New opens are stopped by a circuit breaker (daily loss or drawdown from the high-water mark).</summary>
    CircuitBreakerTripped,

    /// <summary>A partial close's size is impossible: close_fraction outside (0, 1], or both close_fraction and position_size_usd given.</summary>
    InvalidCloseFraction,

    /// <summary>A partial close would leave less than the minimum order value: the whole position is closed (an adjustment).</summary>
    RemainderBelowMinimum,

    /// <summary>A scale-in beyond max_adds_per_position adds to the position.</summary>
    MaxAddsReached,

    /// <summary>A scale-in uses the leverage of the position it adds to (an adjustment).</summary>
    ScaleInLeverage,
}

public static class ReasonCodes
{
    /// <summary>The stable snake_case name of a code (written as is into the journal).</summary>
    public static string Name(this ReasonCode code) => code switch
    {
        ReasonCode.InvalidAction => "invalid_action",
        ReasonCode.MissingField => "missing_field",
        ReasonCode.InvalidField => "invalid_field",
        ReasonCode.UnknownSymbol => "unknown_symbol",
        ReasonCode.DelistedSymbol => "delisted_symbol",
        ReasonCode.NoLivePrice => "no_live_price",
        ReasonCode.OpensPaused => "opens_paused",
        ReasonCode.NoEquity => "no_equity",
        ReasonCode.ConfidenceOutOfRange => "confidence_out_of_range",
        ReasonCode.ConfidenceBelowMin => "confidence_below_min",
        ReasonCode.PriceRelationInvalid => "price_relation_invalid",
        ReasonCode.RrBelowMin => "rr_below_min",
        ReasonCode.LeverageAboveCap => "leverage_above_cap",
        ReasonCode.ValueAboveBand => "value_above_band",
        ReasonCode.ValueBelowBand => "value_below_band",
        ReasonCode.SizeAboveMax => "size_above_max",
        ReasonCode.MarginUsageExceeded => "margin_usage_exceeded",
        ReasonCode.LiquidityBelowThreshold => "liquidity_below_threshold",
        ReasonCode.CooldownActive => "cooldown_active",
        ReasonCode.MaxPositionsReached => "max_positions_reached",
        ReasonCode.CycleOpenCapReached => "cycle_open_cap_reached",
        ReasonCode.HourlyOpenCapReached => "hourly_open_cap_reached",
        ReasonCode.BelowMinOrderValue => "below_min_order_value",
        ReasonCode.WouldPyramid => "would_pyramid",
        ReasonCode.WouldHedge => "would_hedge",
        ReasonCode.DuplicateSymbolInBatch => "duplicate_symbol_in_batch",
        ReasonCode.NoPosition => "no_position",
        ReasonCode.PositionSideMismatch => "position_side_mismatch",
        ReasonCode.LossAboveCap => "loss_above_cap",
        ReasonCode.LossCapBelowMinimum => "loss_cap_below_minimum",
        ReasonCode.StopBeyondLiquidation => "stop_beyond_liquidation",
        ReasonCode.CircuitBreakerTripped => "circuit_breaker_tripped",
        ReasonCode.InvalidCloseFraction => "invalid_close_fraction",
        ReasonCode.RemainderBelowMinimum => "remainder_below_minimum",
        ReasonCode.MaxAddsReached => "max_adds_reached",
        ReasonCode.ScaleInLeverage => "scale_in_leverage",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unnamed reason code."),
    };

    /// <summary>The code of a journal name, for reading records back.</summary>
    public static bool TryParse(string name, out ReasonCode code)
    {
        foreach (var candidate in Enum.GetValues<ReasonCode>())
        {
            if (candidate.Name() == name)
            {
                code = candidate;
                return true;
            }
        }

        code = default;
        return false;
    }
}
