using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.MarketData;

namespace Halyard.Cycle;

/// <summary>The venue as one cycle read it: the whole account, its resting orders, the rules and contexts of every coin.</summary>
public sealed record VenueView(
    AccountSnapshot Account,
    IReadOnlyList<OpenOrder> Orders,
    IReadOnlyDictionary<string, InstrumentRules> Instruments,
    IReadOnlyDictionary<string, AssetContext> Assets)
{
    /// <param name="previous">
    /// The view of the last cycle, if any: its rules by coin are reused when the universe's instruments are the same
    /// list (the readers keep the mapped <c>meta</c> while it does not change, so every cycle of a replay), and the
    /// positions of its coins while the contexts list the same coins (<see cref="ContextsByCoin"/>).
    /// </param>
    public static VenueView From(AccountSnapshot account, IReadOnlyList<OpenOrder> orders, PerpUniverse universe, (IReadOnlyList<InstrumentRules> Source, VenueView View)? previous = null)
    {
        ArgumentNullException.ThrowIfNull(universe);
        IReadOnlyDictionary<string, InstrumentRules> instruments;
        if (previous is { } last && ReferenceEquals(last.Source, universe.Instruments))
        {
            instruments = last.View.Instruments;
        }
        else
        {
            var byCoin = new Dictionary<string, InstrumentRules>(universe.Instruments.Count, StringComparer.Ordinal);
            foreach (var rules in universe.Instruments)
            {
                byCoin.TryAdd(rules.Name, rules);
            }

            instruments = byCoin;
        }

        var assets = ContextsByCoin.Of(universe.Contexts, previous?.View.Assets);
        return new VenueView(account, orders, instruments, assets);
    }

    /// <summary>
    /// The trader's share of the account: its own positions, their margin, and <paramref name="allocationPct"/>
    /// of the account value and withdrawable.
    /// </summary>
    public AccountSnapshot TraderAccount(Func<string, bool> owns, decimal allocationPct)
    {
        ArgumentNullException.ThrowIfNull(owns);
        var share = allocationPct / 100m;
        var positions = Account.Positions.Where(p => p.Size != 0m && owns(p.Coin)).ToArray();
        return new AccountSnapshot(
            Account.AccountValue * share,
            positions.Sum(p => p.MarginUsed),
            positions.Sum(p => p.PositionValue),
            Account.Withdrawable * share,
            positions,
            Account.Time);
    }

    /// <summary>The same view with the fresh mid prices of the pre-trade re-check (open interest and mark kept).</summary>
    public IReadOnlyDictionary<string, AssetContext> WithMids(IReadOnlyDictionary<string, decimal> mids)
    {
        ArgumentNullException.ThrowIfNull(mids);
        var fresh = new Dictionary<string, AssetContext>(Assets.Count, StringComparer.Ordinal);
        foreach (var (coin, context) in Assets)
        {
            fresh[coin] = mids.TryGetValue(coin, out var mid) ? context with { MidPrice = mid } : context;
        }

        return fresh;
    }

    internal static IReadOnlyList<AssetContext> ContextsOf(IReadOnlyList<Candidate> candidates)
    {
        var contexts = new List<AssetContext>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Context is { } context)
            {
                contexts.Add(context);
            }
        }

        return contexts;
    }
}
