namespace Halyard.Risk;

/// <summary>
/// Which Validator guards are on (configuration <c>features</c>; all on by default). The structural rules
/// are not switchable: action and required fields, a known listed coin with a live price, confidence in
/// [0, 100], the price relationship of stop-loss and take-profit, the asset's own maximum leverage, the
/// venue's $10 minimum, no open against a position held on the other side (the venue nets positions, so
/// it would be a close and a flip), and a close matching a held position.
/// </summary>
public sealed record GuardSwitches
{
    public static GuardSwitches AllOn { get; } = new();

    public bool MinConfidence { get; init; } = true;
    public bool RiskReward { get; init; } = true;

    /// <summary>The configured major/alt caps; the asset's maximum leverage applies regardless.</summary>
    public bool LeverageCap { get; init; } = true;

    public bool ValueBands { get; init; } = true;
    public bool MaxPositionSize { get; init; } = true;
    public bool MarginUsage { get; init; } = true;
    public bool Liquidity { get; init; } = true;
    public bool Cooldown { get; init; } = true;
    public bool MaxPositions { get; init; } = true;

    /// <summary>No open on a coin already held on the same side, or already opened earlier in the batch.</summary>
    public bool NoPyramiding { get; init; } = true;

    public bool NewOpensPerCycle { get; init; } = true;
    public bool NewOpensPerHour { get; init; } = true;

    /// <summary>Honour the gated flag (raised minimum confidence) and the pause.</summary>
    public bool Gating { get; init; } = true;

    /// <summary>
    /// Scaling in (<c>features.scale_in</c>, OFF by default, and off in <see cref="AllOn"/>): an open on a coin held on
    /// the same side adds to the position, at most <see cref="RiskLimits.MaxAddsPerPosition"/> times, and every guard
    /// judges the combined position. Off: such an open is refused (<c>would_pyramid</c>, unless no_pyramiding is off).
    /// An open against a held position is refused either way.
    /// </summary>
    public bool ScaleIn { get; init; }
}
