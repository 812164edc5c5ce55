namespace Halyard.Cycle.Live;

/// <summary>
/// The system clock shifted by a fixed offset: the traders' clock when they trade on a standalone paper
/// exchange that replays history (its time is read once from the venue). Durations, timers and
/// timestamps are the system clock's.
/// </summary>
public sealed class OffsetClock(TimeProvider system, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);
}
