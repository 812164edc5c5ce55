using Halyard.Domain;

namespace Halyard.Hyperliquid.LiveState;

/// <summary>
/// <see cref="ShadowView.OpenOrders"/> of the views a reader serves, sorted once per set of orders: the shadow swaps
/// its orders whole when one changes, so while a view holds the same orders as the last one (most reads) the last
/// sorted list is handed again. Thread-safe (the last list is swapped whole).
/// </summary>
public sealed class SortedOpenOrders
{
    private Sorted? _last;

    /// <summary>The open orders of <paramref name="view"/>, as <see cref="ShadowView.OpenOrders"/> lists them.</summary>
    public IReadOnlyList<OpenOrder> Of(ShadowView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Source, view.Orders))
        {
            return last.Orders;
        }

        var orders = view.OpenOrders;
        Volatile.Write(ref _last, new Sorted(view.Orders, orders));
        return orders;
    }

    private sealed record Sorted(IReadOnlyDictionary<long, OpenOrder> Source, IReadOnlyList<OpenOrder> Orders);
}
