using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.Execution.Workflows;

/// <summary>Assembles the <see cref="ExecutionOutcome"/> of one intent from its log, fills and latency.</summary>
internal sealed class OutcomeBuilder(ExecutionIntent intent, ActionLog log, string? entryCloid)
{
    private readonly List<ExecutionFill> _fills = [];

    public ActionLog Log => log;

    public OrderLatency? Latency { get; set; }

    public void AddFill(ExecutionFill fill) => _fills.Add(fill);

    public ExecutionOutcome Build(IntentResult result)
    {
        var size = _fills.Sum(f => f.Size);
        return new ExecutionOutcome
        {
            Intent = intent,
            Result = result,
            Actions = log.ToImmutable(),
            Fills = [.. _fills],
            Latency = Latency,
            EntryCloid = entryCloid,
            FilledSize = size,
            AveragePrice = size > 0m ? _fills.Sum(f => f.Size * f.Price) / size : null,
        };
    }

    /// <summary>
    /// A failure: <see cref="IntentResult.Rejected"/> when the venue (or the formatter) answered definitively
    /// (a per-order rejection, or a classified refusal of the whole request),
    /// <see cref="IntentResult.Failed"/> when the network or venue kept failing. ExchangeDown fails the cycle.
    /// </summary>
    public ExecutionOutcome Failure(Error error, bool venueAnswered = false)
    {
        var definitive = venueAnswered
            || (!error.OutcomeUnknown && error.Class is ErrorClass.InvalidParam or ErrorClass.RiskRejected or ErrorClass.Insufficient or ErrorClass.Unknown);
        return Build(definitive ? IntentResult.Rejected : IntentResult.Failed) with
        {
            ErrorClass = error.Class,
            Detail = error.Message,
            FailsCycle = error.Class == ErrorClass.ExchangeDown,
        };
    }
}
