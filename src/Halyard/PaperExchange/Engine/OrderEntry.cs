using Halyard.PaperExchange.Market;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary>
/// Places orders as the venue does: validation, the grouping rules (<c>na</c>, <c>normalTpsl</c>,
/// <c>positionTpsl</c>), ALO/IOC checks against the book, margin, then immediate matching; the rest
/// rests. One status per order, in request order.
/// </summary>
internal sealed class OrderEntry(VenueState state, OrderValidator validator, Matching matching, MarginCalculator margin)
{
    private const string BadTriggerPx = "badTriggerPxRejected";

    public ExchangeResult Place(Account account, ReceivedOrderAction action, long nowMs)
    {
        if (action.Orders.Count == 0)
        {
            return new ErrResult(VenueTexts.EmptyBatch);
        }

        if (validator.AnyOutsideBand(action.Orders, nowMs))
        {
            return new ErrResult(VenueTexts.PriceBand);
        }

        return action.Grouping switch
        {
            Grouping.NormalTpsl => PlaceNormalTpsl(account, action.Orders, nowMs),
            Grouping.PositionTpsl => PlacePositionTpsl(account, action.Orders, nowMs),
            _ => PlaceIndependent(account, action.Orders, nowMs),
        };
    }

    /// <summary>Places one order of a <c>na</c> batch (also used by modify).</summary>
    public OrderStatusEntry PlaceSingle(Account account, ReceivedOrder wire, long nowMs, OrderState? replacing = null)
    {
        var tpslLeg = replacing?.Role is OrderRole.NormalTpslChild or OrderRole.PositionTpsl;
        var (order, error) = validator.Validate(account, wire, tpslLeg, nowMs, replacing);
        if (order is null)
        {
            return Reject(account, wire, error!, nowMs);
        }

        if (wire.Type.IsTrigger)
        {
            if (replacing is not null)
            {
                matching.Close(account, replacing, OrderStatusNames.Canceled, nowMs);
            }

            var role = replacing?.Role ?? OrderRole.Plain;
            var placed = CreateTrigger(account, order, role, replacing?.ParentOid ?? 0, replacing?.Active ?? true, nowMs);
            if (replacing is { Role: OrderRole.NormalTpslChild } && state.Orders.TryGetValue(replacing.ParentOid, out var parent) && parent.Children is { } siblings)
            {
                siblings[siblings.IndexOf(replacing)] = placed;
                placed.Sz = replacing.Sz;
            }

            return new RestingStatus(placed.Oid, placed.Cloid);
        }

        return PlaceLimit(account, order, replacing?.Role == OrderRole.NormalTpslParent ? OrderRole.NormalTpslParent : OrderRole.Plain, nowMs, replacing).Status;
    }

    private OrderStatusesResult PlaceIndependent(Account account, IReadOnlyList<ReceivedOrder> orders, long nowMs)
    {
        var statuses = new List<OrderStatusEntry>(orders.Count);
        foreach (var wire in orders)
        {
            statuses.Add(PlaceSingle(account, wire, nowMs));
        }

        return new OrderStatusesResult(statuses);
    }

    private ExchangeResult PlaceNormalTpsl(Account account, IReadOnlyList<ReceivedOrder> orders, long nowMs)
    {
        for (var i = 1; i < orders.Count; i++)
        {
            if (!orders[i].Type.IsTrigger || !orders[i].ReduceOnly)
            {
                return new ErrResult(VenueTexts.TpslNotReduceOnly);
            }
        }

        var statuses = new List<OrderStatusEntry>(orders.Count);
        var parentWire = orders[0];
        var (parentOrder, parentError) = validator.Validate(account, parentWire, false, nowMs);
        (OrderStatusEntry Status, OrderState? Order) parent = parentOrder is null
            ? (Reject(account, parentWire, parentError!, nowMs), null)
            : parentWire.Type.IsTrigger
                ? (Reject(account, parentWire, OrderValidator.Fail(VenueTexts.InvalidTpsl, parentWire.Asset, BadTriggerPx), nowMs), null)
                : PlaceLimit(account, parentOrder, OrderRole.NormalTpslParent, nowMs, null);
        statuses.Add(parent.Status);
        for (var i = 1; i < orders.Count; i++)
        {
            var wire = orders[i];
            if (parent.Order is not { } parentState)
            {
                statuses.Add(Reject(account, wire, OrderValidator.Fail(VenueTexts.ParentRejected, wire.Asset, OrderStatusNames.Rejected), nowMs));
                continue;
            }

            var (child, error) = validator.Validate(account, wire, true, nowMs);
            if (child is null)
            {
                statuses.Add(Reject(account, wire, error!, nowMs));
                continue;
            }

            var above = wire.Type.IsTakeProfit == parentState.IsBuy;
            var relationOk = wire.Asset == parentState.Asset && wire.IsBuy != parentState.IsBuy
                && (above ? child.TriggerPx > parentState.LimitPx : child.TriggerPx < parentState.LimitPx);
            if (!relationOk)
            {
                statuses.Add(Reject(account, wire, OrderValidator.Fail(VenueTexts.InvalidTpsl, wire.Asset, BadTriggerPx), nowMs));
                continue;
            }

            // Children go live only once the parent has fully filled; their size is their own, fixed.
            var active = parentState.Status == OrderStatusNames.Filled;
            var placed = CreateTrigger(account, child, OrderRole.NormalTpslChild, parentState.Oid, active, nowMs);
            (parentState.Children ??= []).Add(placed);
            statuses.Add(new WaitingStatus(active ? "waitingForTrigger" : "waitingForFill"));
        }

        return new OrderStatusesResult(statuses);
    }

