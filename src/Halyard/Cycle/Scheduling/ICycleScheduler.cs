namespace Halyard.Cycle.Scheduling;

/// <summary>
/// When trader loops run their next cycle. Live: the wall clock (<see cref="WallClockScheduler"/>). Replay:
/// a virtual clock that jumps from cycle to cycle as soon as every loop is waiting
/// (<see cref="ReplayScheduler"/>). The loop code is the same.
/// </summary>
public interface ICycleScheduler
{
    /// <summary>The scheduler's clock (the traders' clock).</summary>
    TimeProvider Clock { get; }

    /// <summary>Registers one trader loop; dispose the lease when the loop ends.</summary>
    IScheduleLease Join(string traderId);
}

/// <summary>One loop's place in the schedule.</summary>
public interface IScheduleLease : IDisposable
{
    /// <summary>Waits until <paramref name="due"/> on the scheduler's clock; false when the schedule has ended.</summary>
    ValueTask<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken);
}

/// <summary>Cycles on the real clock (or any <see cref="TimeProvider"/>), optionally until an end time.</summary>
public sealed class WallClockScheduler(TimeProvider clock, DateTimeOffset? end = null) : ICycleScheduler
{
    public TimeProvider Clock { get; } = clock ?? throw new ArgumentNullException(nameof(clock));

    public IScheduleLease Join(string traderId) => new Lease(this);

    private sealed class Lease(WallClockScheduler owner) : IScheduleLease
    {
        public async ValueTask<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
        {
            if (owner.EndReached(due))
            {
                return false;
            }

            var wait = due - owner.Clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, owner.Clock, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return true;
        }

        public void Dispose()
        {
        }
    }

    private bool EndReached(DateTimeOffset due) => end is { } e && due >= e;
}
