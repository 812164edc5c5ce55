using Halyard.Cycle.Configuration;
using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Decisions.Llm;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Journal;
using Halyard.MarketData;

namespace Halyard.Cycle.Composition;

/// <summary>What every trader of one process shares: the venue, the journal, the ownership map and the clocks.</summary>
public sealed record TraderRuntime
{
    public required VenueConnection Venue { get; init; }

    /// <summary>The WebSocket live state of the account (<c>features.websocket</c>), read instead of polling; null: poll.</summary>
    public Halyard.Cycle.Venue.LiveStateReader? LiveState { get; init; }

    /// <summary>Each trader's intent ledger (durable live; in memory for a replay, which can be run again).</summary>
    public required Func<string, IIntentLedger> Ledger { get; init; }

    /// <summary>
    /// The Orchestrators' clock: waits (backoff, GTC timeout) and latency timestamps. Live: the system clock;
    /// replay: a clock whose waits are spent on the replay clock at once and whose timestamps are the real stopwatch.
    /// </summary>
    public required TimeProvider OrchestratorTime { get; init; }

    public required IJournal Journal { get; init; }

    public PositionOwnership Ownership { get; init; } = new();

    public required TimeProvider Clock { get; init; }

    /// <summary>The real clock for the Manager's own latencies; its timestamps must match <see cref="OrchestratorTime"/>'s.</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;

    /// <summary>Environment lookup for API keys (by the variable names of the configuration).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Taker and maker fees in bps, as the venue charges them (shown in the prompt).</summary>
    public (decimal Taker, decimal Maker) Fees { get; init; } = (VenueFees.TakerBps, VenueFees.MakerBps);

    /// <summary>Where the traders' diagnostic logs go (none by default).</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory Loggers { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;

    /// <summary>Cancelled only to force a stop: aborts the intents in hand (live runs).</summary>
    public CancellationToken Force { get; init; }

    /// <summary>The journal folder's cloid scope (live runs); null: unscoped cloids (replays).</summary>
    public string? CloidScope { get; init; }

    /// <summary>The shadow traders' own paper accounts (<c>traders[].shadow</c>); a shadow trader without one is refused.</summary>
    public Shadow.ShadowVenues? Shadows { get; init; }

    /// <summary>Wraps every model client (a sweep's shared endpoint limits); null: none.</summary>
    public ChatClientDecorator? DecorateChatClient { get; init; }
}

/// <summary>Builds each configured trader's cycle (its decision maker, market data and state) and restores it from the journal.</summary>
public static class TraderFactory
{
    /// <summary>The traders, or the first configuration problem (e.g. an LLM key variable that is not set).</summary>
    public static Result<IReadOnlyList<TraderCycle>> Create(HalyardConfig config, TraderRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runtime);
        var traders = new List<TraderCycle>(config.Traders.Count);
        foreach (var trader in config.Traders)
        {
            var decisionMaker = config.DecisionMakerFor(trader);
            var maker = DecisionMakerFactory.Create(DecisionMakerMapping.ToOptions(decisionMaker, config.Journal.FullPrompt), runtime.Clock, runtime.Environment, runtime.DecorateChatClient);
            if (!maker.IsSuccess)
            {
                return maker.Error with { Message = $"traders[{trader.Id}]: {maker.Error.Message}" };
            }

            var setup = Setup(config, trader, runtime);
            var shadow = trader.Shadow ? runtime.Shadows?.For(trader.Id) : null;
            if (trader.Shadow && shadow is null)
            {
                // Never fall back to the live venue: a shadow trader trades its own paper account or not at all.
                return Error.Invalid($"traders[{trader.Id}]: a shadow trader needs its shadow venue (none was made for it)");
            }

            var market = (Halyard.Cycle.Venue.IVenueReader?)runtime.LiveState ?? runtime.Venue.Reader;
            var connection = shadow?.Connection ?? runtime.Venue;
            var ownership = shadow is null ? runtime.Ownership : new PositionOwnership();
            var snapshots = new MarketSnapshotOptions { Intraday = config.MarketData.IntradayInterval };
            var cache = new CandleCache(runtime.Venue.CandleSource, runtime.Clock, snapshots);
            var cycle = new TraderCycle(setup, new TraderServices
            {
                Reader = shadow?.ReaderWith(market) ?? market,
                LiveState = shadow is null ? runtime.LiveState : null,
                Feed = new MarketDataFeed(cache, new MarketSnapshotBuilder(snapshots)),
                Selector = new CandidateSelector(new CandidateOptions
                {
                    LiquidityThresholdUsd = setup.Limits.LiquidityThresholdUsd,
                    MaxCandidates = config.MarketData.MaxCandidates,
                }),
                DecisionStep = new DecisionStep(maker.Value),
                Orders = new OrchestratorGateway(new Orchestrator(new OrchestratorSetup(
                    trader.Id,
                    connection.Exchange,
                    connection.Info,
                    runtime.Ledger(trader.Id),
                    runtime.OrchestratorTime,
                    config.Execution.ToOrchestratorOptions(config.Features),
                    Log: runtime.Loggers.CreateLogger("Halyard.Execution"),
                    CloidScope: runtime.CloidScope,
                    Pushed: shadow is null ? runtime.LiveState : null,
                    Polled: shadow is null ? runtime.Venue.Typed : null))),
                Log = runtime.Loggers.CreateLogger("Halyard.Cycle"),
                Journal = runtime.Journal,
                VenueTimer = connection.Timer,
                Ownership = ownership,
                Clock = runtime.Clock,
                Wall = runtime.Wall,
                Force = runtime.Force,
            });
            Restore(cycle, runtime.Journal, ownership);
            traders.Add(cycle);
        }

