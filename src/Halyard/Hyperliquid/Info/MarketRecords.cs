using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>
/// <c>metaAndAssetCtxs</c>: the perpetual universe (asset id = index) and each asset's market context,
/// <c>Contexts[i]</c> belonging to <c>Instruments[i]</c>.
/// </summary>
public sealed record PerpUniverse(IReadOnlyList<InstrumentRules> Instruments, IReadOnlyList<AssetContext> Contexts)
{
    public InstrumentRules? Instrument(string coin) => Instruments.FirstOrDefault(i => i.Name == coin);

    public AssetContext? Context(string coin) => Contexts.FirstOrDefault(c => c.Coin == coin);
}

/// <summary>One price level of the order book.</summary>
/// <param name="Orders">Number of orders at the level.</param>
public sealed record L2Level(decimal Price, decimal Size, int Orders);

/// <summary><c>l2Book</c>: bids and asks, best first.</summary>
public sealed record L2Book(string Coin, DateTimeOffset Time, IReadOnlyList<L2Level> Bids, IReadOnlyList<L2Level> Asks)
{
    public decimal? BestBid => Bids.Count > 0 ? Bids[0].Price : null;

    public decimal? BestAsk => Asks.Count > 0 ? Asks[0].Price : null;

    public decimal? Mid => BestBid is { } bid && BestAsk is { } ask ? (bid + ask) / 2 : null;
}

/// <summary>One hourly funding rate of a coin (<c>fundingHistory</c>).</summary>
public sealed record FundingRateEntry(string Coin, decimal FundingRate, decimal? Premium, DateTimeOffset Time);

/// <summary>One funding payment of the account (<c>userFunding</c>); <paramref name="Usdc"/> negative = paid.</summary>
/// <param name="PositionSize">Signed position size the funding was charged on.</param>
public sealed record UserFundingEntry(
    DateTimeOffset Time,
    string Coin,
    decimal Usdc,
    decimal PositionSize,
    decimal FundingRate,
    int? Samples,
    string Hash);

/// <summary><c>userRateLimit</c>: the address-based action budget (protocol §6.2).</summary>
/// <param name="CumulativeVolume">Traded volume since inception (USD).</param>
public sealed record UserRateLimit(decimal CumulativeVolume, long RequestsUsed, long RequestsCap)
{
    public long RequestsRemaining => Math.Max(0, RequestsCap - RequestsUsed);
}
