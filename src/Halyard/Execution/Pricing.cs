using Halyard.Domain;

namespace Halyard.Execution;

/// <summary>Protective limit prices as plain decimals (the formatter rounds them afterwards, in the conservative direction).</summary>
internal static class Pricing
{
    /// <summary>The worst price an order of <paramref name="side"/> accepts: above the reference for a buy, below for a sell.</summary>
    public static decimal Worst(decimal reference, OrderSide side, decimal bps) =>
        side == OrderSide.Buy ? reference * (1m + (bps / 10_000m)) : reference * (1m - (bps / 10_000m));

    /// <summary>True when a stop at <paramref name="stop"/> is already crossed for a <paramref name="side"/> position at <paramref name="price"/>.</summary>
    public static bool StopCrossed(PositionSide side, decimal stop, decimal price) =>
        side == PositionSide.Long ? price <= stop : price >= stop;

    /// <summary>True when a take-profit at <paramref name="target"/> is already reached for a <paramref name="side"/> position at <paramref name="price"/>.</summary>
    public static bool TargetReached(PositionSide side, decimal target, decimal price) =>
        side == PositionSide.Long ? price >= target : price <= target;

    /// <summary>A default stop <paramref name="distance"/> away from <paramref name="reference"/> on the losing side.</summary>
    public static decimal StopAt(PositionSide side, decimal reference, decimal distance) =>
        side == PositionSide.Long ? reference - distance : reference + distance;
}