        return Result.Success<IReadOnlyList<TraderCycle>>(traders);
    }

    public static TraderSetup Setup(HalyardConfig config, TraderConfig trader, TraderRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(trader);
        ArgumentNullException.ThrowIfNull(runtime);
        var decisionMaker = config.DecisionMakerFor(trader);
        return new TraderSetup
        {
            TraderId = trader.Id,
            DecisionInterval = trader.DecisionInterval,
            Limits = trader.ToRiskLimits(),
            Guards = config.Features.Guards,
            AllocationPct = trader.AllocationPct,
            Shadow = trader.Shadow,
            MultiDecision = config.Features.MultiDecision,
            Gating = config.Features.Guards.Gating,
            ExternalPositions = config.Execution.ExternalPositions,
            StalenessMaxMoveBps = decisionMaker.StalenessMaxMoveBps,
            TakerFeeBps = runtime.Fees.Taker,
            MakerFeeBps = runtime.Fees.Maker,
            SlippageBps = config.Execution.SlippageBps,
            PlanReasoningChars = trader.Memory.ReasoningChars,
            RecentTrades = trader.Memory.RecentTrades,
            MarginMode = config.Execution.MarginMode == MarginMode.Isolated ? Risk.MarginKind.Isolated : Risk.MarginKind.Cross,
            AsksModel = DecisionMakerMapping.AsksModel(decisionMaker),
        };
    }

    /// <summary>
    /// After a restart: the cycle numbering resumes after the trader's last journaled cycle, the analytics
    /// window is refilled from its last records, and the coins of its last positions snapshot are its own again.
    /// </summary>
    public static void Restore(TraderCycle cycle, IJournal journal, PositionOwnership ownership)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(ownership);
        var id = cycle.Setup.TraderId;
        if (journal.LastCycle(id) is not { } last)
        {
            return;
        }

        cycle.State.Cycle = last;
        var records = journal.ReadLast(id, cycle.Setup.AnalyticsWindow + 1);
        foreach (var record in records)
        {
            cycle.State.History.Add(record);
        }

        if (records.LastOrDefault(r => r.AccountSnapshot is not null) is { } latest)
        {
            foreach (var position in latest.PositionsSnapshot)
            {
                ownership.Claim(position.Coin, id);
            }

            // The plans of the positions held then: the model reads its entry reasoning and invalidation again
            // (a coin no longer held is dropped at the next cycle's start).
            foreach (var plan in latest.Plans ?? [])
            {
                cycle.State.Memory.RememberPlan(plan.Symbol, CycleRecordMapping.FromRecord(plan));
            }
        }
    }
}
