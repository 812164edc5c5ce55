using Halyard.Cycle.Venue;
using Halyard.Decisions;
using Halyard.Journal;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>What one trader's cycle works with. Nothing here is shared with another trader except the
/// venue connection behind <see cref="Reader"/> and <see cref="Orders"/>, the journal and the ownership map.</summary>
public sealed record TraderServices
{
    public required IVenueReader Reader { get; init; }

    /// <summary>This trader's market data (its own candle cache).</summary>
    public required MarketDataFeed Feed { get; init; }

    public required CandidateSelector Selector { get; init; }

    /// <summary>This trader's DecisionStep (it keeps the trader's performance view).</summary>
    public required DecisionStep DecisionStep { get; init; }

    public Validator Validator { get; init; } = new();

    /// <summary>This trader's Orchestrator (its ledger, leverage cache and retries are its own).</summary>
    public required IOrderGateway Orders { get; init; }

    public required IJournal Journal { get; init; }

    /// <summary>The venue connection's timer: the decision-to-order latency excludes the time spent outside the process.</summary>
    public Venue.VenueTimer? VenueTimer { get; init; }

    public required PositionOwnership Ownership { get; init; }

    /// <summary>The WebSocket shadow state behind <see cref="Reader"/> (<c>features.websocket</c>), when on: its cross-checks and resyncs join the cycle's record.</summary>
    public LiveStateReader? LiveState { get; init; }

    /// <summary>The trader's clock: the system clock live, the replay clock in a replay.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>The real clock, for latencies; its timestamps are the <see cref="Halyard.Execution.ExecutionIntent.ValidatedAt"/> the Orchestrator measures from.</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;

    /// <summary>The trader's diagnostic log (none by default: replays and tests stay quiet).</summary>
    public Microsoft.Extensions.Logging.ILogger Log { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Cancelled only to force a stop (a second Ctrl-C, the grace spent): aborts the intent in hand.</summary>
    public CancellationToken Force { get; init; }
}
