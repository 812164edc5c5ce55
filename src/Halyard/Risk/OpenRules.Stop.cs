using Halyard.Domain;
using static Halyard.Risk.Validator;

namespace Halyard.Risk;

/// <summary>
/// The two rules about what happens at the stop: the loss if it fills is capped as a share of equity
/// (<c>max_loss_per_trade_pct</c>), and it must trigger before the estimated liquidation price of the
/// position, with the positions held and the opens accepted earlier in the batch counted (always on).
/// </summary>
internal sealed partial class OpenRules
{
    /// <summary>The loss at the stop against max_loss_per_trade_pct × equity: clamp the value down to fit, or deny.</summary>
    private decimal ClampLoss(InstrumentRules rules, decimal price, decimal value)
    {
        var equity = ctx.Equity;
        if (equity <= 0m)
        {
            return value;
        }

        // A scale-in: the combined position's loss at the new stop (the held part valued at the live price; its
        // entry fee, already paid, is counted again: conservative).
        var stop = d.StopLoss!.Value;
        var perUsd = LossAtStop.PerUsd(price, stop, ctx.TakerFeeBps, ctx.SlippageBps);
        var cap = _limits.MaxLossPerTradePct / 100m * equity;
        var loss = (_existing + value) * perUsd;
        if (loss <= cap)
        {
            return value;
        }

        var what = _existing > 0m ? Fmt($"held {decimal.Round(_existing, 2)} + add {value}") : Fmt($"{value}");
        var why = Fmt($"loss if the stop {stop} fills = {decimal.Round(loss, 2)} USD (value {what}, move {decimal.Round(Math.Abs(price - stop) / price * 100m, 4)} % from {price}, taker fee {ctx.TakerFeeBps} bps twice, slippage {ctx.SlippageBps} bps) > max_loss_per_trade_pct {_limits.MaxLossPerTradePct} % of equity {equity} = {decimal.Round(cap, 2)} USD");
        if (_limits.LossOverCap == LossOverCapPolicy.Deny)
        {
            Violate(ReasonCode.LossAboveCap, why);
            return value;
        }

        var clamped = decimal.Round((cap / perUsd) - _existing, 2, MidpointRounding.ToZero);
        var floor = Math.Max(InstrumentRules.MinOrderValueUsd, _limits.MinOrderValueUsd);
        var floorName = "the minimum order value";
        var (bandMin, _) = Band();
        if (_guards.ValueBands && (bandMin * equity) - _existing > floor)
        {
            floor = (bandMin * equity) - _existing;
            floorName = _existing > 0m ? Fmt($"the value band minimum {bandMin} x equity less the held value") : Fmt($"the value band minimum {bandMin} x equity");
        }

        if (clamped < floor)
        {
            Violate(ReasonCode.LossCapBelowMinimum, Fmt($"{why}; the value that fits, {clamped} USD, is below {floorName} = {floor} USD"));
            return value;
        }

        var requested = d.PositionSizeUsd!.Value;
        _adjustments.RemoveAll(a => a.Field == "position_size_usd");
        _adjustments.Add(new Adjustment("position_size_usd", requested, clamped, ReasonCode.LossAboveCap, why));
        return clamped;
    }

    /// <summary>
    /// The stop against the estimated liquidation price, computed the venue's way for the margin mode the
    /// position will have. Cross: this open and every cross open accepted earlier in the batch are each
    /// checked with all of them and the held positions counted (a later open moves the earlier ones'
    /// liquidation prices closer). Returns the open as the batch tally records it.
    /// </summary>
    private AcceptedOpen CheckLiquidation(InstrumentRules rules, decimal price, int leverage, decimal value)
    {
        // A scale-in: the combined position (held size + this open) at the live price, margined as the held one is.
        var sign = _side == PositionSide.Long ? 1m : -1m;
        var heldSize = _addTo?.Size ?? 0m;
        var position = new MarginedPosition(d.Symbol, heldSize + (sign * value / price), price, rules.MaxLeverage);
        var isCross = _addTo?.IsCross ?? (ctx.MarginMode == MarginKind.Cross && !rules.OnlyIsolated);
        var margin = value / leverage;
        var open = new AcceptedOpen(position, _side, d.StopLoss!.Value, isCross, margin, value * ctx.TakerFeeBps / 10_000m, IsAdd: _addTo is not null);
        if (ctx.Equity <= 0m)
        {
            return open;
        }

        if (!isCross)
        {
            var liquidation = LiquidationPrice.Isolated(position, margin + (_addTo is { IsCross: false } h ? h.MarginUsed : 0m));
            if (!LiquidationPrice.StopFirst(_side, open.Stop, liquidation))
            {
                Violate(ReasonCode.StopBeyondLiquidation, Fmt($"stop {open.Stop} triggers after the estimated isolated liquidation price {Round(liquidation)} ({leverage}x, maintenance 1/(2 x {rules.MaxLeverage}))"));
            }
        }

        var batch = tally.Accepted.Append(open).ToArray();
        var cross = batch.Where(a => a.IsCross).ToArray();
        if (cross.Length == 0)
        {
            return open;
        }

        var held = ctx.Account.Positions.Where(p => p.Size != 0m).ToArray();
        var addedTo = batch.Where(a => a.IsAdd).Select(a => a.Position.Coin).ToHashSet(StringComparer.Ordinal);
        var crossEquity = ctx.Equity
            - held.Where(p => !p.IsCross).Sum(p => p.MarginUsed)
            - batch.Where(a => !a.IsCross).Sum(a => a.Margin)
            - batch.Sum(a => a.EntryFee);
        // A held cross position that a scale-in adds to is counted once, as the combined position of the batch.
        var maintenance = held.Where(p => p.IsCross && !addedTo.Contains(p.Coin)).Sum(p => Held(p).Maintenance) + cross.Sum(a => a.Position.Maintenance);
        foreach (var a in cross)
        {
            var liquidation = LiquidationPrice.Cross(a.Position, crossEquity, maintenance - a.Position.Maintenance);
            if (LiquidationPrice.StopFirst(a.Side, a.Stop, liquidation))
            {
                continue;
            }

            Violate(ReasonCode.StopBeyondLiquidation, ReferenceEquals(a, open)
                ? Fmt($"stop {a.Stop} triggers after the estimated cross liquidation price {Round(liquidation)} (equity {ctx.Equity}, {held.Length} held and {batch.Length - 1} earlier open(s) counted)")
                : Fmt($"this open would move the estimated cross liquidation price of {a.Position.Coin} (opened earlier in the batch) to {Round(liquidation)}, past its stop {a.Stop}"));
        }

        return open;
    }

    /// <summary>A held position at its mark, with its asset's maximum leverage (its own leverage when the asset is unknown: a larger maintenance).</summary>
    private MarginedPosition Held(Position p)
    {
        var maxLeverage = ctx.Instruments.TryGetValue(p.Coin, out var r) ? r.MaxLeverage : Math.Max(1, p.Leverage);
        var mark = p.AbsSize > 0m ? p.PositionValue / p.AbsSize : p.EntryPrice;
        return new MarginedPosition(p.Coin, p.Size, mark, maxLeverage);
    }

    private (decimal Min, decimal Max) Band() => _limits.IsMajor(d.Symbol)
        ? (_limits.BtcEthPositionValueMinEquityMultiple, _limits.BtcEthPositionValueMaxEquityMultiple)
        : (_limits.AltPositionValueMinEquityMultiple, _limits.AltPositionValueMaxEquityMultiple);

    private static decimal? Round(decimal? price) => price is { } p ? decimal.Round(p, 6) : null;
}
