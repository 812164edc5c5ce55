namespace Halyard.Domain;

/// <summary>The side of an order on the venue (<c>b</c> = true is a buy).</summary>
public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>The direction of a position.</summary>
public enum PositionSide
{
    Long,
    Short,
}

public static class SideExtensions
{
    /// <summary>The order side that opens a position of this direction.</summary>
    public static OrderSide OpeningSide(this PositionSide side) => side == PositionSide.Long ? OrderSide.Buy : OrderSide.Sell;

    /// <summary>The order side that reduces a position of this direction.</summary>
    public static OrderSide ClosingSide(this PositionSide side) => side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy;
}
