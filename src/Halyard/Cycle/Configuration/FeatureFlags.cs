using Halyard.Risk;

namespace Halyard.Cycle.Configuration;

/// <summary>
/// <c>features</c>: the design's rollout switches and one switch per Validator guard. Everything defaults
/// to on; turning all off falls back to single decision + basic IOC (the design's rollback).
/// </summary>
public sealed record FeatureFlags
{
    public bool MultiDecision { get; init; } = true;
    public bool SltpOrchestration { get; init; } = true;
    public bool IdempotentRetries { get; init; } = true;

    /// <summary>The Validator's switches and Sharpe gating (<c>gating</c>), listed once in <see cref="GuardSwitches"/>.</summary>
    public GuardSwitches Guards { get; init; } = GuardSwitches.AllOn;
}
