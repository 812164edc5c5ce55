using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary><c>cancel</c>, <c>cancelByCloid</c>, <c>modify</c> and <c>batchModify</c>.</summary>
internal sealed class OrderCommands(VenueState state, Matching matching, OrderEntry entry)
{
    public CancelStatusesResult Cancel(Account account, ReceivedCancelAction action, long nowMs)
    {
        var errors = new List<string?>(action.Cancels.Count);
        foreach (var (asset, oid) in action.Cancels)
        {
            var order = state.Orders.GetValueOrDefault(oid);
            errors.Add(CancelOne(account, order, asset, nowMs));
        }

        return new CancelStatusesResult(errors);
    }

    public CancelStatusesResult CancelByCloid(Account account, ReceivedCancelByCloidAction action, long nowMs)
    {
        var errors = new List<string?>(action.Cancels.Count);
        foreach (var (asset, cloid) in action.Cancels)
        {
            errors.Add(CancelOne(account, account.ByCloid.GetValueOrDefault(cloid), asset, nowMs));
        }

        return new CancelStatusesResult(errors);
    }

    /// <summary><c>modify</c>: answers <c>default</c>, or a whole-request error.</summary>
    public ExchangeResult Modify(Account account, ReceivedModifyAction action, long nowMs) =>
        ModifyOne(account, action, nowMs) is ErrorStatus error ? new ErrResult(error.Error) : DefaultResult.Instance;

    /// <summary><c>batchModify</c>: one order status per modify, as <c>type:"order"</c>.</summary>
    public OrderStatusesResult BatchModify(Account account, ReceivedBatchModifyAction action, long nowMs)
    {
        var statuses = new List<OrderStatusEntry>(action.Modifies.Count);
        foreach (var modify in action.Modifies)
        {
            statuses.Add(ModifyOne(account, modify, nowMs));
        }

        return new OrderStatusesResult(statuses);
    }

    /// <summary>Modify = cancel the target and place the new order, atomically: a rejected new order leaves the target untouched.</summary>
    private OrderStatusEntry ModifyOne(Account account, ReceivedModifyAction modify, long nowMs)
    {
        var target = modify.Target.Oid is { } oid
            ? state.Orders.GetValueOrDefault(oid)
            : account.ByCloid.GetValueOrDefault(modify.Target.Cloid!);
        if (target is null || target.User != account.Address)
        {
            return new ErrorStatus(VenueTexts.MissingOrder);
        }

        if (!target.IsOpen)
        {
            return new ErrorStatus(VenueTexts.CannotModify);
        }

        return entry.PlaceSingle(account, modify.Order, nowMs, target);
    }

    private string? CancelOne(Account account, OrderState? order, int asset, long nowMs)
    {
        if (order is null || order.User != account.Address || order.Asset != asset || !order.IsOpen)
        {
            return VenueTexts.WithAsset(VenueTexts.MissingOrder, asset);
        }

        matching.Close(account, order, OrderStatusNames.Canceled, nowMs);
        return null;
    }
}
