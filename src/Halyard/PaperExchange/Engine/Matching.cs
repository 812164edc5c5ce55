using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// The order lifecycle shared by order entry and the market stepper: taker executions against the
/// synthetic book, maker fills of resting orders, trigger firing, cancellation with its cascades
/// (waiting TP/SL children, siblings, position TP/SL) and liquidation.
/// </summary>
internal sealed class Matching(VenueState state, Bookkeeper bookkeeper, MarginCalculator margin)
{
    /// <summary>How much of the order can execute now: reduce-only orders never exceed (or flip) the position; position TP/SL take the whole position.</summary>
    public decimal ExecutableSize(Account account, OrderState order)
    {
        var szi = account.SziOf(order.Asset);
        var reduces = (order.IsBuy && szi < 0) || (!order.IsBuy && szi > 0);
        if (order.Role == OrderRole.PositionTpsl)
        {
            // Size 0: the whole position as it is then; an explicit size keeps that size (never beyond the position).
            return !reduces ? 0m : order.OrigSz > 0 ? Math.Min(order.OrigSz, Math.Abs(szi)) : Math.Abs(szi);
        }

        return order.ReduceOnly ? (reduces ? Math.Min(order.Sz, Math.Abs(szi)) : 0m) : order.Sz;
    }

    /// <summary>True when free margin covers the position increase of <paramref name="size"/> at <paramref name="price"/>.</summary>
    public bool MarginAllows(Account account, OrderState order, decimal size, decimal price, long timeMs)
    {
        var increase = MarginCalculator.IncreasingPart(account.SziOf(order.Asset), order.IsBuy, size);
        if (increase <= 0)
        {
            return true;
        }

        var leverage = state.LeverageOf(account, order.Asset).Value;
        var available = margin.Summarize(account, timeMs).AvailableToTrade;
        if (order.IsResting && !order.ReduceOnly)
        {
            available += order.Sz * order.LimitPx / leverage;
        }

        return increase * price / leverage <= available;
    }

    /// <summary>
    /// Executes up to <paramref name="size"/> as a taker against the book around <paramref name="mid"/>, never past
    /// <paramref name="limit"/> (default: the order's limit price); returns the size filled.
    /// </summary>
    public decimal Take(Account account, OrderState order, decimal size, decimal mid, long timeMs, decimal? limit = null)
    {
        if (size <= 0)
        {
            return 0m;
        }

        var book = state.Market.Book(order.Asset, mid, timeMs);
        var filled = 0m;
        foreach (var (price, take) in Matcher.Take(book, order.IsBuy, limit ?? order.LimitPx, size))
        {
            bookkeeper.ApplyFill(account, new FillRequest(order.Asset, order.IsBuy, take, price, true, timeMs, order.Oid, order.Cloid));
            filled += take;
        }

        Record(account, order, filled, timeMs);
        return filled;
    }

    /// <summary>
    /// Fills up to <paramref name="size"/> of a resting order at its limit price as a maker: its share of the traded
    /// volume of one 3 s step in which the mark was at or through its price (<see cref="RestingFills"/>).
    /// </summary>
    public void FillResting(Account account, OrderState order, decimal size, long timeMs)
    {
        var executable = ExecutableSize(account, order);
        if (executable <= 0)
        {
            Close(account, order, OrderStatusNames.ReduceOnlyCanceled, timeMs);
            return;
        }

        size = Math.Min(size, executable);
        if (size <= 0)
        {
            return;
        }

        if (!order.ReduceOnly && !MarginAllows(account, order, size, order.LimitPx, timeMs))
        {
            Close(account, order, OrderStatusNames.MarginCanceled, timeMs);
            return;
        }

        bookkeeper.ApplyFill(account, new FillRequest(order.Asset, order.IsBuy, size, order.LimitPx, false, timeMs, order.Oid, order.Cloid));
        Record(account, order, size, timeMs);
        Settle(account, order, timeMs);
    }

