using Halyard.PaperExchange.Clock;

namespace Halyard.Cycle.Replay;

/// <summary>
/// The Orchestrators' clock in a replay: a wait (retry backoff, GTC polling) is spent on the replay clock at
/// once, as the paper exchange spends its simulated latency, so a retry costs no real time and cannot stall
/// the schedule; timestamps come from the real stopwatch, so decision-to-order latencies are our own time.
/// The time of day is the replay clock's.
/// </summary>
public sealed class ReplayWaitClock(ReplayClock replay, TimeProvider stopwatch) : TimeProvider
{
    private long _waits;

    /// <summary>Waits spent on the replay clock so far (backoff, Retry-After, GTC polls).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    public override DateTimeOffset GetUtcNow() => replay.GetUtcNow();

    public override long GetTimestamp() => stopwatch.GetTimestamp();

    public override long TimestampFrequency => stopwatch.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
        {
            throw new NotSupportedException("A replay wait is one-shot; periodic timers are not used by the Orchestrator.");
        }

        var timer = new OneShot(callback, state);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Interlocked.Increment(ref _waits);
            replay.Advance(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }

        return timer;
    }

    private sealed class OneShot(TimerCallback callback, object? state) : ITimer
    {
        private int _state;

        public void Fire()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => Interlocked.Exchange(ref _state, 2);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
