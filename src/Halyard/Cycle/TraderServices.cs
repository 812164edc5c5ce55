using Halyard.Cycle.Orders;
using Halyard.Cycle.Venue;
using Halyard.Decisions;
using Halyard.Journal;
using Halyard.MarketData;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>What one trader's cycle works with. Nothing here is shared with another trader except the
/// venue connection behind <see cref="Reader"/> and <see cref="Router"/>, the journal and the ownership map.</summary>
public sealed record TraderServices
{
    public required IVenueReader Reader { get; init; }

    /// <summary>This trader's market data (its own candle cache).</summary>
    public required MarketDataFeed Feed { get; init; }

    public required CandidateSelector Selector { get; init; }

    /// <summary>This trader's Executor (it keeps the trader's performance view).</summary>
    public required Executor Executor { get; init; }

    public Validator Validator { get; init; } = new();

    public required IOrderRouter Router { get; init; }

    public required IJournal Journal { get; init; }

    public required PositionOwnership Ownership { get; init; }

    /// <summary>The trader's clock: the system clock live, the replay clock in a replay.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>The real clock, for latencies (the replay clock does not move during a cycle).</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;
}
