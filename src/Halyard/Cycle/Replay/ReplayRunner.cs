using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Performance;
using Halyard.Cycle.Reporting;
using Halyard.Cycle.Scheduling;
using Halyard.Cycle.Shadow;
using Halyard.Decisions.Llm;
using Halyard.Domain;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.WebSocket;
using Halyard.Journal;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Data;

namespace Halyard.Cycle.Replay;

/// <summary>What to replay and where to write it.</summary>
public sealed record ReplayRequest
{
    public required HalyardConfig Config { get; init; }

    /// <summary>Overrides <c>replay.from</c>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Overrides <c>replay.to</c>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Overrides <c>replay.out</c>.</summary>
    public string? OutDirectory { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public TimeProvider Wall { get; init; } = TimeProvider.System;

    /// <summary>Market data to use instead of <c>paper_exchange.data_dir</c> or the bundled data (tests share one parsed set).</summary>
    public MarketDataSet? Data { get; init; }

    /// <summary>Wraps every model client (a sweep's per-endpoint limits, shared by its jobs); null: none.</summary>
    public ChatClientDecorator? DecorateChatClient { get; init; }
}

/// <summary>Where a replay is: virtual time within the window, and cycles done.</summary>
public sealed record ReplayProgress(DateTimeOffset Now, ReplayWindow Window, long Cycles);

/// <summary>A finished replay: its summary and its run folder.</summary>
public sealed record ReplayResult(RunSummary Summary, string RunFolder, ReplayWindow Window);

/// <summary>
/// The replay: the same Manager code as the live loop, driven by a <see cref="ReplayClock"/> that jumps
/// from cycle to cycle, trading on the in-process paper exchange over real recorded data, as fast as the
/// machine allows. Writes the run folder: <c>cycles.jsonl</c> and <c>journal.db</c> (the journal, fsync
/// off: each record is still handed to the OS whole), <c>exchange.jsonl</c> (the paper exchange's audit
/// log) and <c>summary.json</c>. The chart (<c>equity.png</c>) is drawn by the command.
/// </summary>
public static class ReplayRunner
{
    public const string AuditFileName = "exchange.jsonl";
    public const string SummaryFileName = "summary.json";

    private static readonly string[] RunFiles =
        [CompositeJournal.JsonlFileName, CompositeJournal.SqliteFileName, CompositeJournal.SqliteFileName + "-wal", CompositeJournal.SqliteFileName + "-shm", AuditFileName, SummaryFileName, "equity.png"];

    /// <summary>The window the request resolves to, or why it cannot be replayed.</summary>
    public static Result<ReplayWindow> Plan(ReplayRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = DataOf(request);
        return ReplayWindow.Resolve(data, new PaperExchangeOptions().PriceInterval, request.From ?? request.Config.Replay.From, request.To ?? request.Config.Replay.To);
    }

