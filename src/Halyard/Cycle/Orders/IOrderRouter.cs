using Halyard.Decisions;
using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Cycle.Orders;

/// <summary>
/// The part of the Orchestrator the Manager calls: reconcile the venue with what the trader expects, and
/// turn one validated decision into orders. Every action comes back as an <see cref="ActionRecord"/>;
/// expected failures are values.
/// </summary>
public interface IOrderRouter
{
    /// <summary>Cancels orphan protection and reports what it did (start of every cycle).</summary>
    Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);

    /// <summary>Runs one intent's workflow (open: leverage, entry, protection; close: cancel resting, reduce-only close).</summary>
    Task<IntentOutcome> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken);

    /// <summary>The orders <see cref="ExecuteAsync"/> would send, as records with result <c>shadow</c>; nothing is sent.</summary>
    IReadOnlyList<ActionRecord> Plan(OrderIntent intent);
}

public enum IntentKind
{
    Open,
    Close,
}

/// <summary>
/// One validated decision to execute. <paramref name="ReferencePrice"/> is the live price of the final
/// check; <paramref name="ValidatedAt"/> the wall-clock timestamp (<see cref="TimeProvider.GetTimestamp"/>)
/// of that check, from which the decision-to-order latency is measured.
/// </summary>
/// <param name="Held">The position a close closes (null for an open).</param>
/// <param name="Resting">The coin's resting orders (a close cancels them first).</param>
public sealed record OrderIntent(
    string TraderId,
    long Cycle,
    IntentKind Kind,
    TradingDecision Decision,
    InstrumentRules Rules,
    decimal ReferencePrice,
    Position? Held,
    IReadOnlyList<OpenOrder> Resting,
    long ValidatedAt)
{
    public string Symbol => Decision.Symbol;
}

/// <summary>What one intent did: its actions in order, per-order latencies, and the size filled (coins).</summary>
/// <param name="Completed">True when the workflow reached its goal (open: filled and protected; close: flat).</param>
/// <param name="VenueDown">True when the venue was down (the cycle stops sending).</param>
public sealed record IntentOutcome(
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<OrderLatencyRecord> Latencies,
    decimal FilledSize,
    decimal? AveragePrice,
    bool Completed,
    bool VenueDown = false);

/// <summary>The venue's state at the start of a cycle, for one trader.</summary>
/// <param name="OwnedElsewhere">Coins another trader of this account holds (their orders are not touched).</param>
public sealed record ReconcileRequest(
    string TraderId,
    long Cycle,
    AccountSnapshot Account,
    IReadOnlyList<OpenOrder> Orders,
    IReadOnlyDictionary<string, InstrumentRules> Instruments,
    IReadOnlySet<string> OwnedElsewhere);

/// <summary>What reconciliation did.</summary>
public sealed record ReconcileReport(IReadOnlyList<ActionRecord> Actions)
{
    public static ReconcileReport Nothing { get; } = new([]);
}
