namespace Halyard.Execution.Ledger;

/// <summary>An <see cref="IIntentLedger"/> in memory (replays, tests, or a Manager that persists elsewhere).</summary>
public sealed class InMemoryIntentLedger : IIntentLedger
{
    private readonly object _gate = new();
    private readonly Dictionary<string, LedgerEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, DateTimeOffset> _checkpoints = new(StringComparer.Ordinal);

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
            return _order.Select(c => _entries[c]).Where(e => e.TraderId == traderId).ToArray();
        }
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
