using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Reconciliation;

namespace Halyard.Cycle;

/// <summary>
/// The part of one trader's <see cref="Orchestrator"/> the Manager calls. <see cref="OrchestratorGateway"/>
/// is the only implementation in the product; the interface lets the Manager's tests script outcomes.
/// </summary>
public interface IOrderGateway
{
    /// <summary>Hands over the instrument rules the cycle already read.</summary>
    void UpdateInstruments(IEnumerable<InstrumentRules> instruments);

    Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);

    Task<ExecutionOutcome> OpenAsync(OpenIntent intent, CancellationToken cancellationToken);

    Task<ExecutionOutcome> CloseAsync(CloseIntent intent, CancellationToken cancellationToken);
}

/// <summary>The trader's <see cref="Orchestrator"/> as the Manager's <see cref="IOrderGateway"/>.</summary>
public sealed class OrchestratorGateway(Orchestrator orchestrator) : IOrderGateway
{
    public Orchestrator Orchestrator { get; } = orchestrator ?? throw new ArgumentNullException(nameof(orchestrator));

    public void UpdateInstruments(IEnumerable<InstrumentRules> instruments) => Orchestrator.UpdateInstruments(instruments);

    public Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) =>
        Orchestrator.ReconcileAsync(request, cancellationToken);

    public Task<ExecutionOutcome> OpenAsync(OpenIntent intent, CancellationToken cancellationToken) => Orchestrator.OpenAsync(intent, cancellationToken);

    public Task<ExecutionOutcome> CloseAsync(CloseIntent intent, CancellationToken cancellationToken) => Orchestrator.CloseAsync(intent, cancellationToken);
}
