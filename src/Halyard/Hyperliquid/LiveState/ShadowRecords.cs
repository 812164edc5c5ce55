using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Hyperliquid.LiveState;

/// <summary>The account as the shadow holds it at one moment (immutable; the shadow swaps it whole).</summary>
/// <param name="Account">The last account (HTTP snapshot or pushed <c>clearinghouseState</c>).</param>
/// <param name="Orders">Resting orders by oid.</param>
/// <param name="FillsSinceSnapshot">Fills pushed since the last HTTP snapshot, oldest first.</param>
/// <param name="Mids">The last pushed mids.</param>
/// <param name="IsSynced">False from a disconnect or a detected gap until the next resync.</param>
/// <param name="SnapshotAt">The venue time of the last HTTP snapshot.</param>
public sealed record ShadowView(
    AccountSnapshot? Account,
    IReadOnlyDictionary<long, OpenOrder> Orders,
    IReadOnlyList<UserFill> FillsSinceSnapshot,
    IReadOnlyDictionary<string, decimal> Mids,
    bool IsSynced,
    DateTimeOffset SnapshotAt)
{
    public static ShadowView Empty { get; } = new(null, new Dictionary<long, OpenOrder>(), [], new Dictionary<string, decimal>(StringComparer.Ordinal), false, DateTimeOffset.MinValue);

    /// <summary>The resting orders, oldest first (as <c>frontendOpenOrders</c> would list them, reversed).</summary>
    public IReadOnlyList<OpenOrder> OpenOrders => [.. Orders.Values.OrderByDescending(o => o.Timestamp).ThenByDescending(o => o.Oid)];
}

/// <summary>One difference between the pushed (shadow) and the polled state.</summary>
/// <param name="Kind"><c>order_missing</c> (polled has it, shadow not), <c>order_extra</c>, <c>order_size</c>, <c>position_size</c>.</param>
public sealed record ShadowDifference(string Kind, string Coin, string Detail);

/// <summary>A resync from HTTP: when, why, and what the shadow had wrong until then (empty = it agreed).</summary>
public sealed record ShadowResync(DateTimeOffset At, string Reason, IReadOnlyList<ShadowDifference> Differences);

/// <summary>What the shadow tells its listeners (the reactions between cycles).</summary>
public abstract record ShadowEvent;

/// <summary>An order left the book (<paramref name="Report"/> carries the status: filled, canceled, …); <paramref name="Previous"/> is how it rested, when the shadow knew it.</summary>
public sealed record ShadowOrderClosed(OrderStatusReport Report, OpenOrder? Previous) : ShadowEvent
{
    /// <summary>A stop or take-profit trigger (it rested as a trigger, or its order type says so).</summary>
    public bool WasTrigger => Previous?.IsTrigger == true
        || Report.Order.OrderType.StartsWith("Stop", StringComparison.Ordinal)
        || Report.Order.OrderType.StartsWith("Take Profit", StringComparison.Ordinal);
}

/// <summary>A new order is resting.</summary>
public sealed record ShadowOrderOpened(OrderStatusReport Report) : ShadowEvent;

/// <summary>A fill of the account (never one already seen).</summary>
public sealed record ShadowFill(UserFill Fill) : ShadowEvent;

/// <summary>The position in <paramref name="Coin"/> changed size (from a pushed account), with the time of the push.</summary>
public sealed record ShadowPositionChanged(string Coin, decimal Before, decimal After, DateTimeOffset At) : ShadowEvent;

/// <summary>The shadow resynced from HTTP (after a gap or a reconnect).</summary>
public sealed record ShadowResynced(ShadowResync Resync) : ShadowEvent;
