using System.Globalization;

namespace Halyard.Domain.Precision;

/// <summary>
/// The one place where prices and sizes are rounded for the venue. Each value is rounded once, in the
/// conservative direction for its side and purpose, checked valid, and only then written as canonical
/// wire text. The formatter refuses (a <see cref="FormatResult{T}"/> with a reason) rather than emit a
/// value the venue would reject.
/// </summary>
/// <remarks>
/// Price directions (side = the side of the order carrying the price; see <see cref="PriceRounding"/>):
/// <list type="table">
/// <listheader><term>purpose</term><description>Buy order / Sell order</description></listheader>
/// <item><term>Entry, ReduceOnlyClose</term><description>Down / Up (never a worse price than intended)</description></item>
/// <item><term>StopLossTrigger</term><description>Down / Up (toward the market: the stop never moves in the losing direction)</description></item>
/// <item><term>TakeProfitTrigger</term><description>Up / Down (toward the market)</description></item>
/// <item><term>TriggerLimit</term><description>Up / Down (away from the trigger: the protective order stays fillable)</description></item>
/// </list>
/// Sizes always round toward zero. A rounded value is at most one grid step from the input; a valid
/// input is returned unchanged; formatting a formatted value returns it unchanged.
/// </remarks>
public static class WireFormat
{
    /// <summary>Rounds <paramref name="price"/> onto the instrument's price grid in the conservative direction.</summary>
    public static FormatResult<WirePrice> FormatPrice(this InstrumentRules rules, decimal price, OrderSide side, PricePurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var direction = PriceRounding.For(side, purpose);
        if (price <= 0m)
        {
            return FormatResult<WirePrice>.Refused(
                FormatRefusal.NotPositive,
                Invariant($"{rules.Name}: price {price} is not positive."));
        }

        var found = direction == RoundingDirection.Down
            ? rules.TryPriceAtOrBelow(price, out var rounded)
            : rules.TryPriceAtOrAbove(price, out rounded);
        if (!found)
        {
            return FormatResult<WirePrice>.Refused(
                FormatRefusal.NoValidPrice,
                Invariant($"{rules.Name}: no valid price at or below {price} (smallest is {WireNumber.ToWire(rules.MinimumPrice)}) for a {side} {purpose}."));
        }

        EnsureValid(rules.IsValidPrice(rounded), rules, "price", price, rounded);
        return FormatResult<WirePrice>.Ok(new WirePrice(rounded));
    }

    /// <summary>Rounds <paramref name="size"/> toward zero to the instrument's size decimals.</summary>
    public static FormatResult<WireSize> FormatSize(this InstrumentRules rules, decimal size)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (size <= 0m)
        {
            return FormatResult<WireSize>.Refused(
                FormatRefusal.NotPositive,
                Invariant($"{rules.Name}: size {size} is not positive."));
        }

        var rounded = DecimalDigits.StripTrailingZeros(rules.RoundSizeDown(size));
        if (rounded == 0m)
        {
            return FormatResult<WireSize>.Refused(
                FormatRefusal.SizeRoundsToZero,
                Invariant($"{rules.Name}: size {size} rounds to zero at {rules.SzDecimals} decimals (smallest is {WireNumber.ToWire(rules.MinimumSize)})."));
        }

        EnsureValid(rules.IsValidSize(rounded), rules, "size", size, rounded);
        return FormatResult<WireSize>.Ok(new WireSize(rounded));
    }

    /// <summary>
    /// Formats the price and size of one order and checks the venue's minimum order value
    /// (<see cref="InstrumentRules.MinOrderValueUsd"/>) on the ROUNDED values. The minimum applies to
    /// <see cref="PricePurpose.Entry"/> only: closes and protective (trigger) orders are reduce-only, and a
    /// stop must never be refused locally because the position has shrunk below $10 at the stop price.
    /// For a trigger order pass the trigger price here and format its limit price with <see cref="FormatPrice"/>.
    /// </summary>
    public static FormatResult<FormattedOrder> FormatOrder(
        this InstrumentRules rules, OrderSide side, decimal price, decimal size, PricePurpose purpose = PricePurpose.Entry)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var wirePrice = rules.FormatPrice(price, side, purpose);
        if (!wirePrice.IsOk)
        {
            return FormatResult<FormattedOrder>.Refused(wirePrice.Refusal, wirePrice.Reason);
        }

        var wireSize = rules.FormatSize(size);
        if (!wireSize.IsOk)
        {
            return FormatResult<FormattedOrder>.Refused(wireSize.Refusal, wireSize.Reason);
        }

        var order = new FormattedOrder(wirePrice.Value, wireSize.Value);
        if (purpose == PricePurpose.Entry && order.Notional < InstrumentRules.MinOrderValueUsd)
        {
            return FormatResult<FormattedOrder>.Refused(
                FormatRefusal.BelowMinimumOrderValue,
                Invariant($"{rules.Name}: {order.Size.Text} × {order.Price.Text} = ${order.Notional} is below the ${InstrumentRules.MinOrderValueUsd} minimum."));
        }

        return FormatResult<FormattedOrder>.Ok(order);
    }

    /// <summary>The last guard: a rounding bug must never reach the wire.</summary>
    private static void EnsureValid(bool valid, InstrumentRules rules, string what, decimal input, decimal rounded)
    {
        if (!valid)
        {
            throw new InvalidOperationException(Invariant($"Bug: {rules.Name} {what} {input} rounded to invalid {rounded}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
