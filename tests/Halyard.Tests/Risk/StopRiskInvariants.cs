using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// The stop rules checked from first principles, independently of the Validator's closed form: for every
/// accepted open, (1) the loss if its stop fills (move + taker fee twice + slippage on the exit) is within
/// the cap, and (2) at the moment its stop triggers — every other position of the account and of the
/// batch at its price — the collateral behind it is still above maintenance margin (half the initial
/// margin at the asset's maximum leverage), i.e. the stop comes before liquidation. A scale-in (features.scale_in,
/// an open on a coin held on its side) is checked as the combined position: the held size plus the add, at the live
/// price, with the add's stop; the held position is then not counted a second time.
/// </summary>
internal static class StopRiskInvariants
{
    public static void Check(ValidationContext ctx, IReadOnlyList<TradingDecision> opens)
    {
        var fee = ctx.TakerFeeBps / 10_000m;
        var slip = ctx.SlippageBps / 10_000m;
        var cap = ctx.Limits.MaxLossPerTradePct / 100m * ctx.Equity;
        var batch = opens.Select(o => Open(ctx, o)).ToArray();
        foreach (var o in batch)
        {
            var coins = o.Value / o.Price;
            var loss = (coins * Math.Abs(o.Price - o.Stop)) + (o.Value * fee) + (coins * o.Stop * (fee + slip));
            Assert.True(loss <= cap + 0.000001m, $"{o.Coin}: loss at the stop {loss} > cap {cap}");
        }

        var held = ctx.Account.Positions.Where(p => p.Size != 0m).ToArray();
        var crossCollateral = ctx.Equity - held.Where(p => !p.IsCross).Sum(p => p.MarginUsed)
            - batch.Where(b => !b.Cross).Sum(b => b.AddValue / b.Leverage) - batch.Sum(b => b.AddValue * fee);
        var heldMaintenance = held.Where(p => p.IsCross && !batch.Any(b => b.HeldMargin is not null && b.Coin == p.Coin))
            .Sum(p => p.PositionValue / (2m * ctx.Instruments[p.Coin].MaxLeverage));
        foreach (var o in batch)
        {
            var s = o.Long ? o.Value / o.Price : -o.Value / o.Price;
            var ownMaintenanceAtStop = Math.Abs(s) * o.Stop / (2m * o.MaxLeverage);
            if (o.Cross)
            {
                var others = heldMaintenance + batch.Where(b => b.Cross && !ReferenceEquals(b, o)).Sum(b => b.Value / (2m * b.MaxLeverage));
                var equityAtStop = crossCollateral + (s * (o.Stop - o.Price));
                Assert.True(equityAtStop > others + ownMaintenanceAtStop,
                    $"{o.Coin} cross: at its stop {o.Stop} equity {equityAtStop} <= maintenance {others + ownMaintenanceAtStop}");
            }
            else
            {
                var marginAtStop = (o.AddValue / o.Leverage) + (o.HeldMargin ?? 0m) + (s * (o.Stop - o.Price));
                Assert.True(marginAtStop > ownMaintenanceAtStop, $"{o.Coin} isolated: at its stop {o.Stop} margin {marginAtStop} <= maintenance {ownMaintenanceAtStop}");
            }
        }
    }

    private static Opened Open(ValidationContext ctx, TradingDecision d)
    {
        var rules = ctx.Instruments[d.Symbol];
        var isLong = d.Action == DecisionAction.OpenLong;
        var price = ctx.Assets[d.Symbol].LivePrice;
        var add = d.PositionSizeUsd!.Value;
        var held = ctx.Guards.ScaleIn && ctx.Account.PositionOf(d.Symbol) is { } p && p.Side == (isLong ? PositionSide.Long : PositionSide.Short) ? p : null;
        return new Opened(
            d.Symbol,
            isLong,
            price,
            add + ((held?.AbsSize ?? 0m) * price),
            add,
            d.StopLoss!.Value,
            d.Leverage!.Value,
            rules.MaxLeverage,
            held?.IsCross ?? (ctx.MarginMode == MarginKind.Cross && !rules.OnlyIsolated),
            held is null ? null : held.IsCross ? 0m : held.MarginUsed);
    }

    /// <param name="Value">The position the stop protects: the open, or held + add for a scale-in.</param>
    /// <param name="AddValue">What this open adds (its margin and entry fee).</param>
    /// <param name="HeldMargin">A scale-in: the held position's isolated margin (0 when cross); null for a new position.</param>
    private sealed record Opened(string Coin, bool Long, decimal Price, decimal Value, decimal AddValue, decimal Stop, int Leverage, int MaxLeverage, bool Cross, decimal? HeldMargin);
}
