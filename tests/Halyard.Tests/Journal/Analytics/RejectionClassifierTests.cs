using Halyard.Journal.Analytics;

namespace Halyard.Tests.Journal.Analytics;

public class RejectionClassifierTests
{
    [Theory]
    [InlineData("insufficient_margin", RejectionClass.Insufficient)]
    [InlineData("INSUFFICIENT_BALANCE", RejectionClass.Insufficient)]
    [InlineData("price_not_on_tick", RejectionClass.Precision)]
    [InlineData("size_step_violation", RejectionClass.Precision)]
    [InlineData("too_many_decimals", RejectionClass.Precision)]
    [InlineData("missing_stop_loss", RejectionClass.Parameters)]
    [InlineData("leverage_missing", RejectionClass.Parameters)]
    [InlineData("stop_loss_wrong_side", RejectionClass.Parameters)]
    [InlineData("invalid_take_profit", RejectionClass.Parameters)]
    [InlineData("below_min_notional", RejectionClass.Parameters)]
    [InlineData("unknown_symbol", RejectionClass.Parameters)]
    [InlineData("risk_reward_below_min", RejectionClass.Risk)]
    [InlineData("confidence_below_min", RejectionClass.Risk)]
    [InlineData("leverage_above_cap", RejectionClass.Risk)]
    [InlineData("max_positions_reached", RejectionClass.Risk)]
    [InlineData("margin_usage_exceeded", RejectionClass.Risk)]
    [InlineData("liquidity_below_threshold", RejectionClass.Risk)]
    [InlineData("cooldown_active", RejectionClass.Risk)]
    [InlineData("position_value_above_band", RejectionClass.Risk)]
    [InlineData("no_pyramiding", RejectionClass.Risk)]
    [InlineData("opens_per_hour_cap", RejectionClass.Risk)]
    [InlineData("stale_decision", RejectionClass.Other)]
    [InlineData("", RejectionClass.Other)]
    [InlineData(null, RejectionClass.Other)]
    public void FromReasonCode_KnownCodes_MapToTheirClass(string? code, RejectionClass expected) =>
        Assert.Equal(expected, RejectionClassifier.FromReasonCode(code));

    [Theory]
    [InlineData("invalid_param", "Price must be divisible by tick size. asset=3", RejectionClass.Precision)]
    [InlineData("invalid_param", "Order has invalid price.", RejectionClass.Precision)]
    [InlineData("InvalidParam", "Order has invalid size.", RejectionClass.Precision)]
    [InlineData("invalid_param", "Order must have minimum value of $10.", RejectionClass.Parameters)]
    [InlineData("invalid_param", null, RejectionClass.Parameters)]
    [InlineData("risk_rejected", "Reduce only order would increase position.", RejectionClass.Risk)]
    [InlineData("insufficient", "Insufficient margin to place order.", RejectionClass.Insufficient)]
    [InlineData("temporary", "Order could not immediately match against any resting orders.", RejectionClass.Other)]
    [InlineData("rate_limited", "429", RejectionClass.Other)]
    [InlineData("exchange_down", "503", RejectionClass.Other)]
    [InlineData("unknown", "???", RejectionClass.Other)]
    [InlineData("not_a_class", "x", RejectionClass.Other)]
    public void FromVenueError_ErrorClassAndMessage_MapToTheirClass(string errorClass, string? detail, RejectionClass expected) =>
        Assert.Equal(expected, RejectionClassifier.FromVenueError(errorClass, detail));
}
