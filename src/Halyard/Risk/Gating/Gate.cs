using Halyard.Risk;

namespace Halyard.Risk.Gating;

/// <summary>Gate settings (design: <c>sharpe_pause_threshold</c>, <c>pause_duration_on_breach</c>).</summary>
/// <param name="SharpePauseThreshold">New opens pause when the annualised Sharpe is strictly below this.</param>
/// <param name="PauseDurationOnBreach">How long a pause lasts, from the breach.</param>
/// <param name="SafeModeAfterLlmFailures">Consecutive model failures that put the trader in safe mode.</param>
public sealed record GateOptions(double SharpePauseThreshold, TimeSpan PauseDurationOnBreach, int SafeModeAfterLlmFailures = 3)
{
    public static GateOptions From(RiskLimits limits, int safeModeAfterLlmFailures = 3)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new GateOptions(
            (double)limits.SharpePauseThreshold,
            limits.PauseDurationOnBreach,
            safeModeAfterLlmFailures);
    }
}

/// <summary>The stable reason strings of a closed gate.</summary>
public static class GateReasons
{
    public const string SharpePause = "sharpe_pause";
    public const string SafeMode = "safe_mode";
}

/// <summary>Whether new opens are allowed now, and why not. Closes and protection are never gated.</summary>
public sealed record GateDecision(bool OpensAllowed, bool SharpePaused, bool SafeMode, DateTimeOffset? PausedUntil, IReadOnlyList<string> Reasons);

/// <summary>
/// The gate's state as an immutable value with pure transitions:
/// <list type="bullet">
/// <item>a Sharpe breach (a reported Sharpe strictly below the threshold; a null Sharpe — below the
/// minimum sample — never breaches) pauses new opens for <see cref="GateOptions.PauseDurationOnBreach"/>
/// from the breach time; breaches during a pause do not extend it; a breach seen after it ends starts a
/// new one;</item>
/// <item>K consecutive model failures enter safe mode; the next answer leaves it.</item>
/// </list>
/// </summary>
public sealed record GateState(DateTimeOffset? PausedUntil, DateTimeOffset? LastBreachAt, double? LastBreachSharpe, int ConsecutiveLlmFailures, bool SafeMode)
{
    public static GateState Initial { get; } = new(null, null, null, 0, false);

    public bool IsPaused(DateTimeOffset now) => PausedUntil is { } until && now < until;

    public GateState ObserveSharpe(double? sharpe, DateTimeOffset now, GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (sharpe is not { } value || IsPaused(now) || !(value < options.SharpePauseThreshold))
        {
            return this;
        }

        return this with { PausedUntil = now + options.PauseDurationOnBreach, LastBreachAt = now, LastBreachSharpe = value };
    }

    /// <summary><paramref name="answered"/>: the model returned an answer (parsed or not); false for a failed call.</summary>
    public GateState ObserveLlmOutcome(bool answered, GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (answered)
        {
            return this with { ConsecutiveLlmFailures = 0, SafeMode = false };
        }

        var failures = ConsecutiveLlmFailures + 1;
        return this with { ConsecutiveLlmFailures = failures, SafeMode = failures >= options.SafeModeAfterLlmFailures };
    }

    public GateDecision Evaluate(DateTimeOffset now)
    {
        var paused = IsPaused(now);
        var reasons = new List<string>(2);
        if (paused)
        {
            reasons.Add(GateReasons.SharpePause);
        }

        if (SafeMode)
        {
            reasons.Add(GateReasons.SafeMode);
        }

        return new GateDecision(reasons.Count == 0, paused, SafeMode, paused ? PausedUntil : null, reasons);
    }
}

/// <summary>
/// One trader's gate, driven by the trader's clock. Not shared between traders and used by the
/// trader's own loop only (not thread-safe).
/// </summary>
public sealed class Gate
{
    private readonly GateOptions _options;
    private readonly TimeProvider _time;

    public Gate(GateOptions options, TimeProvider time, GateState? initial = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        State = initial ?? GateState.Initial;
    }

    public GateState State { get; private set; }

    /// <summary>Feeds the latest analytics' Sharpe (null below the minimum sample); returns the decision that now applies.</summary>
    public GateDecision ObserveSharpe(double? sharpe)
    {
        var now = _time.GetUtcNow();
        State = State.ObserveSharpe(sharpe, now, _options);
        return State.Evaluate(now);
    }

    public GateDecision ObserveLlmOutcome(bool answered)
    {
        State = State.ObserveLlmOutcome(answered, _options);
        return State.Evaluate(_time.GetUtcNow());
    }

    public GateDecision Evaluate() => State.Evaluate(_time.GetUtcNow());
}
