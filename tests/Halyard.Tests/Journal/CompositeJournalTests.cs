using Halyard.Journal;

namespace Halyard.Tests.Journal;

public class CompositeJournalTests
{
    private static readonly JournalOptions Fast = new(FsyncEachRecord: false);

    [Fact]
    public void OpenRunFolder_Append_WritesTheRecordToBothFiles()
    {
        using var dir = new TempDirectory();
        var record = JournalSamples.Record(1);
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast))
        {
            journal.Append(record);
            Assert.Equal(JournalJson.Serialize(record), JournalJson.Serialize(Assert.Single(journal.ReadAll().Records)));
        }

        Assert.Equal(JournalJson.Serialize(record), JournalJson.Serialize(Assert.Single(JsonlJournal.Read(dir.File("cycles.jsonl")).Records)));
        using var index = SqliteJournal.Open(dir.File("journal.db"), Fast);
        Assert.Equal(JournalJson.Serialize(record), JournalJson.Serialize(Assert.Single(index.ReadAll().Records)));
    }

    [Fact]
    public void OpenRunFolder_JsonlAheadOfTheIndex_ReindexesTheMissingRecords()
    {
        using var dir = new TempDirectory();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast))
        {
            Enumerable.Range(1, 3).ToList().ForEach(c => journal.Append(JournalSamples.Record(c)));
        }

        using (var primaryOnly = JsonlJournal.Open(dir.File("cycles.jsonl"), Fast))
        {
            primaryOnly.Append(JournalSamples.Record(4));
        }

        using var reopened = CompositeJournal.OpenRunFolder(dir.Path, Fast);

        Assert.Equal(1, reopened.Reindexed);
        Assert.Equal([1L, 2L, 3L, 4L], reopened.ReadAll().Records.Select(r => r.Cycle));
        Assert.Equal(4, reopened.LastCycle("t01"));
    }

    [Fact]
    public void OpenRunFolder_MissingDirectory_CreatesIt()
    {
        using var dir = new TempDirectory();
        var runFolder = Path.Combine(dir.Path, "runs", "r1");

        using var journal = CompositeJournal.OpenRunFolder(runFolder, Fast);
        journal.Append(JournalSamples.Record(1));

        Assert.True(File.Exists(Path.Combine(runFolder, "cycles.jsonl")));
        Assert.True(File.Exists(Path.Combine(runFolder, "journal.db")));
        Assert.Equal(0, journal.Reindexed);
    }

    [Fact]
    public void ReadLast_ThroughTheComposite_ComesFromTheIndex()
    {
        using var dir = new TempDirectory();
        using var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast);
        Enumerable.Range(1, 6).ToList().ForEach(c => journal.Append(JournalSamples.Record(c)));

        Assert.Equal([5L, 6L], journal.ReadLast("t01", 2).Select(r => r.Cycle));
        Assert.Equal([5L, 6L], journal.Index.ReadLast("t01", 2).Select(r => r.Cycle));
    }

    [Fact]
    public void Append_WithoutFsync_TheWriterThreadWritesInOrder_AndEveryReadSeesEveryRecord()
    {
        using var dir = new TempDirectory();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast))
        {
            // More than one batch of the index, two traders interleaved: each read right after the appends.
            for (var c = 1; c <= SqliteJournal.BatchSize + 44; c++)
            {
                journal.Append(JournalSamples.Record(c, "t01"));
                journal.Append(JournalSamples.Record(c, "t02"));
            }

            Assert.Equal(SqliteJournal.BatchSize + 44, journal.LastCycle("t02"));
            var all = journal.ReadAll().Records;
            Assert.Equal((SqliteJournal.BatchSize + 44) * 2, all.Count);
            Assert.Equal(
                Enumerable.Range(1, SqliteJournal.BatchSize + 44).SelectMany(c => new[] { ("t01", (long)c), ("t02", (long)c) }),
                all.Select(r => (r.TraderId, r.Cycle)));
        }

        using var index = SqliteJournal.Open(dir.File("journal.db"), Fast);
        Assert.Equal((SqliteJournal.BatchSize + 44) * 2, index.ReadAll().Records.Count);
    }

    [Fact]
    public void Append_WithFsync_AnIndexInsertRefused_TheNextAppendCatchesUpOnce()
    {
        using var dir = new TempDirectory();
        using var journal = CompositeJournal.OpenRunFolder(dir.Path, new JournalOptions(FsyncEachRecord: true));
        journal.Append(JournalSamples.Record(1));
        journal.Append(JournalSamples.Record(1)); // the same cycle again: the index refuses the row
        Assert.True(journal.IndexBehind);

        journal.Append(JournalSamples.Record(2)); // re-indexes from cycles.jsonl, this record included
        Assert.False(journal.IndexBehind);
        journal.Append(JournalSamples.Record(3));
        Assert.False(journal.IndexBehind);

        Assert.Equal([1L, 1L, 2L, 3L], journal.Primary.ReadAll().Records.Select(r => r.Cycle));
        Assert.Equal([1L, 2L, 3L], journal.ReadAll().Records.Select(r => r.Cycle));
    }

    [Fact]
    public void Append_WithoutFsync_AnIndexInsertRefusedOnItsThread_StopsNothing_AndTheIndexHoldsEachRecordOnce()
    {
        using var dir = new TempDirectory();
        using var journal = CompositeJournal.OpenRunFolder(dir.Path, Fast);
        journal.Append(JournalSamples.Record(1));
        journal.Append(JournalSamples.Record(1)); // the same cycle again: the index refuses the row (on its thread)
        journal.Index.ReadAll(); // waits for that insert
        journal.Append(JournalSamples.Record(2));
        journal.Append(JournalSamples.Record(3));
        journal.Flush(); // the writer thread's lines in cycles.jsonl (reads through the journal wait by themselves)

        Assert.Equal([1L, 1L, 2L, 3L], journal.Primary.ReadAll().Records.Select(r => r.Cycle));
        Assert.Equal([1L, 2L, 3L], journal.ReadAll().Records.Select(r => r.Cycle));
    }
}
