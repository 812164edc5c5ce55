using System.Globalization;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.LiveState;
using Halyard.Journal;

namespace Halyard.Cycle.Venue;

/// <summary>How a <see cref="LiveStateReader"/> trusts its shadow.</summary>
/// <param name="Clock">The traders' clock (staleness and the cross-check schedule).</param>
/// <param name="CrossCheckEvery">How often the pushed state is compared with a poll (<c>features.websocket_cross_check</c>).</param>
/// <param name="MaxAge">A pushed account older than this (venue time) is stale: poll instead.</param>
/// <param name="FlushTimeout">How long a read waits for the socket to prove it is caught up (a ping round trip) before polling.</param>
/// <param name="CatchUp">
/// Lets the venue publish what happened until now before a read and returns how many messages it has pushed so far
/// (the replay's in-process paper exchange: a read then skips the ping round trip when nothing new was pushed); null
/// live, where the venue pushes by itself and every read waits for a ping round trip.
/// </param>
/// <param name="Timer">
/// Takes each catch-up (the venue publishing, the ping round trip) as time outside the process, as it does an HTTP
/// read's round trip, so the decision-to-order latency stays our own time; null: not measured.
/// </param>
public sealed record LiveStateOptions(TimeProvider Clock, TimeSpan CrossCheckEvery, TimeSpan MaxAge, TimeSpan FlushTimeout, Func<long>? CatchUp = null, VenueTimer? Timer = null);

/// <summary>What the live state did so far: reads served from the shadow, polls instead, cross-checks and resyncs.</summary>
/// <param name="PushedReads">Account, order and mid reads served from the shadow (no request).</param>
/// <param name="FallbackPolls">Reads that polled because the shadow was not usable (down, stale, resyncing).</param>
/// <param name="CrossChecks">Periodic comparisons with a poll.</param>
/// <param name="CrossChecksDisagreed">Of those, the ones that found a difference (the shadow then adopted the poll).</param>
/// <param name="Resyncs">Resyncs from HTTP (the initial snapshot, gaps, reconnects, disagreeing cross-checks).</param>
/// <param name="ResyncsWithDifferences">Of those, the ones where the shadow had something wrong.</param>
public sealed record LiveStateCounts(long PushedReads, long FallbackPolls, long CrossChecks, long CrossChecksDisagreed, long Resyncs, long ResyncsWithDifferences);

/// <summary>
/// The Manager's and the Orchestrator's reads of the account served from the WebSocket shadow state
/// (<c>features.websocket</c>): account and positions, open orders and mids come from what the venue pushed, once
/// a ping round trip proved every earlier push applied; polling stays the fallback while the shadow is not usable
/// (socket down, stale, resyncing) and the periodic cross-check; orders the venue pushed without their trigger
/// fields (its <c>WsOrder</c> is basic) make the next read poll and adopt the venue's orders once.
/// Fills, funding, the universe and candles are polled as before. Every cross-check and every resync is counted
/// and handed to the next cycle's journal record (<c>state_cross_check</c>, <c>state_resync</c>).
/// </summary>
public sealed class LiveStateReader(IVenueReader polled, AccountShadow shadow, LiveStateOptions options) : IVenueReader, IPushedState
{
    private readonly Lock _gate = new();
    private readonly SortedOpenOrders _sortedOrders = new();
    private DateTimeOffset? _lastCrossCheck;
    private int _resyncsJournaled;
    private long _pushed;
    private long _fallback;
    private long _crossChecks;
    private long _disagreed;
    private long _flushedAt = -1;

    public AccountShadow Shadow { get; } = shadow ?? throw new ArgumentNullException(nameof(shadow));

    public LiveStateCounts Counts
    {
        get
        {
            var resyncs = Shadow.Resyncs;
            return new LiveStateCounts(
                Interlocked.Read(ref _pushed),
                Interlocked.Read(ref _fallback),
                Interlocked.Read(ref _crossChecks),
                Interlocked.Read(ref _disagreed),
                resyncs.Count,
                resyncs.Count(r => r.Differences.Count > 0));
        }
    }

