using System.Data.Common;
using System.Runtime.ExceptionServices;

namespace Halyard.Journal;

/// <summary>
/// The index's appends on a thread of their own, in the order they were handed over (a replay's journal: the
/// cycle goes on while its row is inserted). The thread wakes for every <see cref="WakeAt"/> rows (or a drain,
/// or the end), not for each. <see cref="Drain"/> waits until every handed row is in; an expected
/// failure of the database or disk is remembered for <see cref="TakeFailure"/> (the caller re-indexes from
/// <c>cycles.jsonl</c>, as after a failed append in place); anything else is a bug and is thrown by the next
/// <see cref="Enqueue"/> or <see cref="Drain"/>.
/// </summary>
internal sealed class BackgroundIndex : IDisposable
{
    public const int WakeAt = 32;

    private readonly SqliteJournal _index;
    private readonly object _gate = new();
    private readonly Queue<(DecisionCycleRecord Record, string? Json, JsonlLine? Line)> _queue = new();
    private readonly Thread _thread;
    private bool _busy;
    private bool _stopping;
    private int _draining;
    private int _failed;
    private ExceptionDispatchInfo? _bug;

    public BackgroundIndex(SqliteJournal index)
    {
        _index = index;
        _thread = new Thread(Run) { IsBackground = true, Name = "journal index" };
        _thread.Start();
    }

    public void Enqueue(DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        lock (_gate)
        {
            _bug?.Throw();
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue((record, json, line));
            if (_queue.Count >= WakeAt)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until every row handed over is inserted (or failed).</summary>
    public void Drain()
    {
        lock (_gate)
        {
            _draining++;
            Monitor.PulseAll(_gate);
            while (_queue.Count > 0 || _busy)
            {
                Monitor.Wait(_gate);
            }

            _draining--;
            _bug?.Throw();
        }
    }

    /// <summary>True once after an insert failed on the disk or in the database.</summary>
    public bool TakeFailure() => Interlocked.Exchange(ref _failed, 0) == 1;

    /// <summary>Inserts what is left, then ends the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void Run()
    {
        while (true)
        {
            (DecisionCycleRecord Record, string? Json, JsonlLine? Line)[] batch;
            lock (_gate)
            {
                while (_queue.Count < WakeAt && (_queue.Count == 0 || (_draining == 0 && !_stopping)))
                {
                    if (_stopping && _queue.Count == 0)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                batch = [.. _queue];
                _queue.Clear();
                _busy = true;
            }

            try
            {
                foreach (var (record, json, line) in batch)
                {
                    Insert(record, json, line);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _busy = false;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    private void Insert(DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        try
        {
            _index.Append(record, json, line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            Interlocked.Exchange(ref _failed, 1);
        }
        catch (Exception ex)
        {
            _bug ??= ExceptionDispatchInfo.Capture(ex);
        }
    }
}
