using Halyard.Journal;

namespace Halyard.Tests.Cycle.Support;

/// <summary>A journal store whose disk can fill up: while <see cref="Full"/>, every append throws like a full disk; <see cref="Bug"/> throws a non-I/O exception.</summary>
internal sealed class FailingJournal : IJournal
{
    private readonly MemoryJournal _inner = new();

    public bool Full { get; set; }

    public bool Bug { get; set; }

    public int Refused { get; private set; }

    public IReadOnlyList<DecisionCycleRecord> Records => _inner.Records;

    public void Append(DecisionCycleRecord record)
    {
        if (Bug)
        {
            throw new InvalidOperationException("a bug in the journal");
        }

        if (Full)
        {
            Refused++;
            throw new IOException("No space left on device");
        }

        _inner.Append(record);
    }

    public JournalReadResult ReadAll() => _inner.ReadAll();

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count) => _inner.ReadLast(traderId, count);

    public long? LastCycle(string traderId) => _inner.LastCycle(traderId);

    public void Dispose() => _inner.Dispose();
}
