using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>How new positions are margined (execution <c>margin_mode</c>; isolated-only assets are always isolated).</summary>
public enum MarginKind
{
    Cross,
    Isolated,
}

/// <summary>
/// The loss of a position if its stop fills at its trigger price: the price move from the live price to
/// the stop, the taker fee on the entry and on the exit, and the configured slippage on the exit fill
/// (docs/configuration.md, <c>max_loss_per_trade_pct</c>). Linear in the position value, so a cap on the
/// loss is a cap on the value.
/// </summary>
public static class LossAtStop
{
    /// <summary>USD lost per USD of position value when the stop at <paramref name="stop"/> fills (entry at <paramref name="price"/>).</summary>
    public static decimal PerUsd(decimal price, decimal stop, decimal takerFeeBps, decimal slippageBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        var fee = takerFeeBps / 10_000m;
        var slip = slippageBps / 10_000m;
        return (Math.Abs(price - stop) / price) + fee + (stop / price * (fee + slip));
    }

    /// <summary>USD lost by a position worth <paramref name="value"/> when its stop fills.</summary>
    public static decimal Usd(decimal value, decimal price, decimal stop, decimal takerFeeBps, decimal slippageBps) =>
        value * PerUsd(price, stop, takerFeeBps, slippageBps);
}

/// <summary>One position as the liquidation estimate sees it: signed size in coins, the price it is valued at, the asset's maximum leverage.</summary>
/// <param name="Coin">Coin name.</param>
/// <param name="Size">Signed coins: + long, − short.</param>
/// <param name="Price">The mark (held positions) or the live price (new ones).</param>
/// <param name="MaxLeverage">The asset's maximum leverage: maintenance margin = notional / (2 × this).</param>
public readonly record struct MarginedPosition(string Coin, decimal Size, decimal Price, int MaxLeverage)
{
    public decimal Notional => Math.Abs(Size) * Price;

    /// <summary>Half the initial margin at the asset's maximum leverage (the venue's rule).</summary>
    public decimal Maintenance => Notional / (2m * MaxLeverage);
}

/// <summary>
/// The venue's liquidation price (docs/configuration.md, "Liquidation rule"): the price of one position at
/// which the collateral behind it falls to the maintenance margin, every other position held at its price.
/// Maintenance margin is half the initial margin at the asset's maximum leverage. Cross: the collateral is
/// the trader's equity, the maintenance the sum over every cross position. Isolated: the collateral is the
/// position's own margin (value / leverage), the maintenance its own. Margin tiers of very large positions
/// are not modelled (the same simplification as the paper exchange).
/// </summary>
public static class LiquidationPrice
{
    /// <summary>
    /// Cross: solves E + s·(L − p) = M_others + |s|·L / (2m) for L, where E is the cross collateral with
    /// every position at its price; null when no positive price liquidates the position.
    /// </summary>
    public static decimal? Cross(MarginedPosition position, decimal crossEquity, decimal othersMaintenance)
    {
        var s = position.Size;
        var slope = s - (Math.Abs(s) / (2m * position.MaxLeverage));
        if (slope == 0m)
        {
            return null;
        }

        var price = (othersMaintenance - crossEquity + (s * position.Price)) / slope;
        return price > 0m ? price : null;
    }

    /// <summary>Isolated: solves margin + s·(L − p) = |s|·L / (2m) for L; null when no positive price liquidates it.</summary>
    public static decimal? Isolated(MarginedPosition position, decimal isolatedMargin)
    {
        var s = position.Size;
        var slope = s - (Math.Abs(s) / (2m * position.MaxLeverage));
        if (slope == 0m)
        {
            return null;
        }

        var price = ((s * position.Price) - isolatedMargin) / slope;
        return price > 0m ? price : null;
    }

    /// <summary>True when a stop at <paramref name="stop"/> triggers before <paramref name="liquidation"/> is reached (strictly).</summary>
    public static bool StopFirst(PositionSide side, decimal stop, decimal? liquidation) =>
        liquidation is not { } l || (side == PositionSide.Long ? stop > l : stop < l);
}
