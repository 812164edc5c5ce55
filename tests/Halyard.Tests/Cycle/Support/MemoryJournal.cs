using Halyard.Journal;

namespace Halyard.Tests.Cycle.Support;

/// <summary>A journal that keeps the records in memory (thread-safe).</summary>
internal sealed class MemoryJournal : IJournal
{
    private readonly Lock _gate = new();
    private readonly List<DecisionCycleRecord> _records = [];

    public IReadOnlyList<DecisionCycleRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public void Append(DecisionCycleRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    public JournalReadResult ReadAll() => new(Records, []);

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count) =>
        [.. Records.Where(r => r.TraderId == traderId).TakeLast(count)];

    public long? LastCycle(string traderId) => Records.Where(r => r.TraderId == traderId).Select(r => (long?)r.Cycle).Max();

    public void Dispose()
    {
    }
}
