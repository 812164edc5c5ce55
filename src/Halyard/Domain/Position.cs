namespace Halyard.Domain;

/// <summary>One open perpetual position as the venue reports it (<c>clearinghouseState.assetPositions</c>).</summary>
/// <param name="Coin">Coin name.</param>
/// <param name="Size">Signed size in coins (<c>szi</c>): positive long, negative short.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="PositionValue">Current notional in USD.</param>
/// <param name="UnrealizedPnl">Unrealized PnL in USD.</param>
/// <param name="MarginUsed">Margin held by the position in USD.</param>
/// <param name="Leverage">Leverage value (integer).</param>
/// <param name="IsCross">Cross (true) or isolated (false) margin.</param>
/// <param name="LiquidationPrice">Liquidation price, when the venue reports one.</param>
public sealed record Position(
    string Coin,
    decimal Size,
    decimal EntryPrice,
    decimal PositionValue,
    decimal UnrealizedPnl,
    decimal MarginUsed,
    int Leverage,
    bool IsCross,
    decimal? LiquidationPrice)
{
    public PositionSide Side => Size >= 0 ? PositionSide.Long : PositionSide.Short;

    public decimal AbsSize => Math.Abs(Size);
}

/// <summary>The account as <c>clearinghouseState</c> reports it.</summary>
public sealed record AccountSnapshot(
    decimal AccountValue,
    decimal TotalMarginUsed,
    decimal TotalNotionalPosition,
    decimal Withdrawable,
    IReadOnlyList<Position> Positions,
    DateTimeOffset Time)
{
    public Position? PositionOf(string coin) => Positions.FirstOrDefault(p => p.Coin == coin && p.Size != 0);
}

/// <summary>One resting order (plain or trigger) as <c>frontendOpenOrders</c> reports it.</summary>
public sealed record OpenOrder(
    string Coin,
    OrderSide Side,
    decimal LimitPrice,
    decimal Size,
    long Oid,
    Cloid? Cloid,
    bool ReduceOnly,
    bool IsTrigger,
    decimal? TriggerPrice,
    string OrderType,
    DateTimeOffset Timestamp);

/// <summary>Per-asset market context from <c>metaAndAssetCtxs</c>.</summary>
/// <param name="OpenInterest">Open interest in coins.</param>
/// <param name="Funding">Current hourly funding rate.</param>
public sealed record AssetContext(
    string Coin,
    decimal MarkPrice,
    decimal? MidPrice,
    decimal OraclePrice,
    decimal OpenInterest,
    decimal Funding,
    decimal PrevDayPrice,
    decimal DayNotionalVolume,
    decimal? Premium)
{
    /// <summary>Open interest in USD at the mark price.</summary>
    public decimal OpenInterestUsd => OpenInterest * MarkPrice;

    /// <summary>The live reference price: mid when the book has one, else mark.</summary>
    public decimal LivePrice => MidPrice ?? MarkPrice;
}
