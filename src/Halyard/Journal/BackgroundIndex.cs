using System.Data.Common;
using System.Runtime.ExceptionServices;

namespace Halyard.Journal;

/// <summary>
/// The index's appends on a thread of their own, in the order they were handed over (a replay's journal: the
/// cycle goes on while its row is inserted). <see cref="Drain"/> waits until every handed row is in; an expected
/// failure of the database or disk is remembered for <see cref="TakeFailure"/> (the caller re-indexes from
/// <c>cycles.jsonl</c>, as after a failed append in place); anything else is a bug and is thrown by the next
/// <see cref="Enqueue"/> or <see cref="Drain"/>.
/// </summary>
internal sealed class BackgroundIndex : IDisposable
{
    private readonly SqliteJournal _index;
    private readonly object _gate = new();
    private readonly Queue<(DecisionCycleRecord Record, string? Json, JsonlLine? Line)> _queue = new();
    private readonly Thread _thread;
    private bool _busy;
    private bool _stopping;
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
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until every row handed over is inserted (or failed).</summary>
    public void Drain()
    {
        lock (_gate)
        {
            while (_queue.Count > 0 || _busy)
            {
                Monitor.Wait(_gate);
            }

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
            (DecisionCycleRecord Record, string? Json, JsonlLine? Line) item;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                item = _queue.Dequeue();
                _busy = true;
            }

            try
            {
                _index.Append(item.Record, item.Json, item.Line);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
            {
                Interlocked.Exchange(ref _failed, 1);
            }
            catch (Exception ex)
            {
                _bug ??= ExceptionDispatchInfo.Capture(ex);
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
}