    /// <summary>The mark crossed the trigger: a market trigger executes now within its limit; a limit trigger takes what crosses and rests the rest.</summary>
    public void FireTrigger(Account account, OrderState order, decimal mark, long timeMs)
    {
        order.IsTrigger = false;
        var size = ExecutableSize(account, order);
        if (size <= 0)
        {
            Close(account, order, OrderStatusNames.Canceled, timeMs);
            return;
        }

        if (!order.ReduceOnly && order.Role != OrderRole.PositionTpsl && !MarginAllows(account, order, size, mark, timeMs))
        {
            Close(account, order, OrderStatusNames.MarginCanceled, timeMs);
            return;
        }

        if (order.Role == OrderRole.PositionTpsl)
        {
            order.Sz = size;
        }

        // A market trigger executes like a market order: against the book, up to 10 % from the mark (its own
        // limit price is not used); a limit trigger within its limit.
        var limit = order.IsMarket ? MarketTriggerLimit(order.IsBuy, mark) : order.LimitPx;
        PreventSelfTrade(account, order, limit, timeMs);
        var fillsBefore = account.Fills.Count;
        Take(account, order, size, mark, timeMs, limit);
        if (order.IsMarket)
        {
            var paid = 0m;
            for (var i = fillsBefore; i < account.Fills.Count; i++)
            {
                paid += (account.Fills[i].Px - order.TriggerPx) * account.Fills[i].Sz * (order.IsBuy ? 1 : -1);
            }

            account.Slippage = account.Slippage with { TriggersVsTriggerPriceUsd = account.Slippage.TriggersVsTriggerPriceUsd + PriceMath.RoundUsd(paid) };

            if (order.FilledSz > 0)
            {
                Fill(account, order, timeMs);
            }
            else
            {
                Close(account, order, OrderStatusNames.Canceled, timeMs);
            }

            return;
        }

        order.NextFillMs = Market.MarkPath.StepStart(timeMs) + Market.MarkPath.StepMs; // a resting remainder trades from the next step on
        Settle(account, order, timeMs);
    }

