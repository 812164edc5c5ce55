using Halyard.Risk;

namespace Halyard.Tests.Risk;

public class ReasonCodeTests
{
    [Fact]
    public void Name_EveryCode_PinnedSnakeCaseNames() =>
        Assert.Equal(
            [
                "invalid_action", "missing_field", "invalid_field", "unknown_symbol", "delisted_symbol", "no_live_price",
                "opens_paused", "no_equity", "confidence_out_of_range", "confidence_below_min", "price_relation_invalid",
                "rr_below_min", "leverage_above_cap", "value_above_band", "value_below_band", "size_above_max",
                "margin_usage_exceeded", "liquidity_below_threshold", "cooldown_active", "max_positions_reached",
                "cycle_open_cap_reached", "hourly_open_cap_reached", "below_min_order_value", "would_pyramid", "would_hedge",
                "duplicate_symbol_in_batch", "no_position", "position_side_mismatch", "loss_above_cap", "loss_cap_below_minimum",
                "stop_beyond_liquidation", "circuit_breaker_tripped", "invalid_close_fraction", "remainder_below_minimum", "max_adds_reached", "scale_in_leverage",
            ],
            Enum.GetValues<ReasonCode>().Select(c => c.Name()));

    [Fact]
    public void TryParse_EveryName_RoundTrips()
    {
        foreach (var code in Enum.GetValues<ReasonCode>())
        {
            Assert.True(ReasonCodes.TryParse(code.Name(), out var parsed));
            Assert.Equal(code, parsed);
        }
    }

    [Fact]
    public void TryParse_UnknownName_False() => Assert.False(ReasonCodes.TryParse("RrBelowMin", out _));
}
