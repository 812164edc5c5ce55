using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Scheduling;
using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid.WebSocket;
using Halyard.Journal;

namespace Halyard.Cycle.Live;

/// <summary>What a live run needs besides the configuration.</summary>
public sealed record LiveRequest
{
    public required HalyardConfig Config { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Called once connected, with where orders go (for the console).</summary>
    public Action<string>? Connected { get; init; }

    /// <summary>Called after each journaled cycle of any trader.</summary>
    public Action<DecisionCycleRecord>? CycleCompleted { get; init; }

    /// <summary>
    /// Called once the traders are built, before their loops start (the control API and dashboard attach here);
    /// what it returns is disposed when the run stops, after every loop has ended.
    /// </summary>
    public Func<LiveSession, CancellationToken, Task<IAsyncDisposable?>>? Attach { get; init; }

    /// <summary>Where the diagnostic logs go (none by default).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory Loggers { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    /// <summary>
    /// Cancelled to force the stop (a second Ctrl-C, or the grace spent): the intents in hand and the last
    /// protection pass are abandoned and <see cref="LiveResult.Unfinished"/> says what was left. The run's own
    /// token only stops the deciding.
    /// </summary>
    public CancellationToken Force { get; init; }

    /// <summary>Called with what an operator must see at once (stderr): a trader's loop that faulted, a ledger that cannot be written or is written again.</summary>
    public Action<string>? Warning { get; init; }
}

/// <summary>A running live session, for the operator's tools (status, pause, flatten, dashboard).</summary>
public sealed record LiveSession(
    HalyardConfig Config,
    string JournalFolder,
    Manager Manager,
    VenueConnection Venue,
    PositionOwnership Ownership,
    TimeProvider Clock,
    string VenueDescription,
    Shadow.ShadowVenues? Shadows = null);

/// <summary>What a finished (stopped) live run leaves.</summary>
/// <param name="Stopped">One line per trader from its last pass (positions protected or flattened).</param>
/// <param name="Unfinished">What a forced stop left unfinished (empty after a clean stop).</param>
public sealed record LiveResult(string JournalFolder, long Cycles, IReadOnlyList<string> Stopped, IReadOnlyList<string> Unfinished)
{
    public bool Forced => Unfinished.Count > 0;
}

/// <summary>
/// <c>halyard run</c>: the Manager's loops on the wall clock until stopped (Ctrl-C cancels every loop; the
/// journal and the ledgers are closed cleanly). The journal (<c>journal.dir</c>) is durable: each record is
/// fsynced; each trader's intent ledger sits next to it (<c>ledger-ID.jsonl</c>); a restart resumes the
/// cycle numbering, the analytics window and the positions from them.
/// </summary>
public static class LiveRunner
{
    public static async Task<Result<LiveResult>> RunAsync(LiveRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = request.Config;
        var folder = Path.GetFullPath(config.Journal.Dir);
        if (config.Exchange.Provider == ExchangeProvider.Paper && config.Exchange.BaseUrl is null
            && File.Exists(Path.Combine(folder, CompositeJournal.JsonlFileName)))
        {
            return Error.Invalid($"journal.dir {folder} already holds a run; the embedded paper exchange starts a new account at the start of its window each time, so it cannot resume it: remove the folder or choose another journal.dir");
        }

        Directory.CreateDirectory(folder);
        var connected = await LiveVenue.ConnectAsync(config, folder, request.Environment, cancellationToken).ConfigureAwait(false);
        if (!connected.IsSuccess)
        {
            return connected.Error;
        }

        var venue = connected.Value;

        using (venue)
        {
            // One process per account, one account per journal folder (the embedded paper exchange is a private
            // account of this process: nothing to claim).
            AccountClaim? claim = null;
            if (config.Exchange.Provider != ExchangeProvider.Paper || config.Exchange.BaseUrl is not null)
            {
                var identity = venue.Connection.Identity;
                var network = ClaimNetwork(config);
                var acquired = AccountClaim.Acquire(folder, network, (identity.VaultAddress ?? identity.Account).Value);
                if (!acquired.IsSuccess)
                {
                    return acquired.Error;
                }

                claim = acquired.Value;
            }

            using var claimed = claim;
            var options = new JournalOptions(FsyncEachRecord: true, KeepFullPrompt: config.Journal.FullPrompt);
            using IJournal journal = config.Journal.Sqlite
                ? CompositeJournal.OpenRunFolder(folder, options)
                : JsonlJournal.Open(Path.Combine(folder, CompositeJournal.JsonlFileName), options);
            var ledgers = config.Traders.ToDictionary(
                t => t.Id,
                t => JsonlIntentLedger.Open(Path.Combine(folder, "ledger-" + t.Id + ".jsonl")),
                StringComparer.Ordinal);
            try
            {
                var fees = config.Exchange.Provider == ExchangeProvider.Paper
                    ? (config.PaperExchange.Fees.TakerBps, config.PaperExchange.Fees.MakerBps)
                    : (VenueFees.TakerBps, VenueFees.MakerBps);
                var ownership = new PositionOwnership();
                await using var live = await StartLiveStateAsync(config, venue, request, cancellationToken).ConfigureAwait(false);

                // Shadow traders trade their own in-process paper accounts on the live prices (read by their own pump:
                // the pushed allMids with features.websocket, else polled).
                var madeShadows = await Shadow.ShadowVenues.CreateAsync(config, new Shadow.ShadowVenuesOptions((Venue.IVenueReader?)live?.Reader ?? venue.Connection.Reader, venue.Clock, folder, fees, Journal: journal), cancellationToken).ConfigureAwait(false);
                if (!madeShadows.IsSuccess)
                {
                    return madeShadows.Error;
                }

                using var shadows = madeShadows.Value;
                using var pumpStop = new CancellationTokenSource();
                var pump = shadows.RunAsync(config.Execution.ShadowPricePoll, request.Warning, pumpStop.Token);
                var runtime = new TraderRuntime
                {
                    Venue = venue.Connection,
                    LiveState = live?.Reader,
                    Ledger = id => ledgers[id],
                    OrchestratorTime = venue.Clock,
                    Journal = journal,
                    Clock = venue.Clock,
                    Wall = venue.Clock,
                    Environment = request.Environment,
                    Fees = fees,
                    Ownership = ownership,
                    Loggers = request.Loggers,
                    CloidScope = claim?.Venue.CloidScope,
                    Force = request.Force,
                    Shadows = shadows,
                };
                var created = TraderFactory.Create(config, runtime);
                if (!created.IsSuccess)
                {
                    await pumpStop.CancelAsync().ConfigureAwait(false);
                    await pump.ConfigureAwait(false);
                    return created.Error;
                }

                var traders = created.Value;

                live?.Attach(traders);
                request.Connected?.Invoke(venue.Description);
                long cycles = 0;
                var manager = new Manager(traders, new WallClockScheduler(venue.Clock, venue.End))
                {
                    CycleCompleted = record =>
                    {
                        Interlocked.Increment(ref cycles);
                        foreach (var ledger in record.Actions.Where(a => OrderEventNames.ActionOf(a.Action) == Execution.OrderEventAction.Ledger || a.Action == ActionNames.Journal))
                        {
                            request.Warning?.Invoke($"{record.TraderId}: {ledger.ErrorDetail}");
                        }

                        request.CycleCompleted?.Invoke(record);
                    },
                    TraderFaulted = (id, ex) => request.Warning?.Invoke($"trader {id} stopped by an internal error ({ex.GetType().Name}: {ex.Message}); the other traders go on; the run will exit non-zero"),
                };
                var log = request.Loggers.CreateLogger("Halyard.Cycle.Live");
                CycleLog.LiveStarted(log, venue.Description, traders.Count, folder);
                using var stopping = cancellationToken.Register(() => CycleLog.LiveStopping(log));
                var attached = request.Attach is { } attach
                    ? await attach(new LiveSession(config, folder, manager, venue.Connection, ownership, venue.Clock, venue.Description, shadows), cancellationToken).ConfigureAwait(false)
                    : null;
                IReadOnlyList<string> stopped;
                try
                {
                    // Stopping (the run's token) ends the deciding; every loop finishes its intent in hand. Then the
                    // last pass leaves every position with a live stop, or flat (execution.on_stop).
                    await manager.RunAsync(venue.Clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    stopped = await manager.FinishAsync(config.Execution.OnStop, request.Force).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (request.Force.IsCancellationRequested)
                {
                    var left = manager.Unfinished();
                    return new LiveResult(folder, Interlocked.Read(ref cycles), [], left.Count > 0 ? left : ["the last protection pass"]);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return new Error(ErrorClass.Unknown, $"a trader's loop faulted after {Interlocked.Read(ref cycles)} cycle(s): {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    if (attached is not null)
                    {
                        await attached.DisposeAsync().ConfigureAwait(false);
                    }

                    await pumpStop.CancelAsync().ConfigureAwait(false);
                    await pump.ConfigureAwait(false);
                }

                CycleLog.LiveStopped(log, Interlocked.Read(ref cycles));
                return new LiveResult(folder, Interlocked.Read(ref cycles), stopped, []);
            }
            finally
            {
                foreach (var ledger in ledgers.Values)
                {
                    ledger.Dispose();
                }
            }
        }
    }

    /// <summary>
    /// The network part of the run's account claim: the venue (<c>paper@URL</c>, <c>testnet</c>, <c>mainnet</c>); with
    /// only shadow traders, <c>shadow@</c> + the venue. Such a run never writes to the account (each shadow trader
    /// trades its own paper account), so it does not hold the live account's one-process lock: it can run beside
    /// the live process of the same account, and its journal folder is a shadow run's (refused to a live run).
    /// </summary>
    internal static string ClaimNetwork(HalyardConfig config)
    {
        var venue = config.Exchange.Provider == ExchangeProvider.Paper ? "paper@" + config.Exchange.BaseUrl : Names.Of(config.Exchange.Provider);
        return config.Traders.Count > 0 && config.Traders.All(t => t.Shadow) ? "shadow@" + venue : venue;
    }

    /// <summary>
    /// <c>features.websocket</c>: the account's shadow state on the venue's <c>/ws</c> (heartbeat every 30 s, reconnect
    /// with backoff). When the socket does not come up the run goes on polling, with a warning.
    /// </summary>
    private static async Task<LiveStateSession?> StartLiveStateAsync(HalyardConfig config, LiveVenue venue, LiveRequest request, CancellationToken ct)
    {
        if (!config.Features.WebSocket)
        {
            return null;
        }

        var options = new LiveStateSessionOptions(venue.Socket, new HyperliquidSocketOptions { Time = TimeProvider.System }, config.Features.WebSocketCrossCheck);
        var session = await LiveStateSession.StartAsync(venue.Connection, options, venue.Clock, ct).ConfigureAwait(false);
        if (!session.IsSuccess)
        {
            request.Warning?.Invoke("features.websocket: " + session.Error.Message + "; the account is polled each cycle instead");
            return null;
        }

        return session.Value;
    }
}
