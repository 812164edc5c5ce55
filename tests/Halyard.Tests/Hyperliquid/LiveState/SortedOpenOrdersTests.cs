using Halyard.Domain;
using Halyard.Hyperliquid.LiveState;

namespace Halyard.Tests.Hyperliquid.LiveState;

/// <summary>The open orders sorted once per set of orders are the view's own list, and a new set is sorted again.</summary>
public sealed class SortedOpenOrdersTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_TheSameOrdersTwice_TheViewsOrderAndTheSameList()
    {
        var view = View(Order(1, At), Order(2, At.AddSeconds(5)), Order(3, At));
        var sorted = new SortedOpenOrders();

        var first = sorted.Of(view);
        var again = sorted.Of(view with { IsSynced = false });

        Assert.Equal(view.OpenOrders, first);
        Assert.Equal([2L, 3L, 1L], first.Select(o => o.Oid));
        Assert.Same(first, again);
    }

    [Fact]
    public void Of_ChangedOrders_SortsTheNewOnes()
    {
        var view = View(Order(1, At));
        var sorted = new SortedOpenOrders();
        var first = sorted.Of(view);

        var changed = view with { Orders = new Dictionary<long, OpenOrder>(view.Orders) { [4] = Order(4, At.AddSeconds(1)) } };
        var next = sorted.Of(changed);

        Assert.Equal(changed.OpenOrders, next);
        Assert.Equal([4L, 1L], next.Select(o => o.Oid));
        Assert.Equal([1L], first.Select(o => o.Oid));
    }

    private static ShadowView View(params OpenOrder[] orders) =>
        ShadowView.Empty with { Orders = orders.ToDictionary(o => o.Oid), IsSynced = true };

    private static OpenOrder Order(long oid, DateTimeOffset placed) =>
        new("BTC", OrderSide.Sell, 1m, 1m, oid, null, true, true, 1m, "Stop Market", placed);
}
