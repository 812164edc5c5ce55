using Halyard.Execution.Ledger;
using Halyard.Execution.Venue;

namespace Halyard.Execution.Workflows;

/// <summary>What every workflow of one trader's Orchestrator shares (nothing here is shared between traders).</summary>
internal sealed class WorkflowServices
{
    public required string TraderId { get; init; }

    public required OrchestratorOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    public required VenueGateway Venue { get; init; }

    public required OrderSubmitter Submitter { get; init; }

    public required IIntentLedger Ledger { get; init; }

    public required InstrumentDirectory Instruments { get; init; }

    public required LeverageCache Leverage { get; init; }

    /// <summary>The journal folder's cloid scope (null: unscoped, replays).</summary>
    public string? CloidScope { get; init; }

    public bool Idempotent => Options.Features.IdempotentRetries;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Saves the entry, stamped now.</summary>
    public LedgerEntry Save(LedgerEntry entry)
    {
        var stamped = entry with { UpdatedAt = Now };
        Ledger.Save(stamped);
        return stamped;
    }
}
