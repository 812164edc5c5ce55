
namespace Halyard.Execution;

/// <summary>
/// The design's rollout switches that concern execution. With <see cref="SltpOrchestration"/>,
/// <see cref="IdempotentRetries"/> and <see cref="MultiDecision"/> all off the Orchestrator falls back to
/// one decision per cycle and a basic IOC (no cloid, one attempt, no protection): the design's rollback.
/// </summary>
public sealed record ExecutionFeatures
{
    /// <summary>Reduce-only stop-loss/take-profit after every fill, and protection of unprotected positions by reconciliation.</summary>
    public bool SltpOrchestration { get; init; } = true;

    /// <summary>Cloids derived from the intent, settling unknown outcomes by cloid, and the retry policy. Off: one attempt, no cloid, IOC entries.</summary>
    public bool IdempotentRetries { get; init; } = true;

    /// <summary>Several intents per cycle; off: only the first intent of a batch is executed.</summary>
    public bool MultiDecision { get; init; } = true;
}

/// <summary>
/// The default protection of a position whose stop is unknown (an adopted external position, or an open
/// intent without a stop-loss): <see cref="StopAtrMultiple"/> × ATR from the mark when the caller knows the
/// ATR, else <see cref="StopPercent"/> % from the mark. No take-profit is invented.
/// </summary>
public sealed record ProtectionDistance(decimal StopPercent = 2m, decimal StopAtrMultiple = 2m)
{
    /// <summary>The stop distance in price units from <paramref name="reference"/>.</summary>
    public decimal StopDistance(decimal reference, decimal? atr) =>
        atr is > 0m ? atr.Value * StopAtrMultiple : reference * StopPercent / 100m;
}

/// <summary>
/// Everything configurable about the Orchestrator (<c>execution</c> and <c>features</c> in the YAML; see
/// <c>docs/execution.md</c> for every option). Defaults follow the design.
/// </summary>
public sealed record OrchestratorOptions
{
    /// <summary><c>entry</c>: IOC at a protective limit, or a protective GTC limit cancelled after <see cref="GtcTimeout"/>.</summary>
    public EntryMode Entry { get; init; } = EntryMode.Ioc;

    /// <summary><c>slippage_bps</c>: the entry limit is mid × (1 ± this / 10 000).</summary>
    public decimal SlippageBps { get; init; } = 50m;

    /// <summary><c>gtc_timeout</c>: a GTC entry's unfilled remainder is cancelled after this.</summary>
    public TimeSpan GtcTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a resting GTC entry is polled (orderStatus) while it waits.</summary>
    public TimeSpan GtcPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary><c>close_slippage_bps</c>: reduce-only closes and flattens are IOC at mid × (1 ∓ this / 10 000).</summary>
    public decimal CloseSlippageBps { get; init; } = 100m;

    /// <summary>The limit of a trigger-market stop-loss/take-profit: trigger × (1 ∓ this / 10 000), the worst fill accepted once triggered.</summary>
    public decimal TriggerSlippageBps { get; init; } = 500m;

    /// <summary><c>margin_mode</c>: cross or isolated for <c>updateLeverage</c> (isolated-only assets are always isolated).</summary>
    public MarginMode MarginMode { get; init; } = MarginMode.Cross;

    /// <summary><c>max_attempts</c>: attempts (the first included) of entries, leverage updates and reads for retryable classes.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>
    /// Attempts of protective actions (stop/take-profit placement, flatten, close, their cancels), which are
    /// also retried on <c>ExchangeDown</c>: leaving a position without its stop is worse than a few more requests.
    /// </summary>
    public int ProtectiveMaxAttempts { get; init; } = 5;

    /// <summary><c>backoff_base</c>: the first retry waits this, doubling each attempt, plus jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Jitter: each backoff is multiplied by 1 + U[0, this).</summary>
    public decimal JitterFraction { get; init; } = 0.2m;

    /// <summary><c>rate_limit_backoff</c>: the wait after a 429 without <c>Retry-After</c>.</summary>
    public TimeSpan RateLimitBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Default stop distance for positions without a known stop.</summary>
    public ProtectionDistance DefaultProtection { get; init; } = new();