    /// <summary>
    /// Ends an order with <paramref name="status"/>. A <c>normalTpsl</c> parent that ends unfilled takes its waiting
    /// children with it, except one partly filled and then cancelled for margin: its children go live (sizes fixed).
    /// </summary>
    public void Close(Account account, OrderState order, string status, long timeMs)
    {
        if (!order.IsOpen)
        {
            return;
        }

        order.SetStatus(status, timeMs);
        account.OpenOrders.Remove(order);
        if (order.Role == OrderRole.NormalTpslParent && status != OrderStatusNames.Filled && order.Children is { } children)
        {
            var activate = status == OrderStatusNames.MarginCanceled && order.FilledSz > 0;
            foreach (var child in children)
            {
                if (child.IsOpen && !child.Active)
                {
                    if (activate)
                    {
                        child.Active = true;
                    }
                    else
                    {
                        Close(account, child, OrderStatusNames.Canceled, timeMs);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The venue's reduce-only rule for resting orders: together they may not exceed the position they reduce. The
    /// oldest are cancelled first (<c>reduceOnlyCanceled</c>) until the rest fit — after a new one rests, and after
    /// the position shrinks, closes or flips. Triggers are left alone (they are judged when they fire).
    /// </summary>
    public void EnforceReduceOnly(Account account, int asset, long timeMs)
    {
        var szi = account.SziOf(asset);
        var resting = account.OpenOrders.Where(o => IsRestingReduceOnly(o, asset)).OrderBy(o => o.Timestamp).ThenBy(o => o.Oid).ToArray();
        var room = Math.Abs(szi);
        var total = resting.Where(o => Reduces(o, szi)).Sum(o => o.Sz);
        foreach (var order in resting)
        {
            if (!Reduces(order, szi))
            {
                Close(account, order, OrderStatusNames.ReduceOnlyCanceled, timeMs);
            }
            else if (total > room)
            {
                total -= order.Sz;
                Close(account, order, OrderStatusNames.ReduceOnlyCanceled, timeMs);
            }
        }
    }

    private static bool Reduces(OrderState order, decimal szi) => szi != 0 && order.IsBuy == szi < 0;

    /// <summary>
    /// Self-trade prevention: a taker that would reach the account's own resting order on the other side cancels
    /// that resting order (<c>selfTradeCanceled</c>) instead of trading with it.
    /// </summary>
    public void PreventSelfTrade(Account account, OrderState taker, decimal limit, long timeMs)
    {
        foreach (var resting in account.OpenOrders.ToArray())
        {
            if (resting != taker && resting.Asset == taker.Asset && resting.IsBuy != taker.IsBuy && resting.IsResting
                && (taker.IsBuy ? resting.LimitPx <= limit : resting.LimitPx >= limit))
            {
                Close(account, resting, OrderStatusNames.SelfTradeCanceled, timeMs);
            }
        }
    }

    /// <summary>A live reduce-only limit order with size left (one just filled completely is being settled as filled).</summary>
    private static bool IsRestingReduceOnly(OrderState order, int asset) =>
        order.Asset == asset && order.ReduceOnly && order.IsResting && order.Role == OrderRole.Plain && order.Sz > 0;

    private const decimal MarketTriggerSlippage = 0.1m;

    private static decimal MarketTriggerLimit(bool isBuy, decimal mark) => mark * (isBuy ? 1 + MarketTriggerSlippage : 1 - MarketTriggerSlippage);

    /// <summary>Positions above this notional are liquidated 20 % at a time (the venue's rule).</summary>
    public const decimal PartialLiquidationNotionalUsd = 100_000m;

    /// <summary>The share of a large position sent by the first market liquidation.</summary>
    public const decimal PartialLiquidationShare = 0.2m;

    /// <summary>The pause after a partial liquidation before the next market liquidation (which takes the whole rest).</summary>
    public const long LiquidationCooldownMs = 30_000;

    /// <summary>
    /// Market liquidation, the venue's first step: the positions' open orders are cancelled and each position is sent to
    /// the book as a market order (a taker walking the levels, at most 10 % from the mark) — 20 % of it when its notional is
    /// above $100,000 and it has not been partly liquidated yet, after which the account waits 30 s before the next market
    /// liquidation, which takes the whole rest (any other attempt is retried no sooner than the next 3 s mark step). Returns
    /// false (nothing done) during a cooldown.
    /// </summary>
    public bool LiquidateThroughBook(Account account, IReadOnlyList<int> assets, long timeMs)
    {
        if (timeMs < account.LiquidationCooldownUntilMs)
        {
            return false;
        }

        var partial = false;
        foreach (var asset in assets)
        {
            if (account.PositionOf(asset) is not { } position)
            {
                continue;
            }

            CancelOrdersOf(account, asset, timeMs);
            var mark = margin.MarkOf(position, timeMs);
            var size = Math.Abs(position.Szi);
            var szDecimals = state.Market.Asset(asset).SzDecimals;
            if (size * mark > PartialLiquidationNotionalUsd && account.PartiallyLiquidated.Add(asset))
            {
                size = Math.Max(PriceMath.Lot(szDecimals), PriceMath.RoundSizeDown(size * PartialLiquidationShare, szDecimals));
                partial = true;
            }

            var isBuy = position.Szi < 0;
            var book = state.Market.Book(asset, mark, timeMs);
            foreach (var (price, take) in Matcher.Take(book, isBuy, MarketTriggerLimit(isBuy, mark), size))
            {
                bookkeeper.ApplyFill(account, new FillRequest(asset, isBuy, take, price, true, timeMs, 0, null, mark, LiquidationMethod.Market));
            }

            if (account.SziOf(asset) == 0)
            {
                account.PartiallyLiquidated.Remove(asset);
            }
        }

        // After a partial liquidation the venue waits 30 s; an attempt the book could not fill is retried at the next mark step.
        account.LiquidationCooldownUntilMs = timeMs + (partial ? LiquidationCooldownMs : Market.MarkPath.StepMs);
        return true;
    }

    /// <summary>
    /// Backstop liquidation (equity under 2/3 of maintenance margin): the liquidator takes the positions at the mark (no
    /// fee) together with their margin — for the cross group every cross position and the cross collateral left, for an
    /// isolated position that position and its isolated margin. The trader keeps nothing of it, maintenance margin included.
    /// </summary>
    public void Backstop(Account account, IReadOnlyList<int> assets, bool cross, long timeMs)
    {
        var isolatedEquity = 0m;
        foreach (var asset in assets)
        {
            if (account.PositionOf(asset) is not { } position)
            {
                continue;
            }

            CancelOrdersOf(account, asset, timeMs);
            var mark = margin.MarkOf(position, timeMs);
            var marginBefore = position.IsolatedMargin;
            var price = PriceMath.RoundToValid(mark, state.Market.Asset(asset).SzDecimals);
            var fill = bookkeeper.ApplyFill(account, new FillRequest(asset, position.Szi < 0, Math.Abs(position.Szi), price, true, timeMs, 0, null, mark, LiquidationMethod.Backstop));
            isolatedEquity += marginBefore + fill.ClosedPnl;
            account.PartiallyLiquidated.Remove(asset);
        }

        // The group's margin goes to the liquidator with the positions (a loss beyond it is the liquidator's): a cross
        // backstop leaves the cross account at zero, an isolated one takes exactly that position's margin.
        account.Cash -= cross ? margin.Summarize(account, timeMs).CrossAccountValue : isolatedEquity;
    }

    private void CancelOrdersOf(Account account, int asset, long timeMs)
    {
        foreach (var order in account.OpenOrders.ToArray())
        {
            if (order.Asset == asset)
            {
                Close(account, order, OrderStatusNames.LiquidatedCanceled, timeMs);
            }
        }
    }

    /// <summary>After a fill: activate/resize <c>normalTpsl</c> children, and drop position TP/SL when the position is gone.</summary>
    private void Record(Account account, OrderState order, decimal filled, long timeMs)
    {
        if (filled <= 0)
        {
            return;
        }

        order.FilledSz += filled;
        order.Sz = Math.Max(0m, order.Sz - filled);
        if (order.Role == OrderRole.NormalTpslParent && order.Sz <= 0 && order.Children is { } children)
        {
            foreach (var child in children)
            {
                if (child.IsOpen && child.IsTrigger)
                {
                    child.Active = true;
                }
            }
        }

        EnforceReduceOnly(account, order.Asset, timeMs);
        if (account.SziOf(order.Asset) == 0)
        {
            foreach (var other in account.OpenOrders.ToArray())
            {
                if (other != order && other.Asset == order.Asset && other.Role == OrderRole.PositionTpsl)
                {
                    Close(account, other, OrderStatusNames.Canceled, timeMs);
                }
            }
        }
    }

    /// <summary>Marks a fully executed order filled (and cancels its TP/SL siblings); a reduce-only remainder without a position is cancelled.</summary>
    public void Settle(Account account, OrderState order, long timeMs)
    {
        if (!order.IsOpen)
        {
            return;
        }

        if (order.Sz <= 0)
        {
            Fill(account, order, timeMs);
        }
        else if ((order.ReduceOnly || order.Role == OrderRole.PositionTpsl) && ExecutableSize(account, order) == 0)
        {
            Close(account, order, OrderStatusNames.ReduceOnlyCanceled, timeMs);
        }
    }

    /// <summary>Marks the order filled; the other legs of its <c>normalTpsl</c> group are cancelled.</summary>
    private void Fill(Account account, OrderState order, long timeMs)
    {
        Close(account, order, OrderStatusNames.Filled, timeMs);
        if (order.Role == OrderRole.NormalTpslChild && state.Orders.TryGetValue(order.ParentOid, out var parent) && parent.Children is { } siblings)
        {
            foreach (var sibling in siblings)
            {
                Close(account, sibling, OrderStatusNames.SiblingFilledCanceled, timeMs);
            }
        }
    }
}
