using System.Globalization;
using Halyard.Domain;

namespace Halyard.Execution;

/// <summary>
/// Client order ids derived deterministically from the intent (<see cref="Cloid.Derive"/>): the same intent
/// always yields the same ids, so a restarted or repeated intent finds its own orders on the venue.
/// <list type="bullet">
/// <item>entry: trader, cycle, symbol, side, size bucket (<see cref="OrderSize.Bucket"/>);</item>
/// <item>the entry's follow-ups (remainder, stop-loss/take-profit of generation g, flatten round r): the entry cloid, the role and the number;</item>
/// <item>close round r: trader, cycle, symbol, side, r;</item>
/// <item>live runs put the journal folder's scope first (<c>v2</c>): a wiped journal never reuses a cloid.</item>
/// </list>
/// </summary>
public static class IntentCloids
{
    /// <param name="scope">The journal folder's cloid scope (random, persisted with the journal): a wiped journal gets a
    /// new one, so its restarted cycle numbers never reuse a cloid on the same account. Null: unscoped (replays).</param>
    public static Cloid Entry(OpenIntent intent, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return scope is null
            ? Cloid.Derive("halyard.entry.v1", intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), intent.Size.Bucket())
            : Cloid.Derive("halyard.entry.v2", scope, intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), intent.Size.Bucket());
    }

    public static Cloid Close(CloseIntent intent, int round, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return scope is null
            ? Cloid.Derive("halyard.close.v1", intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), Number(round))
            : Cloid.Derive("halyard.close.v2", scope, intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), Number(round));
    }

    /// <summary>The reduce-only order of a partial close (the fraction in basis points is part of the intent).</summary>
    public static Cloid Reduce(CloseIntent intent, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var bps = Number((long)decimal.Round((intent.Fraction ?? 1m) * 10_000m));
        return scope is null
            ? Cloid.Derive("halyard.reduce.v1", intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), bps)
            : Cloid.Derive("halyard.reduce.v2", scope, intent.TraderId, Number(intent.Cycle), intent.Symbol, SideText(intent.Side), bps);
    }

    /// <summary>A follow-up order of an entry: <paramref name="role"/> is e.g. <c>rest</c>, <c>sl</c>, <c>tp</c>, <c>flatten</c>.</summary>
    public static Cloid Child(string entryCloid, string role, int number)
    {
        ArgumentException.ThrowIfNullOrEmpty(entryCloid);
        ArgumentException.ThrowIfNullOrEmpty(role);
        return Cloid.Derive("halyard.child.v1", entryCloid, role, Number(number));
    }

    /// <summary>The ledger key of an adopted external position (first seen at <paramref name="seenAt"/>).</summary>
    public static Cloid Adopted(string traderId, string symbol, PositionSide side, DateTimeOffset seenAt) =>
        Cloid.Derive("halyard.adopt.v1", traderId, symbol, SideText(side), Number(seenAt.ToUnixTimeMilliseconds()));

    private static string SideText(PositionSide side) => side == PositionSide.Long ? "long" : "short";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
