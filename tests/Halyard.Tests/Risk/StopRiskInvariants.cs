using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Risk;

namespace Halyard.Tests.Risk;

/// <summary>
/// The stop rules checked from first principles, independently of the Validator's closed form: for every
/// accepted open, (1) the loss if its stop fills (move + taker fee twice + slippage on the exit) is within
/// the cap, and (2) at the moment its stop triggers — every other position of the account and of the
/// batch at its price — the collateral behind it is still above maintenance margin (half the initial
/// margin at the asset's maximum leverage), i.e. the stop comes before liquidation.
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
            - batch.Where(b => !b.Cross).Sum(b => b.Value / b.Leverage) - batch.Sum(b => b.Value * fee);
        var heldMaintenance = held.Where(p => p.IsCross).Sum(p => p.PositionValue / (2m * ctx.Instruments[p.Coin].MaxLeverage));
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
                var marginAtStop = (o.Value / o.Leverage) + (s * (o.Stop - o.Price));
                Assert.True(marginAtStop > ownMaintenanceAtStop, $"{o.Coin} isolated: at its stop {o.Stop} margin {marginAtStop} <= maintenance {ownMaintenanceAtStop}");
            }
        }
    }

    private static Opened Open(ValidationContext ctx, TradingDecision d)
    {
        var rules = ctx.Instruments[d.Symbol];
        return new Opened(
            d.Symbol,
            d.Action == DecisionAction.OpenLong,
            ctx.Assets[d.Symbol].LivePrice,
            d.PositionSizeUsd!.Value,
            d.StopLoss!.Value,
            d.Leverage!.Value,
            rules.MaxLeverage,
            ctx.MarginMode == MarginKind.Cross && !rules.OnlyIsolated);
    }

    private sealed record Opened(string Coin, bool Long, decimal Price, decimal Value, decimal Stop, int Leverage, int MaxLeverage, bool Cross);
}