    private ExchangeResult PlacePositionTpsl(Account account, IReadOnlyList<ReceivedOrder> orders, long nowMs)
    {
        foreach (var wire in orders)
        {
            if (!wire.Type.IsTrigger || !wire.ReduceOnly)
            {
                return new ErrResult(VenueTexts.TpslNotReduceOnly);
            }
        }

        var statuses = new List<OrderStatusEntry>(orders.Count);
        foreach (var wire in orders)
        {
            var (order, error) = validator.Validate(account, wire, true, nowMs);
            if (order is null)
            {
                statuses.Add(Reject(account, wire, error!, nowMs));
                continue;
            }

            var szi = account.SziOf(wire.Asset);
            if (szi == 0 || (szi > 0) == wire.IsBuy)
            {
                statuses.Add(Reject(account, wire, OrderValidator.Fail(VenueTexts.ReduceOnlyIncrease, wire.Asset, "reduceOnlyRejected"), nowMs));
                continue;
            }

            // Closing a long (sell): TP above the mark, SL below; closing a short: the reverse.
            var above = wire.Type.IsTakeProfit == (szi > 0);
            if (above ? order.TriggerPx <= order.Mark : order.TriggerPx >= order.Mark)
            {
                statuses.Add(Reject(account, wire, OrderValidator.Fail(VenueTexts.InvalidTpsl, wire.Asset, BadTriggerPx), nowMs));
                continue;
            }

            // The venue answers a position TP/SL without an oid (find it by cloid or in frontendOpenOrders).
            CreateTrigger(account, order, OrderRole.PositionTpsl, 0, true, nowMs);
            statuses.Add(new WaitingStatus("waitingForTrigger"));
        }

        return new OrderStatusesResult(statuses);
    }

    /// <summary>Book checks (ALO/IOC), margin, then immediate matching; the remainder of a Gtc/Alo rests.</summary>
    private (OrderStatusEntry Status, OrderState? Order) PlaceLimit(Account account, ValidatedOrder v, OrderRole role, long nowMs, OrderState? replacing)
    {
        var wire = v.Wire;
        var tif = wire.Type.Tif;
        var book = state.Market.Book(wire.Asset, v.Mark, nowMs);
        var crosses = Matcher.Crosses(book, wire.IsBuy, v.Price);
        if (tif == ReceivedTimeInForce.Alo && crosses)
        {
            return (Reject(account, wire, OrderValidator.Fail(VenueTexts.BadAlo(book.BestBid, book.BestAsk), wire.Asset, "badAloPxRejected"), nowMs), null);
        }

        if (tif is ReceivedTimeInForce.Ioc or ReceivedTimeInForce.FrontendMarket && !crosses)
        {
            return (Reject(account, wire, OrderValidator.Fail(VenueTexts.IocNoMatch, wire.Asset, "iocCancelRejected"), nowMs), null);
        }

        if (!wire.ReduceOnly)
        {
            var increase = MarginCalculator.IncreasingPart(account.SziOf(wire.Asset), wire.IsBuy, v.Size);
            var price = crosses ? (wire.IsBuy ? Math.Min(v.Price, book.BestAsk) : Math.Max(v.Price, book.BestBid)) : v.Price;
            var leverage = state.LeverageOf(account, wire.Asset).Value;
            var available = margin.Summarize(account, nowMs).AvailableToTrade;
            if (replacing is { IsResting: true, ReduceOnly: false })
            {
                available += replacing.Sz * replacing.LimitPx / state.LeverageOf(account, replacing.Asset).Value;
            }

            if (increase * price / leverage > available)
            {
                return (Reject(account, wire, OrderValidator.Fail(VenueTexts.InsufficientMargin, wire.Asset, "perpMarginRejected"), nowMs), null);
            }
        }

        List<OrderState>? children = null;
        if (replacing is not null)
        {
            children = replacing.Children;
            replacing.Children = null;
            matching.Close(account, replacing, OrderStatusNames.Canceled, nowMs);
        }

        var order = Create(account, v, role, tif, isTrigger: false, parentOid: 0, active: true, nowMs);
        order.Children = children;
        var fillsBefore = account.Fills.Count;
        if (crosses)
        {
            matching.PreventSelfTrade(account, order, v.Price, nowMs);
        }

        var filled = crosses ? matching.Take(account, order, matching.ExecutableSize(account, order), v.Mark, nowMs) : 0m;
        var filledStatus = filled > 0 ? new FilledStatus(filled, AveragePrice(account, fillsBefore), order.Oid, order.Cloid) : null;
        if (tif is ReceivedTimeInForce.Ioc or ReceivedTimeInForce.FrontendMarket)
        {
            order.SetStatus(filled > 0 ? OrderStatusNames.Filled : OrderStatusNames.Canceled, nowMs);
            return (filledStatus ?? (OrderStatusEntry)new ErrorStatus(VenueTexts.WithAsset(VenueTexts.IocNoMatch, wire.Asset)), order);
        }

        if (order.Sz <= 0)
        {
            order.SetStatus(OrderStatusNames.Filled, nowMs);
            return (filledStatus!, order);
        }

        account.OpenOrders.Add(order);

        // It joins the back of the queue at its price: behind the book's displayed level, unless it improves the best price.
        var improves = wire.IsBuy ? order.LimitPx > book.BestBid : order.LimitPx < book.BestAsk;
        order.QueueAhead = improves ? 0m : wire.IsBuy ? book.BidSz[0] : book.AskSz[0];
        order.NextFillMs = Market.MarkPath.StepStart(nowMs) + Market.MarkPath.StepMs; // it trades from the next mark step on
        matching.Settle(account, order, nowMs);
        if (order.IsOpen && order.ReduceOnly)
        {
            matching.EnforceReduceOnly(account, order.Asset, nowMs);
        }

        return order.IsOpen || filledStatus is null ? (new RestingStatus(order.Oid, order.Cloid), order) : (filledStatus, order);
    }

