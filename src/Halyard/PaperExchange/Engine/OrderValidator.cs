using System.Globalization;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary>An order that passed the static checks, with numbers parsed and the mark it was judged against.</summary>
internal sealed record ValidatedOrder(
    ReceivedOrder Wire,
    UniverseAsset Rules,
    decimal Price,
    decimal Size,
    decimal TriggerPx,
    decimal Mark);

/// <summary>Why an order was refused: the venue's text, and the status the refused order is recorded with (null = not recorded).</summary>
internal sealed record Rejection(string Text, string? Status);

/// <summary>
/// The venue's per-order checks that need no book: asset, price grid, size grid, 95% band (for modify; a batch is judged whole first), reduce-only
/// direction and the $10 minimum. Errors are the venue's texts with the <c> asset=N</c> suffix.
/// </summary>
internal sealed class OrderValidator(VenueState state)
{
    public const decimal MaxDistanceFromReference = 0.95m;
    private const decimal InstrumentMinimum = 10m;
    private const int BaseOpenOrders = 1_000;
    private const int MostOpenOrders = 5_000;
    private const decimal VolumePerExtraOpenOrder = 5_000_000m;

    /// <summary>
    /// The venue's price band over a whole batch: when any order's price (or trigger) lies more than 95 % from the
    /// reference price, the whole request is refused with one <c>err</c>.
    /// </summary>
    public bool AnyOutsideBand(IReadOnlyList<ReceivedOrder> orders, long nowMs)
    {
        foreach (var wire in orders)
        {
            if (!state.Market.IsValidAsset(wire.Asset) || state.Market.Mark(wire.Asset, nowMs) is not { } mark)
            {
                continue;
            }

            // Unreadable or non-positive prices are left to the per-order checks ("Order has invalid price.").
            if ((TryParseNumber(wire.Price, out var price) && price > 0 && OutsideBand(price, mark))
                || (wire.Type.IsTrigger && TryParseNumber(wire.Type.TriggerPx!, out var trigger) && trigger > 0 && OutsideBand(trigger, mark)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Open orders an account may hold: 1,000 plus one per $5M traded, at most 5,000 (the venue's user limit).</summary>
    public static int OpenOrderLimit(Account account) =>
        (int)Math.Min(MostOpenOrders, BaseOpenOrders + decimal.Floor(account.CumVolume / VolumePerExtraOpenOrder));

    /// <param name="isTpslLeg">True for the TP/SL legs of <c>normalTpsl</c>/<c>positionTpsl</c> (exempt from the minimum; size may follow the position).</param>
    /// <param name="replacing">The order a modify replaces (its cloid and open-order slot are its own).</param>
    public (ValidatedOrder? Order, Rejection? Error) Validate(Account account, ReceivedOrder wire, bool isTpslLeg, long nowMs, OrderState? replacing = null)
    {
        var market = state.Market;
        if (!market.IsValidAsset(wire.Asset))
        {
            return (null, new Rejection(VenueTexts.UnknownAsset(wire.Asset), null));
        }

        var rules = market.Asset(wire.Asset);
        if (!market.HasData(wire.Asset) || rules.IsDelisted || market.Mark(wire.Asset, nowMs) is not { } mark)
        {
            return (null, Fail(VenueTexts.NoMarketData(rules.Name), wire.Asset, OrderStatusNames.Rejected));
        }

        if (PriceError(wire.Price, rules.SzDecimals, out var price) is { } priceError)
        {
            return (null, Fail(priceError, wire.Asset, "tickRejected"));
        }

        if (!TryParseNumber(wire.Size, out var size) || !(PriceMath.IsValidSize(size, rules.SzDecimals) || (isTpslLeg && size == 0)))
        {
            return (null, Fail(VenueTexts.InvalidSize, wire.Asset, OrderStatusNames.Rejected));
        }

        var triggerPx = 0m;
        if (wire.Type.IsTrigger && PriceError(wire.Type.TriggerPx!, rules.SzDecimals, out triggerPx) is { } triggerError)
        {
            return (null, Fail(triggerError, wire.Asset, "badTriggerPxRejected"));
        }

        // A stop-limit's limit must lie beyond its trigger in the direction it trades: a sell at or below, a buy at or above.
        if (wire.Type.IsTrigger && !wire.Type.IsMarket && !wire.Type.IsTakeProfit && (wire.IsBuy ? price < triggerPx : price > triggerPx))
        {
            return (null, Fail(VenueTexts.InvalidTpsl, wire.Asset, "badTriggerPxRejected"));
        }

        if (OutsideBand(price, mark) || (wire.Type.IsTrigger && OutsideBand(triggerPx, mark)))
        {
            return (null, Fail(VenueTexts.PriceBand, wire.Asset, "oracleRejected"));
        }

        if (wire.ReduceOnly && !isTpslLeg)
        {
            var szi = account.SziOf(wire.Asset);
            var reduces = (wire.IsBuy && szi < 0) || (!wire.IsBuy && szi > 0);
            if (!reduces)
            {
                return (null, Fail(VenueTexts.ReduceOnlyIncrease, wire.Asset, "reduceOnlyRejected"));
            }
        }

        var reference = wire.Type.IsTrigger ? triggerPx : price;
        if (!wire.ReduceOnly && !isTpslLeg && size * reference < InstrumentMinimum)
        {
            return (null, Fail(VenueTexts.MinimumValue, wire.Asset, "minTradeNtlRejected"));
        }

        if (wire.Cloid is { } cloid && account.ByCloid.TryGetValue(cloid, out var live) && live.IsOpen && live != replacing)
        {
            return (null, new Rejection(VenueTexts.WithAsset(VenueTexts.DuplicateCloid, wire.Asset), null));
        }

        var rests = wire.Type.IsTrigger || wire.Type.Tif is ReceivedTimeInForce.Gtc or ReceivedTimeInForce.Alo;
        if (rests && replacing is null && account.OpenOrders.Count >= OpenOrderLimit(account))
        {
            return (null, Fail(VenueTexts.TooManyOpenOrders, wire.Asset, OrderStatusNames.Rejected));
        }

        return (new ValidatedOrder(wire, rules, price, size, triggerPx, mark), null);
    }

    private static bool OutsideBand(decimal price, decimal mark) => Math.Abs(price - mark) > mark * MaxDistanceFromReference;

    public static Rejection Fail(string text, int asset, string status) => new(VenueTexts.WithAsset(text, asset), status);

    private static string? PriceError(string text, int szDecimals, out decimal price)
    {
        if (!TryParseNumber(text, out price) || price <= 0)
        {
            return VenueTexts.InvalidPrice;
        }

        return PriceMath.IsValidPrice(price, szDecimals) ? null : VenueTexts.TickSize;
    }

    /// <summary>Wire numbers are plain decimals: digits with an optional point, no sign, no exponent.</summary>
    private static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
