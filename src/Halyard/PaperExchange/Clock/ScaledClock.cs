namespace Halyard.PaperExchange.Clock;

/// <summary>
/// Replays a historical window in real time or N× faster: virtual time = start + (elapsed real time × speed),
/// frozen at <see cref="End"/> when one is given. Timers run on the real clock, scaled down by the speed.
/// </summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly long _realStart;
    private readonly DateTimeOffset _start;
    private readonly double _speed;

    public ScaledClock(TimeProvider real, DateTimeOffset start, double speed, DateTimeOffset? end = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (!(speed > 0) || double.IsInfinity(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), "Speed must be a positive number.");
        }

        _real = real;
        _realStart = real.GetTimestamp();
        _start = start;
        _speed = speed;
        End = end;
    }

    public DateTimeOffset Start => _start;

    public DateTimeOffset? End { get; }

    public double Speed => _speed;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _real.GetElapsedTime(_realStart);
        var now = _start + TimeSpan.FromTicks((long)(elapsed.Ticks * _speed));
        return End is { } end && now > end ? end : now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_real.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / _speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
