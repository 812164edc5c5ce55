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

    /// <summary>
    /// <c>websocket</c>: the account's state (account, positions, open orders, mids) is read from the WebSocket
    /// shadow state instead of polled each cycle, and stops, targets and resting entries are reacted to between
    /// cycles. On for live runs and for replays (the paper exchange serves <c>/ws</c>); polling stays the fallback.
    /// </summary>
    public bool WebSocket { get; init; } = true;

    /// <summary><c>websocket_cross_check</c>: how often the pushed state is compared with a poll (every disagreement is journaled, then resynced).</summary>
    public TimeSpan WebSocketCrossCheck { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The Validator's switches and Sharpe gating (<c>gating</c>), listed once in <see cref="GuardSwitches"/>.</summary>
    public GuardSwitches Guards { get; init; } = GuardSwitches.AllOn;
}
