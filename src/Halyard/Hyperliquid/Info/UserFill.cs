using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>One fill of the account (<c>userFills</c> / <c>userFillsByTime</c>).</summary>
/// <param name="Coin">Coin name.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Size">Filled size in coins (positive).</param>
/// <param name="Side">Side of our order.</param>
/// <param name="Time">Fill time.</param>
/// <param name="StartPosition">Signed position before the fill, when reported.</param>
/// <param name="Direction">The venue's <c>dir</c>: <c>Open Long</c>, <c>Close Short</c>, <c>Long &gt; Short</c>, …</param>
/// <param name="ClosedPnl">Realised PnL of the closed part, before fees (USD).</param>
/// <param name="Fee">Fee paid (negative = rebate), in <paramref name="FeeToken"/> (USDC when absent).</param>
/// <param name="Crossed">True when the fill took liquidity (taker).</param>
/// <param name="Oid">The order's venue id.</param>
/// <param name="Cloid">Our client order id, when the order carried one.</param>
/// <param name="Tid">Trade id (absent in responses recorded before 2024).</param>
/// <param name="Hash">Transaction hash.</param>
/// <param name="FeeToken">Fee token, when reported.</param>
/// <param name="IsLiquidation">True when the fill was part of a liquidation.</param>
public sealed record UserFill(
    string Coin,
    decimal Price,
    decimal Size,
    OrderSide Side,
    DateTimeOffset Time,
    decimal? StartPosition,
    string Direction,
    decimal ClosedPnl,
    decimal Fee,
    bool Crossed,
    long Oid,
    Cloid? Cloid,
    long? Tid,
    string Hash,
    string? FeeToken,
    bool IsLiquidation)
{
    /// <summary>Notional value of the fill in USD.</summary>
    public decimal Notional => Price * Size;

    /// <summary>Realised PnL net of the fee.</summary>
    public decimal NetPnl => ClosedPnl - Fee;
}

/// <summary>
/// The fills of a time range gathered over several pages. <paramref name="IsComplete"/> is false when the
/// page limit stopped the walk before the end of the range.
/// </summary>
public sealed record UserFillHistory(IReadOnlyList<UserFill> Fills, bool IsComplete);
