using Halyard.Cycle.Scheduling;
using Halyard.Journal;

namespace Halyard.Cycle;

/// <summary>
/// One trader's loop: wait for the next cycle on the scheduler, run it, repeat, until the trader is
/// stopped (its token is cancelled) or the schedule ends. Cycles are due every <c>decision_interval</c>
/// from the first; a cycle that overran skips the slots it missed rather than running them back to back.
/// </summary>
public sealed class TraderLoop(TraderCycle cycle, ICycleScheduler scheduler)
{
    /// <summary>Called after each journaled cycle (progress display, tests).</summary>
    public Action<DecisionCycleRecord>? CycleCompleted { get; init; }

    public string TraderId => cycle.Setup.TraderId;

    /// <summary>Runs until cancelled or the schedule ends; cancellation ends it cleanly (no exception).</summary>
    public async Task RunAsync(DateTimeOffset firstDue, CancellationToken cancellationToken)
    {
        using var lease = scheduler.Join(TraderId);
        await RunAsync(lease, firstDue, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs on a lease already joined (the Manager joins every trader before any loop starts).</summary>
    public async Task RunAsync(IScheduleLease lease, DateTimeOffset firstDue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var interval = cycle.Setup.DecisionInterval;
        var due = firstDue;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!await lease.WaitUntilAsync(due, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                var record = await cycle.RunCycleAsync(cancellationToken).ConfigureAwait(false);
                CycleCompleted?.Invoke(record);
                due = NextDue(due, interval, scheduler.Clock.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: the loop ends with its trader.
        }
    }

    /// <summary>The first slot at or after <paramref name="now"/> on the grid <paramref name="previous"/> + k × interval (k ≥ 1).</summary>
    public static DateTimeOffset NextDue(DateTimeOffset previous, TimeSpan interval, DateTimeOffset now)
    {
        var elapsed = (now - previous).Ticks;
        var steps = Math.Max(1, (elapsed + interval.Ticks - 1) / interval.Ticks);
        return previous + TimeSpan.FromTicks(interval.Ticks * steps);
    }
}
