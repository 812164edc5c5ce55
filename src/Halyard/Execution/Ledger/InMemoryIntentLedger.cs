namespace Halyard.Execution.Ledger;

/// <summary>
/// An <see cref="IIntentLedger"/> in memory (replays, tests, or a Manager that persists elsewhere). A trader's
/// entries and known cloids are built once and handed out until the next save (reconciliation reads them every
/// cycle; the ledger only grows); a save updates the trader's built list in place of building it again (a copy
/// with the entry appended or replaced) and drops the known cloids.
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
            var known = _entries.TryGetValue(entry.Cloid, out var old);
            if (!known)
            {
                _order.Add(entry.Cloid);
            }

            _entries[entry.Cloid] = entry;
            _cloids.Remove(entry.TraderId);
            if (known && old!.TraderId != entry.TraderId)
            {
                _byTrader.Remove(old.TraderId);
                _cloids.Remove(old.TraderId);
                _byTrader.Remove(entry.TraderId);
            }
            else if (_byTrader.TryGetValue(entry.TraderId, out var entries))
            {
                // The trader's list as EntriesLocked would build it again: a new cloid is the last in save order, a
                // known one keeps its place. A new array: the one handed out before stays as it was.
                _byTrader[entry.TraderId] = known ? Replaced(entries, old!, entry) : [.. entries, entry];
            }
        }
    }

    private static LedgerEntry[] Replaced(LedgerEntry[] entries, LedgerEntry old, LedgerEntry entry)
    {
        var copy = (LedgerEntry[])entries.Clone();
        for (var i = 0; i < copy.Length; i++)
        {
            if (ReferenceEquals(copy[i], old))
            {
                copy[i] = entry;
                return copy;
            }
        }

        throw new InvalidOperationException("The ledger's list of trader '" + entry.TraderId + "' lacks its entry " + entry.Cloid + ".");
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
