using BenchmarkDotNet.Attributes;
using Halyard.Domain;
using Halyard.Journal;

namespace Halyard.Bench;

/// <summary>
/// One journal record of a typical replay cycle (three holds, seven waits, three positions; taken from the
/// default replay's cycles.jsonl) appended the way a replay appends it: to the run folder's journal
/// (cycles.jsonl, then the journal.db index pointing at the line) without an fsync per record, and without
/// the verdicts of its holds and waits (a cycle no longer journals them). The cycle number advances so
/// every append is a new record.
/// Run: dotnet run -c Release --project bench/Halyard.Bench -- --filter '*JournalBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private DecisionCycleRecord _record = null!;
    private string _folder = null!;
    private CompositeJournal _journal = null!;
    private long _cycle;

    [GlobalSetup]
    public void Setup()
    {
        var recorded = JournalJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "journal-record.json")));
        _record = recorded with { Verdicts = [.. recorded.Verdicts.Where(v => v.Action is not (DecisionAction.Hold or DecisionAction.Wait))] };
        _folder = Path.Combine(Path.GetTempPath(), "halyard-journal-bench-" + Guid.NewGuid().ToString("N"));
        _journal = CompositeJournal.OpenRunFolder(_folder, new JournalOptions(FsyncEachRecord: false, IndexCopiesRecords: false));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public void AppendOneRecord() => _journal.Append(_record with { Cycle = ++_cycle });

    [Benchmark]
    public int SerializeOneRecord() => JournalJson.SerializeLine(_record).Length;
}
