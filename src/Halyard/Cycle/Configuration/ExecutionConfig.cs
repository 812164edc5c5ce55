using Halyard.Execution;

namespace Halyard.Cycle.Configuration;

/// <summary><c>execution</c>: the Orchestrator's order workflow and retry policy.</summary>
public sealed record ExecutionConfig
{
    public EntryMode Entry { get; init; } = EntryMode.Ioc;

    /// <summary>Entry limit distance from the mid, in basis points.</summary>
    public decimal SlippageBps { get; init; } = 50m;

    /// <summary>How long a GTC entry may rest before the remainder is cancelled.</summary>
    public TimeSpan GtcTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Close limit distance from the mid, in basis points.</summary>
    public decimal CloseSlippageBps { get; init; } = 100m;

    public MarginMode MarginMode { get; init; } = MarginMode.Cross;

    /// <summary><c>scheduleCancel</c> window refreshed each cycle; null: off.</summary>
    public TimeSpan? DeadMansSwitch { get; init; }

    public ExternalPositionPolicy ExternalPositions { get; init; } = ExternalPositionPolicy.Leave;

    /// <summary>Attempts per request for Temporary errors, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>First backoff; it doubles each attempt, with jitter.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait after a 429 without a <c>Retry-After</c>.</summary>
    public TimeSpan RateLimitBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every <c>/exchange</c> action carries <c>expiresAfter</c> = its nonce + this: a request stuck in transit
    /// cannot execute after the client gave up on it (10 s) and settled it. Null: not sent.
    /// </summary>
    public TimeSpan? ExpiresAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary><c>on_stop</c>: what <c>halyard run</c> leaves when stopped — every position with a live stop, or flat.</summary>
    public StopPolicy OnStop { get; init; } = StopPolicy.Keep;

    /// <summary><c>shutdown_grace</c>: how long a stopping run may take to finish its intents in hand and the final protection pass.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>shadow_price_poll</c>: how often the live venue's mids are read to move the shadow traders' paper marks.</summary>
    public TimeSpan ShadowPricePoll { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive reads without one of our positions (and no closing fill) before it counts as closed on the venue.</summary>
    public int ClosedAfterMissingReads { get; init; } = 2;

    /// <summary>The problems of these options, each naming its key (empty: valid); the configuration loader reports them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var p = new OptionProblems();
        p.Require(Enum.IsDefined(Entry), "entry", Entry, "ioc | gtc");
        p.Require(SlippageBps is > 0m and <= 1000m, "slippage_bps", SlippageBps, "0 < bps <= 1000");
        p.Require(GtcTimeout > TimeSpan.Zero, "gtc_timeout", GtcTimeout, "> 0");
        p.Require(CloseSlippageBps is > 0m and <= 1000m, "close_slippage_bps", CloseSlippageBps, "0 < bps <= 1000");
        p.Require(Enum.IsDefined(MarginMode), "margin_mode", MarginMode, "cross | isolated");
        p.Require(DeadMansSwitch is null || DeadMansSwitch >= TimeSpan.FromSeconds(5), "dead_mans_switch", DeadMansSwitch, "none or >= 5s (the venue's minimum)");
        p.Require(MaxAttempts is >= 1 and <= 10, "max_attempts", MaxAttempts, "1..10");
        p.Require(BackoffBase > TimeSpan.Zero, "backoff_base", BackoffBase, "> 0");
        p.Require(RateLimitBackoff > TimeSpan.Zero, "rate_limit_backoff", RateLimitBackoff, "> 0");
        p.Require(ExpiresAfter is null || ExpiresAfter > TimeSpan.Zero, "expires_after", ExpiresAfter, "none or > 0");
        p.Require(ShutdownGrace >= TimeSpan.Zero, "shutdown_grace", ShutdownGrace, ">= 0");
        p.Require(ShadowPricePoll >= TimeSpan.FromSeconds(1), "shadow_price_poll", ShadowPricePoll, ">= 1s");
        p.Require(ClosedAfterMissingReads >= 1, "closed_after_missing_reads", ClosedAfterMissingReads, ">= 1");
        return p.ToList();
    }
}
