using Halyard.Execution;

namespace Halyard.Cycle.Configuration;

/// <summary>Builds the Orchestrator's options from the loaded configuration (the top layer maps; Execution knows no YAML).</summary>
public static class OrchestratorOptionsMapping
{
    /// <summary>Maps the YAML <c>execution</c> and <c>features</c> sections onto the options.</summary>
    public static OrchestratorOptions ToOrchestratorOptions(this ExecutionConfig execution, FeatureFlags features)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(features);
        return new OrchestratorOptions
        {
            Entry = execution.Entry,
            SlippageBps = execution.SlippageBps,
            GtcTimeout = execution.GtcTimeout,
            CloseSlippageBps = execution.CloseSlippageBps,
            MarginMode = execution.MarginMode,
            DeadMansSwitch = execution.DeadMansSwitch,
            ExternalPositions = execution.ExternalPositions,
            MaxAttempts = execution.MaxAttempts,
            BackoffBase = execution.BackoffBase,
            RateLimitBackoff = execution.RateLimitBackoff,
            ClosedAfterMissingReads = execution.ClosedAfterMissingReads,
            Features = new ExecutionFeatures
            {
                SltpOrchestration = features.SltpOrchestration,
                IdempotentRetries = features.IdempotentRetries,
                MultiDecision = features.MultiDecision,
            },
        };
    }
}
