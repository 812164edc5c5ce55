using Halyard.Journal;

namespace Halyard.Operations.Control;

/// <summary>
/// The running process's journaled cycles per trader, kept in memory for the dashboard and the status (the
/// last <see cref="Capacity"/> per trader; the journal file keeps them all). Thread-safe.
/// </summary>
public sealed class LiveRecords
{
    public const int Capacity = 20_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DecisionCycleRecord>> _byTrader = new(StringComparer.Ordinal);

    public void Add(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            if (!_byTrader.TryGetValue(record.TraderId, out var list))
            {
                list = [];
                _byTrader[record.TraderId] = list;
            }

            list.Add(record);
            if (list.Count > Capacity)
            {
                list.RemoveRange(0, list.Count - Capacity);
            }
        }
    }

    public IReadOnlyList<DecisionCycleRecord> Of(string traderId)
    {
        lock (_lock)
        {
            return _byTrader.TryGetValue(traderId, out var list) ? [.. list] : [];
        }
    }

    public DecisionCycleRecord? Last(string traderId)
    {
        lock (_lock)
        {
            return _byTrader.TryGetValue(traderId, out var list) && list.Count > 0 ? list[^1] : null;
        }
    }

    public DecisionCycleRecord? LastFailed(string traderId)
    {
        lock (_lock)
        {
            return _byTrader.TryGetValue(traderId, out var list) ? list.LastOrDefault(r => !r.Success) : null;
        }
    }
}
