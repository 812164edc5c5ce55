using Halyard.Domain;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Hyperliquid.Info;

/// <summary>A response that parsed as JSON but does not make sense (unknown side, bad cloid, …).</summary>
internal sealed class InfoFormatException(string message) : Exception(message);

/// <summary>Wire DTOs → domain records. Throws <see cref="InfoFormatException"/> on inconsistent data.</summary>
internal static class InfoMapper
{
    public static IReadOnlyList<InstrumentRules> ToInstruments(MetaWire meta) =>
        meta.Universe.Select((asset, index) => new InstrumentRules(
            asset.Name,
            index,
            asset.SzDecimals,
            asset.MaxLeverage,
            OnlyIsolated: asset.OnlyIsolated == true || asset.MarginMode is "strictIsolated" or "noCross",
            IsDelisted: asset.IsDelisted == true)).ToArray();

    public static PerpUniverse ToUniverse(MetaAndAssetCtxsWire wire) => ToUniverse(ToInstruments(wire.Meta), wire.AssetCtxs);

    /// <summary>The universe from instruments already mapped (<see cref="UniverseReader"/> keeps them) and the contexts.</summary>
    public static PerpUniverse ToUniverse(IReadOnlyList<InstrumentRules> instruments, IReadOnlyList<AssetCtxWire> assetCtxs)
    {
        if (instruments.Count != assetCtxs.Count)
        {
            throw new InfoFormatException($"metaAndAssetCtxs: {instruments.Count} assets but {assetCtxs.Count} contexts.");
        }

        var contexts = assetCtxs.Select((ctx, i) => ToContext(instruments[i], ctx)).ToArray();
        return new PerpUniverse(instruments, contexts);
    }

    /// <summary>One asset's context; the coin is its instrument's name (same index in the answer).</summary>
    public static AssetContext ToContext(InstrumentRules instrument, AssetCtxWire ctx) => new(
        instrument.Name,
        ctx.MarkPx,
        ctx.MidPx,
        ctx.OraclePx,
        ctx.OpenInterest,
        ctx.Funding,
        ctx.PrevDayPx,
        ctx.DayNtlVlm,
        ctx.Premium);

    /// <param name="receivedAt">Used as the snapshot time when the venue does not report one.</param>
    public static AccountSnapshot ToAccount(ClearinghouseStateWire wire, DateTimeOffset receivedAt) => new(
        wire.MarginSummary.AccountValue,
        wire.MarginSummary.TotalMarginUsed,
        wire.MarginSummary.TotalNtlPos,
        wire.Withdrawable,
        wire.AssetPositions.Select(p => ToPosition(p.Position)).ToArray(),
        wire.Time is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : receivedAt);

    public static Position ToPosition(PositionWire p) => new(
        p.Coin,
        p.Szi,
        p.EntryPx,
        p.PositionValue,
        p.UnrealizedPnl,
        p.MarginUsed,
        p.Leverage.Value,
        p.Leverage.Type switch
        {
            "cross" => true,
            "isolated" => false,
            _ => throw new InfoFormatException($"Unknown leverage type '{p.Leverage.Type}' for {p.Coin}."),
        },
        p.LiquidationPx);

    public static OpenOrder ToOpenOrder(InfoOrderWire o) => new(
        o.Coin,
        ToSide(o.Side),
        o.LimitPx,
        o.Sz,
        o.Oid,
        ToCloid(o.Cloid),
        o.ReduceOnly == true,
        o.IsTrigger == true,
        o.IsTrigger == true ? o.TriggerPx : null,
        o.OrderType ?? InfoClient.UnreportedOrderType,
        DateTimeOffset.FromUnixTimeMilliseconds(o.Timestamp));

    public static OrderStatusReport ToReport(OrderStatusEntryWire entry) => new(
        ToOpenOrder(entry.Order),
        entry.Order.OrigSz ?? entry.Order.Sz,
        entry.Order.Tif,
        entry.Status,
        DateTimeOffset.FromUnixTimeMilliseconds(entry.StatusTimestamp));

    public static OrderLookup ToLookup(OrderStatusWire wire) => wire switch
    {
        { Status: "order", Order: { } entry } => new OrderLookup(ToReport(entry)),
        { Status: "unknownOid" } => OrderLookup.UnknownOid,
        _ => throw new InfoFormatException($"orderStatus: unexpected status '{wire.Status}'."),
    };

    public static UserFill ToFill(UserFillWire f) => new(
        f.Coin,
        f.Px,
        f.Sz,
        ToSide(f.Side),
        DateTimeOffset.FromUnixTimeMilliseconds(f.Time),
        f.StartPosition,
        f.Dir,
        f.ClosedPnl,
        f.Fee,
        f.Crossed,
        f.Oid,
        ToCloid(f.Cloid),
        f.Tid,
        f.Hash,
        f.FeeToken,
        f.Liquidation is not null);

    public static Candle ToCandle(CandleWire c) => new(c.OpenTime, c.Open, c.High, c.Low, c.Close, c.Volume);

    public static L2Book ToBook(L2BookWire book)
    {
        if (book.Levels.Count != 2)
        {
            throw new InfoFormatException($"l2Book: expected [bids, asks], got {book.Levels.Count} sides.");
        }

        return new L2Book(
            book.Coin,
            DateTimeOffset.FromUnixTimeMilliseconds(book.Time),
            book.Levels[0].Select(ToLevel).ToArray(),
            book.Levels[1].Select(ToLevel).ToArray());
    }

    public static FundingRateEntry ToFunding(FundingHistoryWire f) =>
        new(f.Coin, f.FundingRate, f.Premium, DateTimeOffset.FromUnixTimeMilliseconds(f.Time));

    public static UserFundingEntry ToUserFunding(UserFundingWire f) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(f.Time),
        f.Delta.Coin,
        f.Delta.Usdc,
        f.Delta.Szi,
        f.Delta.FundingRate,
        f.Delta.NSamples,
        f.Hash);

    public static UserRateLimit ToRateLimit(UserRateLimitWire r) => new(r.CumVlm, r.NRequestsUsed, r.NRequestsCap);

    private static L2Level ToLevel(L2LevelWire level) => new(level.Px, level.Sz, level.N);

    private static OrderSide ToSide(string side) => side switch
    {
        "B" => OrderSide.Buy,
        "A" => OrderSide.Sell,
        _ => throw new InfoFormatException($"Unknown side '{side}'."),
    };

    private static Cloid? ToCloid(string? text) => text switch
    {
        null => null,
        _ when Cloid.TryParse(text, out var cloid) => cloid,
        _ => throw new InfoFormatException($"Invalid cloid '{text}'."),
    };
}
