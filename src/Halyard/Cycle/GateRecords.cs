using Halyard.Journal;
using Halyard.Risk.Gating;

namespace Halyard.Cycle;

/// <summary>The journal's view of a trader's gate (the gate itself is risk policy and knows no journal).</summary>
public static class GateRecords
{
    /// <summary>The gate's state now, as the cycle record's <c>gating</c> section.</summary>
    public static GatingRecord ToRecord(this Gate gate, bool shadow)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var decision = gate.Evaluate();
        return new GatingRecord(decision.PausedUntil, gate.State.SafeMode, shadow, gate.State.ConsecutiveLlmFailures, decision.OpensAllowed);
    }
}