    public async Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken) =>
        await AccountAsync(cancellationToken).ConfigureAwait(false) is { } account
            ? Result<AccountSnapshot>.Success(account)
            : await polled.GetAccountAsync(cancellationToken).ConfigureAwait(false);

    public async Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        await OpenOrdersAsync(cancellationToken).ConfigureAwait(false) is { } orders
            ? Result<IReadOnlyList<OpenOrder>>.Success(orders)
            : await polled.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);

    public async Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken) =>
        await MidsAsync(cancellationToken).ConfigureAwait(false) is { } mids
            ? Result<IReadOnlyDictionary<string, decimal>>.Success(mids)
            : await polled.GetMidsAsync(cancellationToken).ConfigureAwait(false);

    public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken) => polled.GetUniverseAsync(cancellationToken);

    public Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        polled.GetFillsAsync(start, end, cancellationToken);

    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        polled.GetFundingAsync(start, end, cancellationToken);

    public async Task<AccountSnapshot?> AccountAsync(CancellationToken cancellationToken) =>
        Served(await UsableAsync(cancellationToken).ConfigureAwait(false))?.Account;

    public async Task<IReadOnlyList<OpenOrder>?> OpenOrdersAsync(CancellationToken cancellationToken) =>
        Served(await UsableAsync(cancellationToken).ConfigureAwait(false)) is { } view ? _sortedOrders.Of(view) : null;

    public async Task<IReadOnlyDictionary<string, decimal>?> MidsAsync(CancellationToken cancellationToken)
    {
        var view = await UsableAsync(cancellationToken).ConfigureAwait(false);
        return Served(view is { Mids.Count: > 0 } ? view : null)?.Mids;
    }

    /// <summary>
    /// At the start of a cycle: when the cross-check is due, polls and compares (a disagreement makes the shadow
    /// adopt the poll); then returns what to journal: the cross-check and every resync since the last call, each
    /// with what the shadow had wrong.
    /// </summary>
    public async Task<IReadOnlyList<ActionRecord>> CheckAsync(CancellationToken cancellationToken)
    {
        var now = options.Clock.GetUtcNow();
        bool due;
        lock (_gate)
        {
            due = _lastCrossCheck is not { } last || now - last >= options.CrossCheckEvery;
            if (due)
            {
                _lastCrossCheck = now;
            }
        }

        List<ActionRecord>? records = null;
        if (due)
        {
            await CaughtUpAsync(cancellationToken).ConfigureAwait(false);
            var differences = await Shadow.CrossCheckAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _crossChecks);
            if (differences is { Count: > 0 })
            {
                Interlocked.Increment(ref _disagreed);
            }

            (records ??= []).Add(new ActionRecord
            {
                Symbol = "*",
                Action = ActionNames.StateCrossCheck,
                Result = differences is null ? ActionNames.PollFailed : differences.Count == 0 ? ActionNames.Agreed : ActionNames.Disagreed,
                ErrorDetail = differences is { Count: > 0 } ? Describe(differences) : null,
            });
        }

        // Resyncs are only ever added: copied only when one came since the last call (most cycles none).
        if (Shadow.ResyncCount == Volatile.Read(ref _resyncsJournaled))
        {
            return records is null ? [] : records;
        }

        var resyncs = Shadow.Resyncs;
        int from;
        lock (_gate)
        {
            from = _resyncsJournaled;
            _resyncsJournaled = resyncs.Count;
        }

        for (var i = from; i < resyncs.Count; i++)
        {
            var resync = resyncs[i];
            (records ??= []).Add(new ActionRecord
            {
                Symbol = "*",
                Action = ActionNames.StateResync,
                Result = resync.Differences.Count == 0 ? ActionNames.Agreed : ActionNames.Disagreed,
                ErrorDetail = string.Create(CultureInfo.InvariantCulture, $"{resync.Reason} at {resync.At:O}") + (resync.Differences.Count == 0 ? string.Empty : ": " + Describe(resync.Differences)),
            });
        }

        return records is null ? [] : records;
    }

    private static string Describe(IReadOnlyList<ShadowDifference> differences) =>
        string.Join("; ", differences.Select(d => d.Kind + " " + d.Coin + " (" + d.Detail + ")"));

    private ShadowView? Served(ShadowView? view)
    {
        Interlocked.Increment(ref view is null ? ref _fallback : ref _pushed);
        return view;
    }

    /// <summary>
    /// True once every message the venue pushed before now has been applied (a ping round trip, skipped when the
    /// in-process venue says nothing was pushed since the last one); false when the socket is down or silent.
    /// </summary>
    public async Task<bool> CaughtUpAsync(CancellationToken cancellationToken)
    {
        if (options.Timer is not { } timer)
        {
            return await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = timer.Wall.GetTimestamp();
        try
        {
            return await CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            timer.AddOutside(started, timer.Wall.GetTimestamp());
        }
    }

    private async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (options.CatchUp is not { } catchUp)
        {
            return await FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var pushed = catchUp();
        if (pushed == Interlocked.Read(ref _flushedAt))
        {
            return true;
        }

        if (!await FlushAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Interlocked.Exchange(ref _flushedAt, pushed);
        return true;
    }

    /// <summary>The shadow's view once every earlier push is applied, or null when it is not usable now.</summary>
    private async Task<ShadowView?> UsableAsync(CancellationToken ct)
    {
        if (!await CaughtUpAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        if (Shadow.OrdersIncomplete && !await Shadow.CompleteOrdersAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        var view = Shadow.View;
        if (!view.IsSynced || view.Account is not { } account || Shadow.OrdersIncomplete)
        {
            return null;
        }

        return options.Clock.GetUtcNow() - account.Time > options.MaxAge ? null : view;
    }

    private async Task<bool> FlushAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.FlushTimeout);
        try
        {
            return await Shadow.FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