    /// <summary><c>external_positions</c>: leave positions we did not open alone, or adopt (protect and manage) them.</summary>
    public ExternalPositionPolicy ExternalPositions { get; init; } = ExternalPositionPolicy.Leave;

    /// <summary><c>dead_mans_switch</c>: <c>scheduleCancel</c>(now + this) refreshed every reconciliation; null: off.</summary>
    public TimeSpan? DeadMansSwitch { get; init; }

    /// <summary>After a partial IOC fill, send one more IOC for the remainder when it is worth at least $10.</summary>
    public bool FinishPartialFills { get; init; } = true;

    /// <summary>Reduce-only IOC rounds a close or flatten tries before reporting the position still open.</summary>
    public int MaxCloseRounds { get; init; } = 3;

    /// <summary>
    /// <c>closed_after_missing_reads</c>: without the venue's closing fill, a position of ours counts as closed on
    /// the venue only after this many consecutive reads that do not show it (a stale read must not drop its stop).
    /// </summary>
    public int ClosedAfterMissingReads { get; init; } = 2;

    /// <summary>How far back the first reconciliation reads fills when the ledger has no checkpoint.</summary>
    public TimeSpan InitialFillLookback { get; init; } = TimeSpan.FromDays(1);

    public ExecutionFeatures Features { get; init; } = new();

    /// <summary>The entry mode in effect: without idempotent retries a GTC cannot be tracked safely, so IOC.</summary>
    internal EntryMode EffectiveEntry => Features.IdempotentRetries ? Entry : EntryMode.Ioc;

    internal int AttemptsFor(Retry.RetryProfile profile) =>
        !Features.IdempotentRetries ? 1 : profile == Retry.RetryProfile.Protective ? ProtectiveMaxAttempts : MaxAttempts;

    /// <summary>Problems with the options, each naming the option; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(Enum.IsDefined(Entry), "entry: ioc or gtc.");
        Check(SlippageBps is > 0m and <= 1000m, "slippage_bps: 0 < bps <= 1000.");
        Check(CloseSlippageBps is > 0m and <= 1000m, "close_slippage_bps: 0 < bps <= 1000.");
        Check(TriggerSlippageBps is > 0m and < 9500m, "trigger_slippage_bps: 0 < bps < 9500 (the venue's 95% price band).");
        Check(GtcTimeout > TimeSpan.Zero, "gtc_timeout: > 0.");
        Check(GtcPollInterval > TimeSpan.Zero, "gtc_poll_interval: > 0.");
        Check(Enum.IsDefined(MarginMode), "margin_mode: cross or isolated.");
        Check(MaxAttempts is >= 1 and <= 10, "max_attempts: 1..10.");
        Check(ProtectiveMaxAttempts is >= 1 and <= 20, "protective_max_attempts: 1..20.");
        Check(BackoffBase > TimeSpan.Zero, "backoff_base: > 0.");
        Check(JitterFraction is >= 0m and <= 1m, "jitter_fraction: 0..1.");
        Check(RateLimitBackoff > TimeSpan.Zero, "rate_limit_backoff: > 0.");
        Check(DefaultProtection is { StopPercent: > 0m and < 80m, StopAtrMultiple: > 0m }, "default_protection: 0 < stop_percent < 80 and stop_atr_multiple > 0.");
        Check(Enum.IsDefined(ExternalPositions), "external_positions: leave or adopt.");
        Check(DeadMansSwitch is null || DeadMansSwitch >= TimeSpan.FromSeconds(5), "dead_mans_switch: off or >= 5s (the venue's minimum).");
        Check(MaxCloseRounds is >= 1 and <= 10, "max_close_rounds: 1..10.");
        Check(ClosedAfterMissingReads is >= 1 and <= 10, "closed_after_missing_reads: 1..10.");
        Check(InitialFillLookback > TimeSpan.Zero, "initial_fill_lookback: > 0.");
        Check(Features is not null, "features: required.");
        return errors;
    }
}
