namespace Halyard.Execution.Ledger;

/// <summary>
/// An <see cref="IIntentLedger"/> in memory (replays, tests, or a Manager that persists elsewhere). A trader's
/// entries and known cloids are built once per change and handed out until the next save (reconciliation reads
/// them every cycle; the ledger only grows).
/// </summary>
public sealed class InMemoryIntentLedger : IIntentLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, DateTimeOffset> _checkpoints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerEntry[]> _byTrader = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _cloids = new(StringComparer.Ordinal);

    public void Save(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (!_entries.ContainsKey(entry.Cloid))
            {
                _order.Add(entry.Cloid);
            }

            _entries[entry.Cloid] = entry;
            _byTrader.Remove(entry.TraderId);
            _cloids.Remove(entry.TraderId);
        }
    }

    public LedgerEntry? Find(string cloid)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(cloid);
        }
    }

    public IReadOnlyList<LedgerEntry> Entries(string traderId)
    {
        lock (_gate)
        {
            return EntriesLocked(traderId);
        }
    }

    public IReadOnlySet<string> KnownCloids(string traderId)
    {
        lock (_gate)
        {
            if (!_cloids.TryGetValue(traderId, out var cloids))
            {
                cloids = IntentLedgerExtensions.CloidsOf(EntriesLocked(traderId));
                _cloids[traderId] = cloids;
            }

            return cloids;
        }
    }

    private LedgerEntry[] EntriesLocked(string traderId)
    {
        if (!_byTrader.TryGetValue(traderId, out var entries))
        {
            entries = [.. _order.Select(c => _entries[c]).Where(e => e.TraderId == traderId)];
            _byTrader[traderId] = entries;
        }

        return entries;
    }

    public void SaveCheckpoint(string traderId, DateTimeOffset fillsSeenUntil)
    {
        lock (_gate)
        {
            _checkpoints[traderId] = fillsSeenUntil;
        }
    }

    public DateTimeOffset? Checkpoint(string traderId)
    {
        lock (_gate)
        {
            return _checkpoints.TryGetValue(traderId, out var value) ? value : null;
        }
    }
}
