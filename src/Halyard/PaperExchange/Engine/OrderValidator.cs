using System.Globalization;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary>An order that passed the static checks, with numbers parsed and the mark it was judged against.</summary>
internal sealed record ValidatedOrder(
    WireOrder Wire,
    UniverseAsset Rules,
    decimal Price,
    decimal Size,
    decimal TriggerPx,
    decimal Mark);

/// <summary>Why an order was refused: the venue's text, and the status the refused order is recorded with (null = not recorded).</summary>
internal sealed record Rejection(string Text, string? Status);

/// <summary>
/// The venue's per-order checks that need no book: asset, price grid, size grid, 80% band, reduce-only
/// direction and the $10 minimum. Errors are the venue's texts with the <c> asset=N</c> suffix.
/// </summary>
internal sealed class OrderValidator(VenueState state)
{
    public const decimal MaxDistanceFromReference = 0.8m;
    private const decimal InstrumentMinimum = 10m;

    /// <param name="isTpslLeg">True for the TP/SL legs of <c>normalTpsl</c>/<c>positionTpsl</c> (exempt from the minimum; size may follow the position).</param>
    public (ValidatedOrder? Order, Rejection? Error) Validate(Account account, WireOrder wire, bool isTpslLeg, long nowMs)
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

        if (Math.Abs(price - mark) > mark * MaxDistanceFromReference
            || (wire.Type.IsTrigger && Math.Abs(triggerPx - mark) > mark * MaxDistanceFromReference))
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

        return (new ValidatedOrder(wire, rules, price, size, triggerPx, mark), null);
    }

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
