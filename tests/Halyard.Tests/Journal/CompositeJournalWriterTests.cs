using Halyard.Journal;

namespace Halyard.Tests.Journal;

/// <summary>
/// A replay's journal (no fsync) writes on a thread of its own: the same bytes in the same order as the live
/// loop's journal, every read waits for the records handed over, and a disk that refuses a line stops the writer
/// at that record, surfaces at the next append (for <see cref="ResilientJournal"/>) and loses nothing once it is back.
/// </summary>
public class CompositeJournalWriterTests
{
    private static readonly JournalOptions Fast = new(FsyncEachRecord: false, IndexCopiesRecords: false);

    [Fact]
    public void Append_WithoutFsync_WritesTheSameBytesInTheSameOrderAsWithFsync()
    {
        using var dir = new TempDirectory();
        var records = Sequence(BackgroundWriter.WakeAt * 3 + 5).ToList();
        foreach (var (name, options) in new[] { ("sync", new JournalOptions(FsyncEachRecord: true)), ("writer", Fast) })
        {
            using var journal = CompositeJournal.OpenRunFolder(Path.Combine(dir.Path, name), options);
            records.ForEach(journal.Append);
        }

        var sync = File.ReadAllBytes(Path.Combine(dir.Path, "sync", CompositeJournal.JsonlFileName));
        Assert.Equal(sync, File.ReadAllBytes(Path.Combine(dir.Path, "writer", CompositeJournal.JsonlFileName)));
        var lines = System.Text.Encoding.UTF8.GetString(sync).Split('\n');
        Assert.Equal(records.Count + 1, lines.Length);
        Assert.Contains("\"plans_since\":2", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_WaitForTheRecordsHandedOver()
    {
        using var dir = new TempDirectory();
        using var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast);

        // Fewer records than wake the writer: only a read's wait gets them written.
        for (var c = 1; c <= 3; c++)
        {
            journal.Append(JournalSamples.Record(c));
        }

        Assert.Equal(3, journal.LastCycle("t01"));
        journal.Append(JournalSamples.Record(4));
        Assert.Equal([3L, 4L], journal.ReadLast("t01", 2).Select(r => r.Cycle));
        journal.Append(JournalSamples.Record(5));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], journal.ReadAll().Records.Select(r => r.Cycle));
        journal.Append(JournalSamples.Record(6));
        Assert.Equal(6, journal.Index.LastCycle("t01"));
        journal.Append(JournalSamples.Record(7));
        journal.Flush();
        Assert.Equal(7, journal.Primary.ReadAll().Records.Count);
    }

    [Fact]
    public void Dispose_WritesTheRecordsStillWaiting()
    {
        using var dir = new TempDirectory();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast))
        {
            Enumerable.Range(1, 5).ToList().ForEach(c => journal.Append(JournalSamples.Record(c)));
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], JsonlJournal.Read(dir.File(CompositeJournal.JsonlFileName)).Records.Select(r => r.Cycle));
        using var reopened = CompositeJournal.OpenRunFolder(dir.Path, Fast);
        Assert.Equal(0, reopened.Reindexed);
        Assert.Equal(5, reopened.LastCycle("t01"));
    }

    [Fact]
    public void Append_DiskRefusesALineOnTheWriter_TheNextAppendThrowsIt_AndTheWaitingRecordsAreWrittenInOrderOnceItIsBack()
    {
        using var dir = new TempDirectory();
        var disk = new Disk();
        using var journal = Open(dir, disk);
        var records = Sequence(6).ToList();
        journal.Append(records[0]);
        journal.Flush();
        disk.Full = true;
        journal.Append(records[1]); // full plans
        journal.Append(records[2]); // refers to records[1]'s plans
        journal.Flush(); // the writer meets the full disk at records[1] and stops there

        Assert.Equal([1L], journal.ReadAll().Records.Select(r => r.Cycle));
        var refused = Assert.Throws<IOException>(() => journal.Append(records[3]));
        Assert.Equal(Disk.Message, refused.Message);
        Assert.Equal([1L], journal.ReadAll().Records.Select(r => r.Cycle));

        disk.Full = false;
        journal.Append(records[3]);
        journal.Append(records[4]);

        var read = journal.ReadAll().Records;
        Assert.Equal([1L, 2L, 3L, 4L, 5L], read.Select(r => r.Cycle));
        Assert.All(read, r => Assert.Equal(JournalJson.Serialize(records[(int)r.Cycle - 1]), JournalJson.Serialize(r)));
        var file = journal.Primary.ReadAll();
        Assert.True(file.IsClean);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], file.Records.Select(r => r.Cycle));
        Assert.Equal(5, disk.Written);
    }

    [Fact]
    public void ResilientJournal_OverTheWriter_HoldsTheRecordAfterTheRefusedOne_AndSaysSoInTheJournal()
    {
        using var dir = new TempDirectory();
        var disk = new Disk();
        using var journal = Open(dir, disk);
        var resilient = new ResilientJournal(journal);
        Assert.True(resilient.Append(JournalSamples.Record(1)).Written);
        journal.Flush();
        disk.Full = true;
        Assert.True(resilient.Append(JournalSamples.Record(2)).Written); // handed over: the writer has not met the disk yet
        journal.Flush();

        var third = resilient.Append(JournalSamples.Record(3));
        Assert.False(third.Written);
        Assert.Contains(third.Record.Actions, a => a is { Action: ActionNames.Journal, Result: ActionNames.Unwritable });
        Assert.Contains(Disk.Message, resilient.Problem, StringComparison.Ordinal);
        Assert.False(resilient.TryFlush());
        Assert.Equal(1, resilient.Held);

        disk.Full = false;
        var fourth = resilient.Append(JournalSamples.Record(4));

        Assert.True(fourth.Written);
        Assert.Null(resilient.Problem);
        Assert.Contains(fourth.Record.Actions, a => a is { Action: ActionNames.Journal, Result: ActionNames.WritableAgain });
        var read = journal.ReadAll().Records;
        Assert.Equal([1L, 2L, 3L, 4L], read.Select(r => r.Cycle));
        Assert.Contains(read[2].Actions, a => a.Result == ActionNames.Unwritable);
    }

    /// <summary>Records 1..count of one trader; from the second on, each holds the same plans (stored once, then referred to).</summary>
    private static IEnumerable<DecisionCycleRecord> Sequence(int count) =>
        Enumerable.Range(1, count).Select(c => JournalSamples.Record(c) with
        {
            Plans = c == 1 ? null : [new PlanRecord { Symbol = "BTC", Reasoning = "trend", StopLoss = 63000m, OpenedCycle = 2, OpenedAt = JournalSamples.Start }],
        });

    private static CompositeJournal Open(TempDirectory dir, Disk disk)
    {
        var primary = JsonlJournal.Open(dir.File(CompositeJournal.JsonlFileName), Fast);
        var index = SqliteJournal.Open(dir.File(CompositeJournal.SqliteFileName), Fast);
        return new CompositeJournal(primary, index, Fast, line => disk.Write(primary, line));
    }

    /// <summary>The disk under <c>cycles.jsonl</c>: refuses every line while full.</summary>
    private sealed class Disk
    {
        public const string Message = "No space left on device";

        public volatile bool Full;

        public int Written { get; private set; }

        public long Write(JsonlJournal primary, ReadOnlySpan<byte> line)
        {
            if (Full)
            {
                throw new IOException(Message);
            }

            Written++;
            return primary.AppendLine(line);
        }
    }
}
