using Halyard.Domain;
using static Halyard.Risk.Validator;

namespace Halyard.Risk;

/// <summary>
/// The rules for one close. A close with no size closes the whole position. A partial close carries
/// <c>close_fraction</c> (0–1) or <c>position_size_usd</c> (the USD to close, at the live price): the part
/// closed must be worth the minimum order value after rounding down to the coin's size decimals, and a
/// remainder worth less than the minimum order value is not left behind: the whole position is closed
/// instead (an adjustment, <c>remainder_below_minimum</c>). The executable form of a partial close always
/// carries the fraction (the Orchestrator applies it to the size the venue shows when it sends).
/// </summary>
internal sealed class CloseRules(int index, TradingDecision d, ValidationContext ctx, BatchTally tally)
{
    public Verdict Judge()
    {
        if (string.IsNullOrWhiteSpace(d.Symbol))
        {
            return Reject(ReasonCode.MissingField, "missing: symbol");
        }

        var wanted = d.Action == DecisionAction.CloseLong ? PositionSide.Long : PositionSide.Short;
        var held = ctx.Account.PositionOf(d.Symbol);
        if (held is null)
        {
            return Reject(ReasonCode.NoPosition, $"no {d.Symbol} position to close");
        }

        if (held.Side != wanted)
        {
            return Reject(ReasonCode.PositionSideMismatch, Fmt($"{d.Symbol} is held {Side(held.Side)}, the decision closes a {Side(wanted)}"));
        }

        if (tally.Closed(d.Symbol))
        {
            return Reject(ReasonCode.DuplicateSymbolInBatch, $"{d.Symbol} is already closed earlier in the batch");
        }

        if (!d.IsPartialClose)
        {
            tally.AcceptClose(d.Symbol);
            return Verdict.Accept(index, d);
        }

        return JudgePartial(held);
    }

    private Verdict JudgePartial(Position held)
    {
        if (d.CloseFraction is not null && d.PositionSizeUsd is not null)
        {
            return Reject(ReasonCode.InvalidCloseFraction, Fmt($"close_fraction {d.CloseFraction} and position_size_usd {d.PositionSizeUsd} both given: give one"));
        }

        if (d.CloseFraction is { } f && (f <= 0m || f > 1m))
        {
            return Reject(ReasonCode.InvalidCloseFraction, Fmt($"close_fraction {f} is outside (0, 1]"));
        }

        if (d.PositionSizeUsd is <= 0m)
        {
            return Reject(ReasonCode.InvalidField, Fmt($"position_size_usd {d.PositionSizeUsd} <= 0"));
        }

        var price = ctx.Assets.TryGetValue(d.Symbol, out var asset) && asset.LivePrice > 0m
            ? asset.LivePrice
            : held.AbsSize > 0m ? held.PositionValue / held.AbsSize : 0m;
        if (price <= 0m)
        {
            return Reject(ReasonCode.NoLivePrice, $"no live price for {d.Symbol}: a partial close cannot be sized");
        }

        var value = held.AbsSize * price;
        var fraction = d.CloseFraction ?? Math.Min(1m, d.PositionSizeUsd!.Value / value);
        if (fraction >= 1m)
        {
            return Full(price, fraction, null);
        }

        var rules = ctx.Instruments.GetValueOrDefault(d.Symbol);
        var coins = rules is null ? held.AbsSize * fraction : rules.RoundSizeDown(held.AbsSize * fraction);
        var minimum = Math.Max(InstrumentRules.MinOrderValueUsd, ctx.Limits.MinOrderValueUsd);
        var part = coins * price;
        if (part < minimum)
        {
            return Reject(ReasonCode.BelowMinOrderValue, Fmt($"closing {coins} {d.Symbol} ({decimal.Round(fraction, 6)} of {held.AbsSize}) at {price} is worth {decimal.Round(part, 2)} < {minimum} USD"));
        }

        var remainder = (held.AbsSize - coins) * price;
        if (remainder < minimum)
        {
            return Full(price, fraction, Fmt($"the remainder {held.AbsSize - coins} {d.Symbol} would be worth {decimal.Round(remainder, 2)} < {minimum} USD: the whole position is closed"));
        }

        tally.AcceptClose(d.Symbol);
        return Verdict.AcceptAs(index, d, d with { CloseFraction = fraction, PositionSizeUsd = null }, price);
    }

    /// <summary>The whole position closed: as asked (a fraction of 1, a size at least the position's value), or because the remainder would be too small.</summary>
    private Verdict Full(decimal price, decimal fraction, string? remainderTooSmall)
    {
        tally.AcceptClose(d.Symbol);
        var executable = d with { CloseFraction = null, PositionSizeUsd = null };
        return remainderTooSmall is null
            ? Verdict.AcceptAs(index, d, executable, price)
            : Verdict.Adjust(index, d, executable, [new Adjustment("close_fraction", decimal.Round(fraction, 6), 1m, ReasonCode.RemainderBelowMinimum, remainderTooSmall)], price, null);
    }

    private Verdict Reject(ReasonCode code, string detail) => Verdict.Reject(index, d, [new RuleViolation(code, detail)]);
}
