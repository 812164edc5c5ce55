namespace Halyard.Journal;

/// <summary>Model token usage for the cycle (all calls, retry included).</summary>
public sealed record TokenUsageRecord(long InputTokens, long OutputTokens, long TotalTokens);

/// <summary>
/// The trader's gating state as it applied to this cycle: a Sharpe pause (no new opens until
/// <see cref="PausedUntil"/>), safe mode after repeated model failures, and whether the trader is a shadow
/// trader (its orders go to its own in-process paper account, never to the live venue).
/// </summary>
public sealed record GatingRecord(
    DateTimeOffset? PausedUntil,
    bool SafeMode,
    bool Shadow,
    int ConsecutiveLlmFailures = 0,
    bool OpensAllowed = true)
{
    public static GatingRecord Open { get; } = new(null, false, false);

    /// <summary>Why new opens were stopped this cycle: <c>sharpe_pause</c>, <c>safe_mode</c>, <c>daily_loss</c>, <c>max_drawdown</c> (empty when allowed).</summary>
    public IReadOnlyList<string> PausedBy { get; init; } = [];

    /// <summary>The gate's Sharpe: per-cycle returns of cycles with exposure, mean / population std, not annualised; null below the minimum sample.</summary>
    public double? GateSharpe { get; init; }

    /// <summary>Loss from the UTC day's opening equity, in percent (negative: a gain).</summary>
    public decimal? DailyLossPct { get; init; }

    /// <summary>Fall from the equity high-water mark, in percent.</summary>
    public decimal? DrawdownPct { get; init; }
}

/// <summary>
/// Everything measured on the real clock, kept apart so deterministic replays compare records without
/// it. Milliseconds; <see cref="CycleOverheadMs"/> is the cycle's own time excluding the model call.
/// </summary>
public sealed record WallClockRecord
{
    public static WallClockRecord Empty { get; } = new();

    /// <summary>Real time the record was written (null in the deterministic projection).</summary>
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Time spent obtaining the decisions (the model call, or the baseline decision maker).</summary>
    public double DecisionMs { get; init; }

    public double ValidationMs { get; init; }

    public double ExecutionMs { get; init; }

    /// <summary>Whole cycle minus <see cref="DecisionMs"/>.</summary>
    public double CycleOverheadMs { get; init; }

    /// <summary>Per order sent: validated decision → request sent (our own time) and request → response.</summary>
    public IReadOnlyList<OrderLatencyRecord> OrderLatencies { get; init; } = [];
}

/// <summary>The decision-to-order latency of one order.</summary>
/// <param name="DecisionToSendMs">Validated decision → request handed to the transport (our own time).</param>
/// <param name="SendToResponseMs">Request sent → response read (network and venue); null when no response came.</param>
public sealed record OrderLatencyRecord(string Symbol, string? Cloid, double DecisionToSendMs, double? SendToResponseMs);
