using System.Globalization;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.PaperExchange.Data;
using Halyard.PaperExchange.Market;

namespace Halyard.Cycle.Shadow;

/// <summary>Where the shadow venues of a run live and how they reach the live prices.</summary>
/// <param name="Live">The live venue's reads (market data only is used).</param>
/// <param name="Clock">The traders' clock.</param>
/// <param name="Folder">Where each shadow account's <c>/exchange</c> log goes (<c>shadow-ID.exchange.jsonl</c>); null: none.</param>
/// <param name="Fees">The live venue's taker and maker bps.</param>
/// <param name="BudgetMode">Wait for the weight budget (live) or fail at once (replays).</param>
/// <param name="Journal">A live run's journal: a shadow trader it already holds resumes its paper equity from it; null: none.</param>
public sealed record ShadowVenuesOptions(
    IVenueReader Live,
    TimeProvider Clock,
    string? Folder,
    (decimal Taker, decimal Maker) Fees,
    WeightBudgetMode BudgetMode = WeightBudgetMode.Wait,
    Journal.IJournal? Journal = null);

/// <summary>
/// The shadow traders' venues of one run (<c>traders[].shadow: true</c>), and the price feed they share: each
/// <see cref="PollAsync"/> reads the live venue's <c>allMids</c> (and, at most once a minute, its asset contexts for
/// funding and volume), records them in the feed and steps every shadow engine to now, so marks move, stops and
/// targets trigger and funding accrues on the live prices. <see cref="RunAsync"/> polls every
/// <c>execution.shadow_price_poll</c> on a live run; a replay polls between its cycles.
/// </summary>
public sealed class ShadowVenues : IDisposable
{
    public const string AuditPrefix = "shadow-";
    public const string AuditSuffix = ".exchange.jsonl";

    private static readonly TimeSpan ContextEvery = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyDictionary<string, ShadowVenue> _venues;
    private readonly IVenueReader _live;
    private readonly TimeProvider _clock;
    private DateTimeOffset _contextsAt = DateTimeOffset.MinValue;
    private long _polls;
    private long _failedPolls;

    private ShadowVenues(IReadOnlyDictionary<string, ShadowVenue> venues, LivePriceFeed? feed, IVenueReader live, TimeProvider clock)
    {
        _venues = venues;
        Feed = feed;
        _live = live;
        _clock = clock;
    }

    /// <summary>The shared feed; null when the run has no shadow trader.</summary>
    public LivePriceFeed? Feed { get; }

    public IReadOnlyCollection<ShadowVenue> Venues => [.. _venues.Values];

    public bool IsEmpty => _venues.Count == 0;

    /// <summary>Price polls made, and those that failed (the marks then stay where they were).</summary>
    public (long Polls, long Failed) PollCounts => (Interlocked.Read(ref _polls), Interlocked.Read(ref _failedPolls));

    /// <summary>The audit log file of a shadow trader in <paramref name="folder"/>.</summary>
    public static string AuditPath(string folder, string traderId) => Path.Combine(folder, AuditPrefix + traderId + AuditSuffix);

    /// <summary>The venue of <paramref name="traderId"/>, or null when it is not a shadow trader.</summary>
    public ShadowVenue? For(string traderId) => _venues.GetValueOrDefault(traderId);

