namespace Halyard.PaperExchange.Clock;

/// <summary>
/// Virtual time for replays: it stands still until the run advances it, then jumps, firing every timer
/// that falls due on the way in order (so <c>Task.Delay</c>, timeouts and <c>CancelAfter</c> created on it
/// behave as they would in real time, only as fast as the run goes). Thread-safe.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ReplayTimer> _timers = [];
    private readonly TimeSpan _offset;
    private long _sequence;

    // The current instant as UTC ticks: written under the gate, read without it (a 64-bit read is atomic), so the
    // many readers of the time (every step of a cycle) never wait on the timers' lock.
    private long _nowTicks;

    public ReplayClock(DateTimeOffset start)
    {
        _offset = start.Offset;
        _nowTicks = start.UtcTicks;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => At(Volatile.Read(ref _nowTicks));

    public override long GetTimestamp() => Volatile.Read(ref _nowTicks);

    /// <summary>The current instant (call under the gate).</summary>
    private DateTimeOffset Now
    {
        get => At(_nowTicks);
        set => Volatile.Write(ref _nowTicks, value.UtcTicks);
    }

    private DateTimeOffset At(long utcTicks) => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(_offset);

    /// <summary>Moves time forward by <paramref name="delta"/> (≥ 0), firing due timers in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = Now + delta;
        }

        AdvanceTo(target);
    }

    /// <summary>Moves time forward to <paramref name="target"/> (never backwards), firing due timers in order.</summary>
    public void AdvanceTo(DateTimeOffset target) => AdvanceUntil(target, static () => false);

    /// <summary>
    /// Like <see cref="AdvanceTo"/>, but stops right after the timer whose firing makes <paramref name="stop"/>
    /// true (time then stays at that timer's instant). Returns true when it stopped early.
    /// </summary>
    public bool AdvanceUntil(DateTimeOffset target, Func<bool> stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        while (true)
        {
            ReplayTimer? due = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.DueAt <= target && (due is null || timer.DueAt < due.DueAt || (timer.DueAt == due.DueAt && timer.Sequence < due.Sequence)))
                    {
                        due = timer;
                    }
                }

                if (due is null)
                {
                    if (target > Now)
                    {
                        Now = target;
                    }

                    return false;
                }

                if (due.DueAt > Now)
                {
                    Now = due.DueAt;
                }

                due.Reschedule(Now);
            }

            due.Fire();
            if (stop())
            {
                return true;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ReplayTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ReplayTimer timer, bool active)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (active)
            {
                timer.Sequence = _sequence++;
                _timers.Add(timer);
            }
        }
    }

    private sealed class ReplayTimer(ReplayClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                clock.Schedule(this, active: false);
                return true;
            }

            DueAt = clock.GetUtcNow() + dueTime;
            clock.Schedule(this, active: true);
            return true;
        }

        /// <summary>Called under the clock's lock: removes a one-shot timer or moves a periodic one on.</summary>
        public void Reschedule(DateTimeOffset now)
        {
            if (_period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
            {
                clock._timers.Remove(this);
            }
            else
            {
                DueAt = now + _period;
                Sequence = clock._sequence++;
            }
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Schedule(this, active: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
