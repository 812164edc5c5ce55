using System.Runtime.ExceptionServices;

namespace Halyard.Journal;

/// <summary>
/// A journal's writes on a thread of their own, in the order they were handed over (a replay's journal: the
/// cycle goes on while its record is serialised, written to <c>cycles.jsonl</c> and indexed). The thread wakes
/// for every <see cref="WakeAt"/> records (or a drain, or the end), not for each, and then writes until the queue
/// is empty; <see cref="Enqueue"/> waits while <see cref="MaxQueued"/> records are waiting (a writer that falls
/// behind slows the cycle down instead of holding the run in memory).
/// <para>
/// A write that fails on the disk (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>) stops
/// the writer with that record still first in the queue: nothing after it is written, so the order holds.
/// <see cref="Failed"/> says so, and <see cref="Retry"/> tries again from that record (and throws the failure
/// when it fails again). Any other exception is a bug: the record is dropped and the exception is thrown by the
/// next <see cref="Enqueue"/>, <see cref="Drain"/> or <see cref="Retry"/>.
/// </para>
/// </summary>
internal sealed class BackgroundWriter : IDisposable
{
    public const int WakeAt = 32;
    public const int MaxQueued = 1024;

    private readonly Action<DecisionCycleRecord> _write;
    private readonly object _gate = new();
    private readonly Queue<DecisionCycleRecord> _queue = new();
    private readonly Thread _thread;
    private bool _busy;
    private bool _active;
    private bool _stopping;
    private int _draining;
    private ExceptionDispatchInfo? _failure;
    private ExceptionDispatchInfo? _bug;

    /// <param name="write">Writes one record (on the writer's thread); throws on a failing disk.</param>
    /// <param name="name">The thread's name.</param>
    public BackgroundWriter(Action<DecisionCycleRecord> write, string name)
    {
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>True while a write failed on the disk and the records from it on wait for <see cref="Retry"/>.</summary>
    public bool Failed
    {
        get
        {
            lock (_gate)
            {
                return _failure is not null;
            }
        }
    }

    /// <summary>Hands one record over (after the ones handed before it).</summary>
    public void Enqueue(DecisionCycleRecord record)
    {
        lock (_gate)
        {
            _bug?.Throw();
            ObjectDisposedException.ThrowIf(_stopping, this);
            while (_queue.Count >= MaxQueued && _failure is null)
            {
                _draining++;
                Monitor.PulseAll(_gate);
                Monitor.Wait(_gate);
                _draining--;
                _bug?.Throw();
            }

            _queue.Enqueue(record);
            if (_queue.Count == WakeAt && !_active)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until every record handed over is written, or the writer stopped at a failed write (<see cref="Failed"/>).</summary>
    public void Drain()
    {
        lock (_gate)
        {
            WaitIdle();
            _bug?.Throw();
        }
    }

    /// <summary>After a failed write: writes the waiting records again, in order; throws the failure when a write fails again.</summary>
    public void Retry()
    {
        lock (_gate)
        {
            _failure = null;
            WaitIdle();
            _bug?.Throw();
            _failure?.Throw();
        }
    }

    /// <summary>Writes what is left (after a failed write, tries once more from it), then ends the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _failure = null;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void WaitIdle()
    {
        _draining++;
        Monitor.PulseAll(_gate);
        while ((_queue.Count > 0 && _failure is null && _bug is null) || _busy)
        {
            Monitor.Wait(_gate);
        }

        _draining--;
    }

    private void Run()
    {
        while (true)
        {
            DecisionCycleRecord next;
            lock (_gate)
            {
                while (_failure is not null || _queue.Count == 0 || (!_active && _queue.Count < WakeAt && _draining == 0 && !_stopping))
                {
                    _active = false;
                    if (_stopping && (_queue.Count == 0 || _failure is not null))
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                _active = true;
                _busy = true;
                next = _queue.Peek();
            }

            ExceptionDispatchInfo? failure = null;
            ExceptionDispatchInfo? bug = null;
            try
            {
                _write(next);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            catch (Exception ex)
            {
                bug = ExceptionDispatchInfo.Capture(ex);
            }

            lock (_gate)
            {
                _busy = false;
                if (failure is null)
                {
                    _queue.Dequeue();
                }

                _failure = failure;
                _bug ??= bug;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