    /// <summary>
    /// One paper account per shadow trader of <paramref name="config"/>, on the live venue's universe and prices (read
    /// now, before the first cycle), funded with <c>shadow_equity</c> or else the live account's equity now.
    /// </summary>
    public static async Task<Result<ShadowVenues>> CreateAsync(HalyardConfig config, ShadowVenuesOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        var shadows = config.Traders.Where(t => t.Shadow).ToArray();
        if (shadows.Length == 0)
        {
            return new ShadowVenues(new Dictionary<string, ShadowVenue>(), null, options.Live, options.Clock);
        }

        var universe = await options.Live.GetUniverseAsync(ct).ConfigureAwait(false);
        if (!universe.IsSuccess)
        {
            return universe.Error with { Message = "shadow traders: the live venue's metaAndAssetCtxs: " + universe.Error.Message };
        }

        var resumed = shadows.ToDictionary(t => t.Id, t => options.Journal is { } j ? ResumeEquity(j, t) : null, StringComparer.Ordinal);
        decimal? liveEquity = null;
        if (shadows.Any(t => t.ShadowEquity is null && resumed[t.Id] is null))
        {
            var account = await options.Live.GetAccountAsync(ct).ConfigureAwait(false);
            if (!account.IsSuccess)
            {
                return account.Error with { Message = "shadow traders: the live account (the default shadow_equity): " + account.Error.Message };
            }

            liveEquity = account.Value.AccountValue;
        }

        var feed = new LivePriceFeed(SnapshotOf(universe.Value));
        var venues = new Dictionary<string, ShadowVenue>(StringComparer.Ordinal);
        foreach (var trader in shadows)
        {
            var equity = resumed[trader.Id] ?? trader.ShadowEquity ?? liveEquity ?? 0m;
            if (equity <= 0m)
            {
                foreach (var made in venues.Values)
                {
                    made.Dispose();
                }

                return Error.Invalid($"traders[{trader.Id}].shadow_equity: the live account's equity is {equity.ToString(CultureInfo.InvariantCulture)}; set shadow_equity to fund the shadow account");
            }

            venues[trader.Id] = ShadowVenue.Create(
                new ShadowVenueOptions(trader.Id, equity, options.Clock, options.Fees, options.Folder is { } f ? AuditPath(f, trader.Id) : null, config.Execution.ExpiresAfter, options.BudgetMode),
                feed);
        }

        var result = new ShadowVenues(venues, feed, options.Live, options.Clock);
        result.RecordContexts(universe.Value, options.Clock.GetUtcNow());
        await result.PollAsync(ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// After a restart: the paper account's equity at the trader's last journaled cycle (its journaled share ÷ its
    /// allocation), so the comparison goes on from where it was (the paper account itself lived in the process: its
    /// open positions are gone, settled at their last journaled value). Null when the journal holds none.
    /// </summary>
    public static decimal? ResumeEquity(Journal.IJournal journal, TraderConfig trader)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(trader);
        var last = journal.ReadLast(trader.Id, 50).LastOrDefault(r => r.AccountSnapshot is { AccountValue: > 0m });
        return last?.AccountSnapshot is { } account ? decimal.Round(account.AccountValue * 100m / trader.AllocationPct, 6) : null;
    }

    /// <summary>Reads the live prices once, records them and steps every shadow engine to now; false when the read failed.</summary>
    public async Task<bool> PollAsync(CancellationToken ct)
    {
        if (Feed is null)
        {
            return true;
        }

        Interlocked.Increment(ref _polls);
        var now = _clock.GetUtcNow();
        var ok = true;
        if (now - _contextsAt >= ContextEvery)
        {
            var universe = await _live.GetUniverseAsync(ct).ConfigureAwait(false);
            if (universe.IsSuccess)
            {
                RecordContexts(universe.Value, now);
            }

            ok &= universe.IsSuccess;
        }

        var mids = await _live.GetMidsAsync(ct).ConfigureAwait(false);
        if (mids.IsSuccess)
        {
            // Stamped when the answer came: the engine may have moved on meanwhile, and a price is never put in its past.
            Feed.RecordPrices(_clock.GetUtcNow(), mids.Value);
        }

        ok &= mids.IsSuccess;
        if (!ok)
        {
            Interlocked.Increment(ref _failedPolls);
        }

        foreach (var venue in _venues.Values)
        {
            venue.Engine.Synchronize();
        }

        return ok;
    }

    /// <summary>
    /// The live run's pump: a poll every <paramref name="every"/> on the traders' clock until stopped. When the live
    /// prices cannot be read (and when they can again) <paramref name="warn"/> hears it once.
    /// </summary>
    public async Task RunAsync(TimeSpan every, Action<string>? warn, CancellationToken ct)
    {
        if (Feed is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(every, _clock);
        try
        {
            var failing = false;
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                var ok = await PollAsync(ct).ConfigureAwait(false);
                if (ok == failing)
                {
                    failing = !ok;
                    warn?.Invoke(ok
                        ? "shadow traders: the live prices are read again"
                        : "shadow traders: the live prices could not be read; their paper marks stay where they are until the next read");
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        foreach (var venue in _venues.Values)
        {
            venue.Dispose();
        }
    }

    private void RecordContexts(PerpUniverse universe, DateTimeOffset at)
    {
        _contextsAt = at;
        Feed!.RecordContexts(at, universe.Contexts.Select(c => new LiveAssetContext(
            c.Coin, c.Funding, c.DayNotionalVolume, c.LivePrice > 0 ? c.DayNotionalVolume / c.LivePrice : 0m)));

        // Coins with no mid in allMids (no book) still have a mark: record it so they stay priced.
        Feed.RecordPrices(at, universe.Contexts.Where(c => c.MidPrice is null && c.MarkPrice > 0).ToDictionary(c => c.Coin, c => c.MarkPrice, StringComparer.Ordinal));
    }

    /// <summary>The live universe as the paper exchange's snapshot (asset id = index, as on the venue).</summary>
    private static VenueSnapshot SnapshotOf(PerpUniverse universe) => VenueSnapshot.Of([.. universe.Instruments.OrderBy(i => i.AssetId).Select(i =>
    {
        var context = universe.Context(i.Name);
        return new UniverseAsset(
            i.AssetId, i.Name, i.SzDecimals, i.MaxLeverage, null, i.OnlyIsolated, i.IsDelisted,
            context?.MarkPrice ?? 0m, context?.OpenInterest ?? 0m, context?.DayNotionalVolume ?? 0m);
    })]);
}
