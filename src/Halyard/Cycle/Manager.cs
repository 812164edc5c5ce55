using System.Collections.Concurrent;
using Halyard.Cycle.Scheduling;
using Halyard.Journal;

namespace Halyard.Cycle;

/// <summary>
/// The Manager: one loop per trader, all running concurrently on one scheduler (the wall clock live, the
/// replay clock in a replay). Cancelling the run's token stops every loop. A loop never outlives its trader: <see cref="RunAsync"/> returns only when every loop has ended.
/// </summary>
public sealed class Manager
{
    private readonly IReadOnlyList<TraderCycle> _traders;
    private readonly ICycleScheduler _scheduler;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public Manager(IReadOnlyList<TraderCycle> traders, ICycleScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(traders);
        _scheduler = scheduler ?? throw new ArgumentNullException(nameof(scheduler));
        if (traders.Select(t => t.Setup.TraderId).Distinct(StringComparer.Ordinal).Count() != traders.Count)
        {
            throw new ArgumentException("Trader ids must be unique: one loop per trader.", nameof(traders));
        }

        _traders = traders;
    }

    public IReadOnlyList<TraderCycle> Traders => _traders;

    /// <summary>Called after each journaled cycle of any trader (from that trader's loop).</summary>
    public Action<DecisionCycleRecord>? CycleCompleted { get; init; }

    /// <summary>Called at once when a trader's loop ends with an exception (a bug): the others go on, <see cref="RunAsync"/> rethrows at the end.</summary>
    public Action<string, Exception>? TraderFaulted { get; init; }

    /// <summary>The traders whose loop is running now.</summary>
    public IReadOnlyCollection<string> RunningTraders => [.. _running.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Runs every trader's loop from <paramref name="start"/> until cancelled or the schedule ends.</summary>
    public async Task RunAsync(DateTimeOffset start, CancellationToken cancellationToken)
    {
        var loops = new List<Task>(_traders.Count);
        var stops = new List<CancellationTokenSource>(_traders.Count);
        var leases = _traders.Select(t => _scheduler.Join(t.Setup.TraderId)).ToArray();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            for (var i = 0; i < _traders.Count; i++)
            {
                var trader = _traders[i];
                var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                stops.Add(stop);
                var loop = new TraderLoop(trader, _scheduler) { CycleCompleted = CycleCompleted };
                var task = RunLoopAsync(loop, leases[i], start, stop.Token, ready.Task);
                if (!_running.TryAdd(trader.Setup.TraderId, task))
                {
                    throw new InvalidOperationException($"Trader '{trader.Setup.TraderId}' is already running.");
                }

                loops.Add(task);
            }

            ready.SetResult();
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch
        {
            ready.TrySetCanceled(CancellationToken.None);
            foreach (var stop in stops)
            {
                stop.Cancel();
            }

            await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }
        finally
        {
            foreach (var stop in stops)
            {
                stop.Dispose();
            }
        }
    }

    /// <summary>
    /// After <see cref="RunAsync"/> returned on a stop: each trader's last pass (every position with a live stop,
    /// or flat with <see cref="StopPolicy.Flatten"/>), all at once; one summary line per trader.
    /// </summary>
    public async Task<IReadOnlyList<string>> FinishAsync(StopPolicy policy, CancellationToken force) =>
        await Task.WhenAll(_traders.Select(t => t.FinishAsync(policy, force))).ConfigureAwait(false);

    /// <summary>What a forced stop leaves: the traders still running and the intent each has in hand.</summary>
    public IReadOnlyList<string> Unfinished() =>
        [.. _traders.Where(t => t.State.InHand is not null || _running.ContainsKey(t.Setup.TraderId))
            .Select(t => t.Setup.TraderId + ": " + (t.State.InHand is { } hand ? hand + " in hand" : "cycle not finished"))];

    /// <summary>
    /// The operator's resume of a trader stopped by the drawdown circuit breaker (also callable while its
    /// loop runs): applied at the trader's next cycle, which clears the breaker, restarts the high-water
    /// mark at the equity of that moment and journals an <c>operator_resume</c> action. False for an
    /// unknown trader. The daily-loss breaker is not resumable: it ends when the UTC day rolls over.
    /// </summary>
    public bool ResumeTrader(string traderId, string by, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var trader = _traders.FirstOrDefault(t => t.Setup.TraderId == traderId);
        if (trader is null)
        {
            return false;
        }

        trader.RequestResume(by, note);
        return true;
    }

    private async Task RunLoopAsync(TraderLoop loop, IScheduleLease lease, DateTimeOffset start, CancellationToken stop, Task ready)
    {
        using (lease)
        {
            try
            {
                await ready.ConfigureAwait(false);
                await loop.RunAsync(lease, start, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TraderFaulted?.Invoke(loop.TraderId, ex);
                throw;
            }
            finally
            {
                _running.TryRemove(loop.TraderId, out _);
            }
        }
    }
}
