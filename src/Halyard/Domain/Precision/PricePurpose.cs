namespace Halyard.Domain.Precision;

/// <summary>
/// What a price is for. With the order side it decides the one conservative rounding direction
/// (<see cref="PriceRounding.For"/>). The side is always the side of the order carrying the price:
/// the stop-loss of a long is a <see cref="OrderSide.Sell"/> (use <see cref="SideExtensions.ClosingSide"/>).
/// </summary>
public enum PricePurpose
{
    /// <summary>The limit price of an order that opens or adds (Gtc/Alo/Ioc): the worst price we accept.</summary>
    Entry,

    /// <summary>The limit price of a reduce-only order that closes (not a trigger): the worst price we accept.</summary>
    ReduceOnlyClose,

    /// <summary>The trigger price of a stop-loss.</summary>
    StopLossTrigger,

    /// <summary>The trigger price of a take-profit.</summary>
    TakeProfitTrigger,

    /// <summary>The limit price of a trigger order (the worst fill once triggered, beyond the trigger).</summary>
    TriggerLimit,
}

/// <summary>Which way a price is moved onto the valid-price grid.</summary>
public enum RoundingDirection
{
    /// <summary>To the greatest valid price at or below the input.</summary>
    Down,

    /// <summary>To the least valid price at or above the input.</summary>
    Up,
}

/// <summary>
/// The one table of conservative rounding directions (also in <c>docs/precision.md</c>).
/// <list type="table">
/// <listheader><term>purpose</term><description>Buy order / Sell order — why</description></listheader>
/// <item><term><see cref="PricePurpose.Entry"/></term><description>Down / Up — a buy never pays more, a sell never receives less, than the intended worst price.</description></item>
/// <item><term><see cref="PricePurpose.ReduceOnlyClose"/></term><description>Down / Up — the same rule for its side.</description></item>
/// <item><term><see cref="PricePurpose.StopLossTrigger"/></term><description>Down / Up — a sell stop (long) sits below the price and moves up toward it; a buy stop (short) sits above and moves down toward it: the stop never moves in the losing direction.</description></item>
/// <item><term><see cref="PricePurpose.TakeProfitTrigger"/></term><description>Up / Down — a sell TP (long) sits above the price and moves down toward it; a buy TP (short) sits below and moves up toward it: the target is never further than intended.</description></item>
/// <item><term><see cref="PricePurpose.TriggerLimit"/></term><description>Up / Down — the worst fill price moves away from the trigger, so the limit stays on the fillable side of the trigger and the protection executes.</description></item>
/// </list>
/// </summary>
public static class PriceRounding
{
    /// <summary>The conservative direction for a price of <paramref name="purpose"/> on an order of <paramref name="side"/>.</summary>
    public static RoundingDirection For(OrderSide side, PricePurpose purpose)
    {
        var buy = side switch
        {
            OrderSide.Buy => true,
            OrderSide.Sell => false,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown order side."),
        };

        var buyRoundsDown = purpose switch
        {
            PricePurpose.Entry or PricePurpose.ReduceOnlyClose or PricePurpose.StopLossTrigger => true,
            PricePurpose.TakeProfitTrigger or PricePurpose.TriggerLimit => false,
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown price purpose."),
        };

        return buy == buyRoundsDown ? RoundingDirection.Down : RoundingDirection.Up;
    }
}
