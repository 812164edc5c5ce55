namespace Halyard.Execution.Ledger;

/// <summary>What happened to the ledger's disk since the last look: it stopped taking writes, or took them again.</summary>
/// <param name="Writable">False: writes fail (kept in memory); true: everything held in memory is on disk again.</param>
public sealed record LedgerHealth(bool Writable, string Message);

/// <summary>
/// The Orchestrator's view of its ledger when the disk fails (full, read-only, gone): a save that throws is kept
/// in memory, so the workflow goes on with the truth (the stop after a fill is placed from memory, never skipped
/// by an exception), and the entries are written again, in order, at the next save or <see cref="TryFlush"/>.
/// While anything is held in memory the ledger is not durable: the trader opens nothing new
/// (<see cref="Problem"/>). Each change of state is reported once by <see cref="DrainChanges"/>.
/// </summary>
internal sealed class ResilientLedger(IIntentLedger durable) : IIntentLedger
{
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _held = [];
    private readonly Dictionary<string, DateTimeOffset> _heldCheckpoints = new(StringComparer.Ordinal);
    private readonly List<LedgerHealth> _changes = [];
    private string? _problem;

    /// <summary>Why the ledger is not durable now; null: everything is on disk.</summary>
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problem;
            }
        }
    }

    public void Save(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _held.RemoveAll(e => e.Cloid == entry.Cloid);
            _held.Add(entry);
            FlushLocked();
        }
    }

    public LedgerEntry? Find(string cloid)
    {
        lock (_gate)
        {
            return _held.LastOrDefault(e => e.Cloid == cloid) ?? durable.Find(cloid);
        }
    }

    public IReadOnlyList<LedgerEntry> Entries(string traderId)
    {
        lock (_gate)
        {
            var stored = durable.Entries(traderId);
            if (_held.Count == 0)
            {
                return stored;
            }

            var held = _held.Where(e => e.TraderId == traderId).ToDictionary(e => e.Cloid, StringComparer.Ordinal);
            var merged = stored.Select(e => held.Remove(e.Cloid, out var newer) ? newer : e).ToList();
            merged.AddRange(_held.Where(e => e.TraderId == traderId && held.ContainsKey(e.Cloid)));
            return merged;
        }
    }

    public IReadOnlySet<string> KnownCloids(string traderId)
    {
        lock (_gate)
        {
            if (_held.Count == 0)
            {
                return durable.KnownCloids(traderId);
            }
        }

        return IntentLedgerExtensions.CloidsOf(Entries(traderId));
    }

    public void SaveCheckpoint(string traderId, DateTimeOffset fillsSeenUntil)
    {
        lock (_gate)
        {
            _heldCheckpoints[traderId] = fillsSeenUntil;
            FlushLocked();
        }
    }

    public DateTimeOffset? Checkpoint(string traderId)
    {
        lock (_gate)
        {
            return _heldCheckpoints.TryGetValue(traderId, out var held) ? held : durable.Checkpoint(traderId);
        }
    }

    /// <summary>Writes what is held in memory; true when the ledger is durable again (or was).</summary>
    public bool TryFlush()
    {
        lock (_gate)
        {
            FlushLocked();
            return _problem is null;
        }
    }

    /// <summary>The changes of state since the last call (fault, recovery), oldest first.</summary>
    public IReadOnlyList<LedgerHealth> DrainChanges()
    {
        lock (_gate)
        {
            var changes = _changes.ToArray();
            _changes.Clear();
            return changes;
        }
    }

    private void FlushLocked()
    {
        try
        {
            while (_held.Count > 0)
            {
                durable.Save(_held[0]);
                _held.RemoveAt(0);
            }

            foreach (var (trader, until) in _heldCheckpoints.ToArray())
            {
                durable.SaveCheckpoint(trader, until);
                _heldCheckpoints.Remove(trader);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            if (_problem is null)
            {
                _problem = "the intent ledger cannot be written (" + ex.Message + "): entries kept in memory, no new positions until it can";
                _changes.Add(new LedgerHealth(false, _problem));
            }

            return;
        }

        if (_problem is not null)
        {
            _changes.Add(new LedgerHealth(true, "the intent ledger is written again (" + _problem + ")"));
            _problem = null;
        }
    }
}