    public static async Task<Result<ReplayResult>> RunAsync(ReplayRequest request, IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = request.Config;
        if (config.Exchange.Provider != ExchangeProvider.Paper || config.Exchange.BaseUrl is not null)
        {
            return Error.Invalid("a replay trades on the in-process paper exchange: exchange.provider must be paper without base_url");
        }

        var plan = Plan(request);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var window = plan.Value;

        var folder = Path.GetFullPath(request.OutDirectory ?? config.Replay.Out);
        Directory.CreateDirectory(folder);
        foreach (var file in RunFiles.Concat(Directory.EnumerateFiles(folder, ShadowVenues.AuditPrefix + "*" + ShadowVenues.AuditSuffix).Select(Path.GetFileName)))
        {
            File.Delete(Path.Combine(folder, file!));
        }

        var clock = new ReplayClock(window.From);
        var key = PaperAccount.Key();
        var account = key.Address.Value;
        var options = config.PaperExchange.ToOptions(account, Path.Combine(folder, AuditFileName));
        var journal = CompositeJournal.OpenRunFolder(folder, new JournalOptions(FsyncEachRecord: false, KeepFullPrompt: config.Journal.FullPrompt, IndexCopiesRecords: false));
        RunSummary summary;
        using (journal)
        {
            using var engine = new PaperExchangeEngine(options, clock, DataOf(request));
            using var venue = new VenueConnection(new VenueConnectionOptions
            {
                Handler = engine.CreateHandler(),
                Endpoint = new HyperliquidEndpoint(new Uri("http://paper.invalid/"), options.IsMainnet),
                Identity = SigningIdentity.ForAccount(key),
                Clock = clock,
                BudgetMode = WeightBudgetMode.Fail,
                ExpiresAfter = config.Execution.ExpiresAfter,
                TypedReads = config.Replay.Reads == ReplayReads.Typed && engine.ServesTypedReads ? engine : null,
            });
            LiveStateSession? live = null;
            if (config.Features.WebSocket)
            {
                var session = await LiveStateSession.StartAsync(venue, LiveStateOptionsFor(config, engine, TypedPushes(config, engine), request.Wall), clock, cancellationToken).ConfigureAwait(false);
                if (!session.IsSuccess)
                {
                    return session.Error with { Message = "features.websocket: " + session.Error.Message };
                }

                live = session.Value;
            }

            var fees = (config.PaperExchange.Fees.TakerBps, config.PaperExchange.Fees.MakerBps);
            var madeShadows = await ShadowVenues.CreateAsync(config, new ShadowVenuesOptions(venue.Reader, clock, folder, fees, WeightBudgetMode.Fail), cancellationToken).ConfigureAwait(false);
            if (!madeShadows.IsSuccess)
            {
                if (live is not null)
                {
                    await live.DisposeAsync().ConfigureAwait(false);
                }

                return madeShadows.Error;
            }

            using var shadows = madeShadows.Value;
            try
            {
                var runtime = new TraderRuntime
                {
                    Venue = venue,
                    LiveState = live?.Reader,
                    Ledger = _ => new InMemoryIntentLedger(),
                    OrchestratorTime = new ReplayWaitClock(clock, request.Wall),
                    Journal = journal,
                    Clock = clock,
                    Wall = request.Wall,
                    Environment = request.Environment,
                    Fees = fees,
                    DecorateChatClient = request.DecorateChatClient,
                    Shadows = shadows,
                };
                var created = TraderFactory.Create(config, runtime);
                if (!created.IsSuccess)
                {
                    return created.Error;
                }

                var traders = created.Value;

                live?.Attach(traders);
                var driver = live is null ? null : new ReplayEventDriver(engine, clock, live);
                long cycles = 0;
                Func<DateTimeOffset, Task> advance = driver is null ? due => { clock.AdvanceTo(due); return Task.CompletedTask; } : driver.AdvanceToAsync;
                var scheduler = shadows.IsEmpty
                    ? (driver is null ? new ReplayScheduler(clock, clock.AdvanceTo, window.To) : new ReplayScheduler(clock, driver.AdvanceToAsync, window.To))
                    : new ReplayScheduler(clock, due => AdvanceWithShadowsAsync(clock, advance, shadows, config.Execution.ShadowPricePoll, due, cancellationToken), window.To);
                var manager = new Manager(traders, scheduler)
                {
                    CycleCompleted = record => progress?.Report(new ReplayProgress(record.Timestamp, window, Interlocked.Increment(ref cycles))),
                };
                var cost = RunCost.Start(request.Wall);
                await manager.RunAsync(window.From, cancellationToken).ConfigureAwait(false);
                journal.Flush(); // the journal's writer thread done: its work is part of the run's cost
                var measured = cost.Stop();
                var infoRequests = venue.Timer.InfoRequests;
                var typedReads = venue.Typed?.Counts.Total;
                var records = journal.ReadAll().Records; // read back once: the summary, shadow and live-state figures share it
                summary = await SummarizeAsync(venue, records, config, window, measured, cancellationToken).ConfigureAwait(false);
                if (!shadows.IsEmpty)
                {
                    var figures = new List<ShadowTraderFigures>();
                    foreach (var shadow in shadows.Venues.OrderBy(v => v.TraderId, StringComparer.Ordinal))
                    {
                        figures.Add(await shadow.FiguresAsync(records, window.From, window.To, cancellationToken).ConfigureAwait(false));
                    }

                    summary = summary with { ShadowTraders = figures };
                }

                var pushes = live is null ? "none" : TypedPushes(config, engine) ? "typed" : "json";
                summary = summary with { LiveState = await LiveStateOf(venue, live, driver, summary, (infoRequests, typedReads, pushes), records, window, cancellationToken).ConfigureAwait(false) };
                if (engine.SlippageOf(account) is { } slippage)
                {
                    summary = summary with { SlippageUsd = slippage.TakerVsMarkUsd, TriggerSlippageUsd = slippage.TriggersVsTriggerPriceUsd };
                }
            }
            finally
            {
                if (live is not null)
                {
                    await live.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        var (sha, requests) = AuditDigest.Of(Path.Combine(folder, AuditFileName));
        summary = summary with { ActionsSha256 = sha, ExchangeRequests = requests };
        await File.WriteAllTextAsync(Path.Combine(folder, SummaryFileName), summary.ToJson(), cancellationToken).ConfigureAwait(false);
        return new ReplayResult(summary, folder, window);
    }

    /// <summary>
    /// The replay's advance with shadow traders: the live venue's prices are read every <paramref name="poll"/> of
    /// replay time on the way to <paramref name="due"/> (as a live run's pump reads them), so the shadow accounts'
    /// marks move, and their stops trigger, between cycles.
    /// </summary>
    private static async Task AdvanceWithShadowsAsync(ReplayClock clock, Func<DateTimeOffset, Task> advance, ShadowVenues shadows, TimeSpan poll, DateTimeOffset due, CancellationToken ct)
    {
        for (var next = clock.GetUtcNow() + poll; next < due; next += poll)
        {
            await advance(next).ConfigureAwait(false);
            await shadows.PollAsync(ct).ConfigureAwait(false);
        }

        await advance(due).ConfigureAwait(false);
        await shadows.PollAsync(ct).ConfigureAwait(false);
    }

    /// <summary><c>replay.pushes: typed</c> takes effect with typed reads and a socket without injected faults (else the pushes are JSON).</summary>
    private static bool TypedPushes(HalyardConfig config, PaperExchangeEngine engine) =>
        config.Replay.Pushes == ReplayPushes.Typed && config.Replay.Reads == ReplayReads.Typed && engine.ServesTypedReads && engine.ServesTypedPushes;

    /// <summary>The replay's WebSocket live state: the in-process <c>/ws</c>, no heartbeat (a virtual clock; reads flush instead), the engine caught up before each read.</summary>
    private static LiveStateSessionOptions LiveStateOptionsFor(HalyardConfig config, PaperExchangeEngine engine, bool typedPushes, TimeProvider wall) => new(
        engine.InProcessWebSocket(wall, typedPushes),
        new HyperliquidSocketOptions { Time = wall, PingInterval = null, ReconnectDelay = TimeSpan.FromMilliseconds(10) },
        config.Features.WebSocketCrossCheck,
        engine.SynchronizeAndCountPushes);

    private static async Task<LiveStateFigures> LiveStateOf(
        VenueConnection venue, LiveStateSession? live, ReplayEventDriver? driver, RunSummary summary, (long Http, long? Typed, string Pushes) reads, IReadOnlyList<DecisionCycleRecord> records, ReplayWindow window, CancellationToken ct)
    {
        var history = await venue.Info.GetHistoricalOrdersAsync(venue.Identity.Account.Value, ct).ConfigureAwait(false);
        var counts = live?.Reader.Counts;
        return new LiveStateFigures
        {
            WebSocket = live is not null,
            InfoRequests = reads.Http,
            InfoRequestsPerCycle = PerCycle(reads.Http, summary.Cycles),
            Reads = reads.Typed is null ? "http" : "typed",
            Pushes = reads.Pushes,
            TypedReads = reads.Typed ?? 0,
            TypedReadsPerCycle = PerCycle(reads.Typed ?? 0, summary.Cycles),
            SiblingLiveAfterFire = history.IsSuccess ? LiveStateFigures.SiblingLive(history.Value, window.To, TimeSpan.FromSeconds(30)) : new SiblingLiveStats(0, null, null),
            Reactions = LiveStateFigures.ReactionsOf(records),
            PushedReads = counts?.PushedReads ?? 0,
            FallbackPolls = counts?.FallbackPolls ?? 0,
            CrossChecks = counts?.CrossChecks ?? 0,
            CrossChecksDisagreed = counts?.CrossChecksDisagreed ?? 0,
            Resyncs = counts?.Resyncs ?? 0,
            ResyncsWithDifferences = counts?.ResyncsWithDifferences ?? 0,
            CyclesDisagreedPct = LiveStateFigures.DisagreedPct(records),
            EventStops = driver?.Stops ?? 0,
        };
    }

    private static double PerCycle(long count, long cycles) => cycles == 0 ? 0 : Math.Round((double)count / cycles, 3);

    private static async Task<RunSummary> SummarizeAsync(VenueConnection venue, IReadOnlyList<DecisionCycleRecord> records, HalyardConfig config, ReplayWindow window, RunCost.Measured cost, CancellationToken ct)
    {
        var now = window.To;
        var account = await venue.Reader.GetAccountAsync(ct).ConfigureAwait(false);
        var fills = await venue.Reader.GetFillsAsync(window.From, now, ct).ConfigureAwait(false);
        var funding = await venue.Reader.GetFundingAsync(window.From, now, ct).ConfigureAwait(false);
        var book = new TradeBook();
        var fillList = fills.IsSuccess ? fills.Value : [];
        book.ApplyFills(fillList);
        return SummaryBuilder.Build(new SummaryInputs
        {
            Records = records,
            ClosedTrades = book.Closed,
            FeesUsd = fillList.Sum(f => f.Fee),
            FundingUsd = funding.IsSuccess ? funding.Value.Sum(f => f.Usdc) : 0m,
            InitialEquityUsd = config.PaperExchange.InitialEquity,
            FinalEquityUsd = account.IsSuccess ? account.Value.AccountValue : config.PaperExchange.InitialEquity,
            From = window.From,
            To = window.To,
            DecisionMakers = [.. config.Traders.Select(t => config.DecisionMakerFor(t)).Select(Describe).Distinct(StringComparer.Ordinal)],
            WallSeconds = cost.WallSeconds,
            CpuSeconds = cost.CpuSeconds,
            AllocatedBytes = cost.AllocatedBytes,
            SigningBackend = Ecdsa.Backend == SigningBackend.Native ? "native" : "managed",
            Code = new CodeFigures(ReadyToRunImage.Holds(typeof(ReplayRunner).Assembly), cost.JitMethods, Math.Round(cost.JitSeconds, 3)),
        });
    }

    private static string Describe(DecisionMakerConfig decisionMaker) => decisionMaker.Provider switch
    {
        DecisionMakerProvider.Baseline => "baseline",
        DecisionMakerProvider.Recorded => "recorded",
        DecisionMakerProvider.OpenAI => "openai:" + decisionMaker.Model,
        _ => "anthropic:" + decisionMaker.Model,
    };

    private static MarketDataSet DataOf(ReplayRequest request) =>
        request.Data ?? (request.Config.PaperExchange.DataDir is { } dir ? MarketDataSet.FromDirectory(dir) : MarketDataSet.Embedded);
}