    /// <summary>Answers the venue's error; like the venue, a refused order that could be read is kept with its rejection status (visible to <c>orderStatus</c> and <c>historicalOrders</c>).</summary>
    private ErrorStatus Reject(Account account, ReceivedOrder wire, Rejection rejection, long nowMs)
    {
        if (rejection.Status is { } status && state.Market.IsValidAsset(wire.Asset))
        {
            var price = ParseOrZero(wire.Price);
            var v = new ValidatedOrder(wire, state.Market.Asset(wire.Asset), price, ParseOrZero(wire.Size), ParseOrZero(wire.Type.TriggerPx), price);
            var order = Create(account, v, OrderRole.Plain, wire.Type.Tif, wire.Type.IsTrigger, 0, true, nowMs);
            order.SetStatus(status, nowMs);
        }

        return new ErrorStatus(rejection.Text);
    }

    private static decimal ParseOrZero(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0m;

    private OrderState CreateTrigger(Account account, ValidatedOrder v, OrderRole role, long parentOid, bool active, long nowMs)
    {
        var order = Create(account, v, role, ReceivedTimeInForce.Gtc, isTrigger: true, parentOid, active, nowMs);
        account.OpenOrders.Add(order);
        return order;
    }

    private OrderState Create(Account account, ValidatedOrder v, OrderRole role, ReceivedTimeInForce tif, bool isTrigger, long parentOid, bool active, long nowMs)
    {
        var wire = v.Wire;
        var order = new OrderState
        {
            Oid = state.NextOid(),
            User = account.Address,
            Asset = wire.Asset,
            Coin = v.Rules.Name,
            IsBuy = wire.IsBuy,
            LimitPx = v.Price,
            OrigSz = v.Size,
            Sz = v.Size,
            ReduceOnly = wire.ReduceOnly,
            Tif = tif,
            IsTrigger = isTrigger,
            WasTrigger = isTrigger,
            IsMarket = wire.Type.IsMarket,
            TriggerPx = v.TriggerPx,
            IsTakeProfit = wire.Type.IsTakeProfit,
            Cloid = wire.Cloid,
            Timestamp = nowMs,
            Role = role,
            ParentOid = parentOid,
            Active = active,
            Changes = state.Changes,
        };
        order.SetStatus(OrderStatusNames.Open, nowMs);
        state.Orders[order.Oid] = order;
        account.History.Add(order);
        if (order.Cloid is not null && !(account.ByCloid.TryGetValue(order.Cloid, out var live) && live.IsOpen))
        {
            account.ByCloid[order.Cloid] = order;
        }

        return order;
    }

    private static decimal AveragePrice(Account account, int fillsBefore)
    {
        decimal size = 0, notional = 0;
        for (var i = fillsBefore; i < account.Fills.Count; i++)
        {
            size += account.Fills[i].Sz;
            notional += account.Fills[i].Sz * account.Fills[i].Px;
        }

        return size == 0 ? 0 : PriceMath.Normalize(decimal.Round(notional / size, 8));
    }
}
