using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// Resting limit orders fill from the tape, not wholly at their limit when touched (documented in
/// <c>docs/paper-exchange.md</c>). In each 3 s mark step in which the mark is at or through an order's price, the
/// step's traded volume (the recorded candle volume spread over its steps) first consumes the book size queued ahead
/// of the order at its price, then fills the order at its limit as maker. The account's own orders share that volume
/// in price-time priority: better price first, then older; what one took is not there for the next.
/// </summary>
internal sealed class RestingFills(VenueState state, Matching matching)
{
    private readonly List<(Account Account, OrderState Order)> _reached = [];

    /// <summary>True when the mark is at or through the resting order's price.</summary>
    public static bool Reached(OrderState order, decimal mark) => order.IsBuy ? mark <= order.LimitPx : mark >= order.LimitPx;

    /// <summary>Allocates the traded volume of the step at <paramref name="timeMs"/> on <paramref name="asset"/> to the resting orders the mark reached.</summary>
    public void Step(int asset, long timeMs)
    {
        if (state.Market.Mark(asset, timeMs) is not { } mark)
        {
            return;
        }

        _reached.Clear();
        foreach (var account in state.Accounts.Values)
        {
            foreach (var order in account.OpenOrders)
            {
                if (order.Asset == asset && order.IsResting && order.NextFillMs <= timeMs && Reached(order, mark))
                {
                    _reached.Add((account, order));
                }
            }
        }

        _reached.Sort(static (a, b) => Priority(a.Order, b.Order));
        var szDecimals = state.Market.Asset(asset).SzDecimals;
        var tape = state.Market.StepVolume(asset, timeMs);
        decimal boughtByUs = 0, soldByUs = 0;
        foreach (var (account, order) in _reached.ToArray())
        {
            if (!order.IsResting)
            {
                continue;
            }

            order.NextFillMs = timeMs + MarkPath.StepMs;
            var available = tape - (order.IsBuy ? boughtByUs : soldByUs);
            var queued = Math.Min(order.QueueAhead, available);
            order.QueueAhead -= queued;
            var size = PriceMath.RoundSizeDown(Math.Min(order.Sz, available - queued), szDecimals);
            if (size <= 0)
            {
                continue;
            }

            var before = order.FilledSz;
            matching.FillResting(account, order, size, timeMs);
            var got = order.FilledSz - before;
            if (order.IsBuy)
            {
                boughtByUs += got;
            }
            else
            {
                soldByUs += got;
            }
        }
    }

    /// <summary>Buys before sells (separate tapes); the better price first; then the older order.</summary>
    private static int Priority(OrderState a, OrderState b)
    {
        if (a.IsBuy != b.IsBuy)
        {
            return a.IsBuy ? -1 : 1;
        }

        var price = a.IsBuy ? b.LimitPx.CompareTo(a.LimitPx) : a.LimitPx.CompareTo(b.LimitPx);
        if (price != 0)
        {
            return price;
        }

        var time = a.Timestamp.CompareTo(b.Timestamp);
        return time != 0 ? time : a.Oid.CompareTo(b.Oid);
    }
}
