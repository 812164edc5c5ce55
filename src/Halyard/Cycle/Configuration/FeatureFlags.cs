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

    /// <summary>Sharpe-based gating: stricter prompt, raised minimum confidence, pause on breach.</summary>
    public bool Gating { get; init; } = true;

    public bool MinConfidence { get; init; } = true;
    public bool RiskReward { get; init; } = true;
    public bool LeverageCap { get; init; } = true;
    public bool ValueBands { get; init; } = true;
    public bool MaxPositionSize { get; init; } = true;
    public bool MarginUsage { get; init; } = true;
    public bool Liquidity { get; init; } = true;
    public bool Cooldown { get; init; } = true;
    public bool MaxPositions { get; init; } = true;
    public bool NoPyramiding { get; init; } = true;
    public bool NewOpensPerCycle { get; init; } = true;
    public bool NewOpensPerHour { get; init; } = true;

    /// <summary>The Validator's switches.</summary>
    public GuardSwitches Guards => new()
    {
        MinConfidence = MinConfidence,
        RiskReward = RiskReward,
        LeverageCap = LeverageCap,
        ValueBands = ValueBands,
        MaxPositionSize = MaxPositionSize,
        MarginUsage = MarginUsage,
        Liquidity = Liquidity,
        Cooldown = Cooldown,
        MaxPositions = MaxPositions,
        NoPyramiding = NoPyramiding,
        NewOpensPerCycle = NewOpensPerCycle,
        NewOpensPerHour = NewOpensPerHour,
        Gating = Gating,
    };
}
