using System.Text.Json;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.PaperExchange.Protocol;

namespace Halyard.PaperExchange.Engine;

/// <summary>One order's status change as pushed: its <c>WsOrder</c> JSON, and its wire record when a typed session listens.</summary>
internal sealed record OrderChange(byte[] Json, OrderStatusEntryWire? Typed);

/// <summary>
/// The engine's one hook for the <c>/ws</c> push: every order status change, captured the moment it happens
/// (as the <c>WsOrder</c> JSON of that moment, since the order keeps changing, and as its wire record too while a
/// typed session listens), until the stream hub takes them. Fills and funding need no hook: they are append-only
/// per account and the hub reads what is new. Records nothing while no socket listens, so a replay without
/// WebSocket pays nothing.
/// </summary>
internal sealed class VenueChanges
{
    private readonly List<(string User, long Oid, OrderChange Change)> _orders = [];

    /// <summary>True while at least one socket session is connected.</summary>
    public bool Enabled { get; set; }

    /// <summary>True while at least one typed session is connected (the changes are captured as wire records too).</summary>
    public bool Typed { get; set; }

    public void OrderChanged(OrderState order)
    {
        if (!Enabled)
        {
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AccountInfoWriter.OrderWithStatus(writer, order);
        }

        _orders.Add((order.User, order.Oid, new OrderChange(buffer.WrittenSpan.ToArray(), Typed ? TypedInfoAnswers.OrderWithStatus(order) : null)));
    }

    /// <summary>The changes since the last call, per user, oldest first; a second change of one order in the same batch replaces the first.</summary>
    public IReadOnlyDictionary<string, List<OrderChange>> Take()
    {
        if (_orders.Count == 0)
        {
            return Empty;
        }

        var byUser = new Dictionary<string, List<OrderChange>>(StringComparer.Ordinal);
        var latest = new Dictionary<long, int>();
        for (var i = 0; i < _orders.Count; i++)
        {
            latest[_orders[i].Oid] = i;
        }

        for (var i = 0; i < _orders.Count; i++)
        {
            var (user, oid, change) = _orders[i];
            if (latest[oid] != i)
            {
                continue;
            }

            if (!byUser.TryGetValue(user, out var list))
            {
                byUser[user] = list = [];
            }

            list.Add(change);
        }

        _orders.Clear();
        return byUser;
    }

    private static readonly IReadOnlyDictionary<string, List<OrderChange>> Empty = new Dictionary<string, List<OrderChange>>();
}
