using System.Globalization;
using Halyard.Domain;

namespace Halyard.Hyperliquid.LiveState;

/// <summary>Where the pushed state and the polled state differ: resting orders by oid and size, positions by coin and size.</summary>
public static class ShadowComparison
{
    public static IReadOnlyList<ShadowDifference> Compare(ShadowView shadow, AccountSnapshot polledAccount, IReadOnlyList<OpenOrder> polledOrders)
    {
        ArgumentNullException.ThrowIfNull(shadow);
        ArgumentNullException.ThrowIfNull(polledAccount);
        ArgumentNullException.ThrowIfNull(polledOrders);
        var differences = new List<ShadowDifference>();
        var polled = polledOrders.ToDictionary(o => o.Oid);
        foreach (var (oid, order) in polled)
        {
            if (!shadow.Orders.TryGetValue(oid, out var mine))
            {
                differences.Add(new ShadowDifference("order_missing", order.Coin, Text($"oid {oid} rests on the venue but not in the shadow")));
            }
            else if (mine.Size != order.Size)
            {
                differences.Add(new ShadowDifference("order_size", order.Coin, Text($"oid {oid}: shadow {mine.Size}, venue {order.Size}")));
            }
        }

        foreach (var (oid, order) in shadow.Orders)
        {
            if (!polled.ContainsKey(oid))
            {
                differences.Add(new ShadowDifference("order_extra", order.Coin, Text($"oid {oid} is in the shadow but no longer rests on the venue")));
            }
        }

        var coins = polledAccount.Positions.Select(p => p.Coin).Concat(shadow.Account?.Positions.Select(p => p.Coin) ?? []).Distinct(StringComparer.Ordinal);
        foreach (var coin in coins)
        {
            var venue = polledAccount.PositionOf(coin)?.Size ?? 0m;
            var mine = shadow.Account?.PositionOf(coin)?.Size ?? 0m;
            if (venue != mine)
            {
                differences.Add(new ShadowDifference("position_size", coin, Text($"shadow {mine}, venue {venue}")));
            }
        }

        return differences;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
