namespace Halyard.Risk;

/// <summary>The stable names of the circuit breakers (journal <c>gating.paused_by</c>, summary).</summary>
public static class BreakerNames
{
    public const string DailyLoss = "daily_loss";
    public const string Drawdown = "max_drawdown";
}

/// <summary>A breaker that tripped at this observation.</summary>
/// <param name="Breaker"><see cref="BreakerNames.DailyLoss"/> or <see cref="BreakerNames.Drawdown"/>.</param>
/// <param name="LossPct">The loss that tripped it, in percent (of the day's opening equity, or of the high-water mark).</param>
/// <param name="Reference">The day's opening equity or the high-water mark.</param>
public sealed record BreakerTrip(string Breaker, decimal LossPct, decimal Reference, decimal Equity, DateTimeOffset At);

/// <summary>
/// The trader's circuit breakers (exec_guards <c>max_daily_loss_pct</c>, <c>max_drawdown_pct</c>) as an
/// immutable value with pure transitions. Daily: the loss from the equity at the first cycle of the UTC
/// day; once tripped, new opens stop until the next UTC day. Drawdown: the fall from the highest equity
/// seen; once tripped, new opens stop until an operator resumes the trader, which restarts the high-water
/// mark at the equity of that moment (else it would trip again at once). Closes and protection are never
/// stopped.
/// </summary>
public sealed record BreakerState(
    DateOnly? Day,
    decimal DayOpenEquity,
    decimal HighWaterMark,
    DateOnly? DailyTrippedOn,
    DateTimeOffset? DrawdownTrippedAt,
    decimal LastEquity = 0m)
{
    public static BreakerState Initial { get; } = new(null, 0m, 0m, null, null);

    public bool DailyTripped => DailyTrippedOn is { } d && d == Day;

    public bool DrawdownTripped => DrawdownTrippedAt is not null;

    /// <summary>The breakers stopping new opens now, in a stable order.</summary>
    public IReadOnlyList<string> Tripped => (DailyTripped, DrawdownTripped) switch
    {
        (true, true) => [BreakerNames.DailyLoss, BreakerNames.Drawdown],
        (true, false) => [BreakerNames.DailyLoss],
        (false, true) => [BreakerNames.Drawdown],
        _ => [],
    };

    /// <summary>Loss from the day's opening equity, in percent (negative: a gain).</summary>
    public decimal DailyLossPct(decimal equity) => DayOpenEquity > 0m ? (DayOpenEquity - equity) / DayOpenEquity * 100m : 0m;

    /// <summary>Fall from the high-water mark, in percent.</summary>
    public decimal DrawdownPct(decimal equity) => HighWaterMark > 0m ? (HighWaterMark - equity) / HighWaterMark * 100m : 0m;

    /// <summary>Feeds one cycle's equity; returns the new state and the breakers that tripped now (none when already tripped).</summary>
    public (BreakerState State, IReadOnlyList<BreakerTrip> Trips) Observe(decimal equity, DateTimeOffset now, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var next = Day == day ? this : this with { Day = day, DayOpenEquity = equity };
        next = next with { HighWaterMark = Math.Max(next.HighWaterMark, equity), LastEquity = equity };
        var trips = new List<BreakerTrip>(2);
        var daily = next.DailyLossPct(equity);
        if (!next.DailyTripped && next.DayOpenEquity > 0m && daily >= limits.MaxDailyLossPct)
        {
            next = next with { DailyTrippedOn = day };
            trips.Add(new BreakerTrip(BreakerNames.DailyLoss, daily, next.DayOpenEquity, equity, now));
        }

        var drawdown = next.DrawdownPct(equity);
        if (!next.DrawdownTripped && next.HighWaterMark > 0m && drawdown >= limits.MaxDrawdownPct)
        {
            next = next with { DrawdownTrippedAt = now };
            trips.Add(new BreakerTrip(BreakerNames.Drawdown, drawdown, next.HighWaterMark, equity, now));
        }

        return (next, trips);
    }

    /// <summary>The operator's resume: clears the drawdown breaker and restarts the high-water mark at <paramref name="equity"/>.</summary>
    public BreakerState Resume(decimal equity) => this with { DrawdownTrippedAt = null, HighWaterMark = equity, LastEquity = equity };
}
