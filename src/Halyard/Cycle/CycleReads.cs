using System.Globalization;
using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.MarketData;

namespace Halyard.Cycle;

/// <summary>The cycle's market view: the coins offered to the model and their snapshots.</summary>
/// <param name="Problem">Coins whose candles could not be refreshed (they get no snapshot), if any.</param>
public sealed record MarketRead(IReadOnlyList<string> Candidates, IReadOnlyDictionary<string, MarketSnapshot> Snapshots, string? Problem);

/// <summary>One trader's last venue view and the instruments it was built from (cycles of one trader run one at a time).</summary>
internal sealed class LastVenueView
{
    public (IReadOnlyList<InstrumentRules> Source, VenueView View)? Value { get; set; }
}

/// <summary>Steps 1–3 of the cycle: what is read from the venue.</summary>
internal static class CycleReads
{
    /// <summary>
    /// Account and positions, resting orders, and one <c>metaAndAssetCtxs</c>; the first failure ends the cycle.
    /// <paramref name="last"/> holds the last view and the instruments it was built from (its rules by coin are
    /// reused while the reader hands the same instruments); it is updated on success.
    /// </summary>
    public static async Task<Result<VenueView>> ReadVenueAsync(IVenueReader reader, LastVenueView last, CancellationToken ct)
    {
        var account = await reader.GetAccountAsync(ct).ConfigureAwait(false);
        if (!account.IsSuccess)
        {
            return Describe("clearinghouseState", account.Error);
        }

        var orders = await reader.GetOpenOrdersAsync(ct).ConfigureAwait(false);
        if (!orders.IsSuccess)
        {
            return Describe("frontendOpenOrders", orders.Error);
        }

        var universe = await reader.GetUniverseAsync(ct).ConfigureAwait(false);
        if (!universe.IsSuccess)
        {
            return Describe("metaAndAssetCtxs", universe.Error);
        }

        var view = VenueView.From(account.Value, orders.Value, universe.Value, last.Value);
        last.Value = (universe.Value.Instruments, view);
        return view;
    }

    /// <summary>
    /// Ranks the coins this trader may trade (not held by another trader, not an external position) and
    /// refreshes their candles; the trader's own positions are always included.
    /// </summary>
    public static async Task<MarketRead> ReadMarketAsync(TraderServices s, VenueView venue, AccountSnapshot account, TraderSetup setup, CancellationToken ct)
    {
        var excluded = Excluded(s.Ownership.Owners(), venue.Account.Positions, setup.TraderId);
        var contexts = new List<AssetContext>(venue.Assets.Count);
        foreach (var context in venue.Assets.Values)
        {
            if (excluded.Length == 0 || Array.IndexOf(excluded, context.Coin) < 0)
            {
                contexts.Add(context);
            }
        }

        var held = new string[account.Positions.Count];
        for (var i = 0; i < held.Length; i++)
        {
            held[i] = account.Positions[i].Coin;
        }

        var selection = s.Selector.Select(contexts, venue.Instruments, held);
        var batch = await s.Feed.RefreshAsync(VenueView.ContextsOf(selection.Candidates), ct).ConfigureAwait(false);
        var snapshots = new Dictionary<string, MarketSnapshot>(batch.Snapshots.Count, StringComparer.Ordinal);
        foreach (var snapshot in batch.Snapshots)
        {
            snapshots[snapshot.Coin] = snapshot;
        }

        var problem = batch.Failures.Count == 0
            ? null
            : "market data: " + string.Join(", ", batch.Failures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Coin} {f.Interval.Name} ({f.Error.Class}: {f.Error.Message})")));
        return new MarketRead(selection.Coins, snapshots, problem);
    }

    /// <summary>
    /// The coins this trader may not trade: owned by another trader, or an account position nobody owns (an external
    /// one). A coin the trader owns is never excluded. Usually none or a few, so the pass over the universe only
    /// compares names with them.
    /// </summary>
    private static string[] Excluded(IReadOnlyDictionary<string, string> owners, IReadOnlyList<Position> positions, string traderId)
    {
        var excluded = new List<string>();
        foreach (var (coin, owner) in owners)
        {
            if (owner != traderId)
            {
                excluded.Add(coin);
            }
        }

        for (var i = 0; i < positions.Count; i++)
        {
            var coin = positions[i].Coin;
            if (positions[i].Size != 0 && !owners.ContainsKey(coin) && !excluded.Contains(coin, StringComparer.Ordinal))
            {
                excluded.Add(coin);
            }
        }

        return [.. excluded];
    }

    /// <summary>The read's error, its message naming the endpoint (the cycle journals it as its error message).</summary>
    private static Error Describe(string what, Error error) =>
        error with { Message = string.Create(CultureInfo.InvariantCulture, $"{what} failed ({error.Class}): {error.Message}") };
}
