namespace Halyard.Cycle.Scheduling;

/// <summary>
/// Drives trader loops on a virtual clock as fast as the machine allows: once every registered loop is
/// waiting, the clock jumps to the earliest due time and only that loop is released (ties in trader-id
/// order), so cycles run one at a time in a deterministic order and each sees the venue exactly as its
/// own time. When the earliest due time reaches <see cref="End"/> every loop is told the schedule is over.
/// </summary>
public sealed class ReplayScheduler : ICycleScheduler
{
    private readonly Lock _gate = new();
    private readonly Func<DateTimeOffset, Task> _advanceTo;
    private readonly List<Lease> _members = [];
    private bool _ended;
    private bool _advancing;
    private long _dispatched;

    /// <param name="clock">The virtual clock the traders read.</param>
    /// <param name="advanceTo">Moves <paramref name="clock"/> forward to a time (firing its timers).</param>
    /// <param name="end">Cycles due at or after this do not run.</param>
    public ReplayScheduler(TimeProvider clock, Action<DateTimeOffset> advanceTo, DateTimeOffset end)
        : this(clock, Synchronous(clock, advanceTo), end)
    {
    }

    /// <param name="clock">The virtual clock the traders read.</param>
    /// <param name="advanceTo">
    /// Moves <paramref name="clock"/> forward to a time, asynchronously (the replay with WebSocket pushes steps it
    /// from venue event to venue event and lets the reactions run at each); called before every release, also
    /// when the time does not move, while every trader waits.
    /// </param>
    /// <param name="end">Cycles due at or after this do not run.</param>
    public ReplayScheduler(TimeProvider clock, Func<DateTimeOffset, Task> advanceTo, DateTimeOffset end)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _advanceTo = advanceTo ?? throw new ArgumentNullException(nameof(advanceTo));
        End = end;
    }

    public TimeProvider Clock { get; }

    public DateTimeOffset End { get; }

    /// <summary>Cycles released so far.</summary>
    public long Dispatched => Interlocked.Read(ref _dispatched);

    public IScheduleLease Join(string traderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(traderId);
        var lease = new Lease(this, traderId);
        lock (_gate)
        {
            _members.Add(lease);
        }

        return lease;
    }

    private ValueTask<bool> Wait(Lease lease, DateTimeOffset due, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // Completed inline only where the releasing thread is done with everything else (see Release); else on the pool.
        var waiter = new TaskCompletionSource<bool>();
        lock (_gate)
        {
            if (_ended)
            {
                return ValueTask.FromResult(false);
            }

            lease.Due = due;
            lease.Waiter = waiter;
        }

        if (ct.CanBeCanceled)
        {
            lease.Registration = ct.Register(() => Cancel(lease, waiter, ct));
        }

        Dispatch(lease);
        return new ValueTask<bool>(waiter.Task);
    }

    private void Cancel(Lease lease, TaskCompletionSource<bool> waiter, CancellationToken ct)
    {
        lock (_gate)
        {
            if (lease.Waiter == waiter)
            {
                lease.Waiter = null;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.Waiter.TrySetCanceled(state.Token), (Waiter: waiter, Token: ct), preferLocal: false);
    }

    private void Leave(Lease lease)
    {
        lock (_gate)
        {
            _members.Remove(lease);
        }

        Dispatch(null);
    }

    /// <summary>
    /// When every member waits: end the schedule, or advance to the earliest due and release that member.
    /// <paramref name="caller"/> is the member whose wait called this (its waiter has no continuation yet), null on a leave.
    /// </summary>
    private void Dispatch(Lease? caller)
    {
        Lease? next;
        List<(Lease Member, TaskCompletionSource<bool> Waiter)>? finished = null;
        lock (_gate)
        {
            next = _advancing ? null : Earliest(_members);
            if (next is null)
            {
                return;
            }

            if (next.Due >= End)
            {
                _ended = true;
                finished = [.. _members.Select(m => (m, m.Waiter!))];
                foreach (var member in _members)
                {
                    member.Waiter = null;
                }

                next = null;
            }
            else
            {
                _advancing = true;
            }
        }

        if (finished is not null)
        {
            foreach (var (member, waiter) in finished)
            {
                Complete(waiter, false, null, inline: member == caller);
            }

            return;
        }

        Task advance;
        try
        {
            advance = _advanceTo(next!.Due);
        }
        catch
        {
            lock (_gate)
            {
                _advancing = false;
            }

            throw;
        }

        if (advance.IsCompletedSuccessfully)
        {
            Release(next, null, inline: next == caller);
        }
        else
        {
            _ = ReleaseAfterAsync(next, advance, caller);
        }
    }

    /// <summary>The member due first (ties in trader-id order), or null when there is none or one is not waiting.</summary>
    private static Lease? Earliest(List<Lease> members)
    {
        Lease? earliest = null;
        foreach (var member in members)
        {
            if (member.Waiter is null)
            {
                return null;
            }

            if (earliest is null || member.Due < earliest.Due || (member.Due == earliest.Due && string.CompareOrdinal(member.TraderId, earliest.TraderId) < 0))
            {
                earliest = member;
            }
        }

        return earliest;
    }

    private static Func<DateTimeOffset, Task> Synchronous(TimeProvider clock, Action<DateTimeOffset> advanceTo)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(advanceTo);
        return due =>
        {
            if (due > clock.GetUtcNow())
            {
                advanceTo(due);
            }

            return Task.CompletedTask;
        };
    }

    private async Task ReleaseAfterAsync(Lease next, Task advance, Lease? caller)
    {
        var finishedBefore = advance.IsCompleted;
        Exception? failure = null;
        try
        {
            await advance.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        // The advance's last continuation: this thread has nothing left to do, so the released cycle runs on it (no hop).
        Release(next, failure, inline: !finishedBefore || next == caller);
    }

    /// <summary>
    /// Lets <paramref name="next"/> run its cycle (or fails its wait when the advance failed: a bug): on this thread when
    /// <paramref name="inline"/> (its continuation runs here, now), else on the thread pool.
    /// </summary>
    private void Release(Lease next, Exception? failure, bool inline)
    {
        TaskCompletionSource<bool>? release;
        lock (_gate)
        {
            _advancing = false;
            release = next.Waiter;
            next.Waiter = null;
        }

        next.Registration.Dispose();
        Interlocked.Increment(ref _dispatched);
        if (release is not null)
        {
            Complete(release, true, failure, inline);
        }
    }

    private static void Complete(TaskCompletionSource<bool> waiter, bool result, Exception? failure, bool inline)
    {
        if (!inline)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static state => Complete(state.Waiter, state.Result, state.Failure, inline: true), (Waiter: waiter, Result: result, Failure: failure), preferLocal: false);
            return;
        }

        if (failure is null)
        {
            waiter.TrySetResult(result);
        }
        else
        {
            waiter.TrySetException(failure);
        }
    }

    private sealed class Lease(ReplayScheduler owner, string traderId) : IScheduleLease
    {
        public string TraderId { get; } = traderId;

        public DateTimeOffset Due { get; set; }

        public TaskCompletionSource<bool>? Waiter { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public ValueTask<bool> WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken) => owner.Wait(this, due, cancellationToken);

        public void Dispose()
        {
            Registration.Dispose();
            owner.Leave(this);
        }
    }
}
