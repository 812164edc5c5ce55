using Halyard.Journal;
using Microsoft.Data.Sqlite;

namespace Halyard.Tests.Journal;

/// <summary>
/// The compact run folder (issue 14): without <see cref="JournalOptions.IndexCopiesRecords"/> a record is
/// stored once, in <c>cycles.jsonl</c>, and <c>journal.db</c> keeps where its line is; empty lists are left
/// out of the line. Everything reads back as before.
/// </summary>
public class CompactJournalTests
{
    private static readonly JournalOptions Replay = new(FsyncEachRecord: false, IndexCopiesRecords: false);

    [Fact]
    public void Append_IndexWithoutCopies_ReadsTheRecordsBackThroughTheWriterAndAfterClosing()
    {
        using var dir = new TempDirectory();
        var records = Enumerable.Range(1, 5).Select(c => JournalSamples.Record(c)).ToList();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Replay))
        {
            records.ForEach(journal.Append);
            Assert.Equal(records.Select(JournalJson.Serialize), journal.ReadAll().Records.Select(JournalJson.Serialize));
            Assert.Equal(records.TakeLast(2).Select(JournalJson.Serialize), journal.ReadLast("t01", 2).Select(JournalJson.Serialize));
        }

        using var index = SqliteJournal.Open(dir.File("journal.db"), Replay);
        Assert.Equal(records.Select(JournalJson.Serialize), index.ReadAll().Records.Select(JournalJson.Serialize));
        Assert.Equal(5, index.LastCycle("t01"));
        using var connection = OpenRaw(dir.File("journal.db"));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM cycles WHERE record_json IS NOT NULL;"));
        Assert.Equal(5L, Scalar(connection, "SELECT COUNT(*) FROM cycles WHERE jsonl_offset IS NOT NULL AND jsonl_length > 0;"));
    }

    [Fact]
    public void Append_IndexWithoutCopies_TheIndexIsAFractionOfTheJsonl()
    {
        using var dir = new TempDirectory();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Replay))
        {
            Enumerable.Range(1, 200).ToList().ForEach(c => journal.Append(JournalSamples.Record(c, cotChars: 2000)));
        }

        using (var copies = CompositeJournal.OpenRunFolder(Path.Combine(dir.Path, "copies"), new JournalOptions(FsyncEachRecord: false)))
        {
            Enumerable.Range(1, 200).ToList().ForEach(c => copies.Append(JournalSamples.Record(c, cotChars: 2000)));
        }

        SqliteConnection.ClearAllPools();
        var compact = new FileInfo(dir.File("journal.db")).Length;
        var copied = new FileInfo(Path.Combine(dir.Path, "copies", "journal.db")).Length;
        Assert.True(compact * 4 < copied, $"journal.db {compact} bytes without copies, {copied} with");
    }

    [Fact]
    public void Open_DatabaseWrittenBeforeTheLineColumns_KeepsCopyingTheRecords()
    {
        using var dir = new TempDirectory();
        using (var old = OpenRaw(dir.File("journal.db")))
        {
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE cycles (id INTEGER PRIMARY KEY, trader_id TEXT NOT NULL, cycle INTEGER NOT NULL, timestamp TEXT NOT NULL,
                  timestamp_unix_ms INTEGER NOT NULL, success INTEGER NOT NULL, error_message TEXT, parse_outcome TEXT NOT NULL,
                  account_value TEXT, decisions INTEGER NOT NULL, actions INTEGER NOT NULL, opens_allowed INTEGER NOT NULL,
                  safe_mode INTEGER NOT NULL, shadow INTEGER NOT NULL, total_tokens INTEGER, schema_version INTEGER NOT NULL,
                  record_json TEXT NOT NULL, UNIQUE (trader_id, cycle));
                """;
            create.ExecuteNonQuery();
        }

        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Replay))
        {
            Assert.False(journal.Index.ReferencesLines);
            journal.Append(JournalSamples.Record(1));
            Assert.Equal(1, journal.LastCycle("t01"));
        }

        using var connection = OpenRaw(dir.File("journal.db"));
        Assert.Equal(1L, Scalar(connection, "SELECT COUNT(*) FROM cycles WHERE record_json IS NOT NULL;"));
    }

    [Fact]
    public void ReadAll_ReferencedLineMissing_IsReportedNotThrown()
    {
        using var dir = new TempDirectory();
        using (var journal = CompositeJournal.OpenRunFolder(dir.Path, Replay))
        {
            journal.Append(JournalSamples.Record(1));
        }

        File.Delete(dir.File("cycles.jsonl"));
        using var index = SqliteJournal.Open(dir.File("journal.db"), Replay);
        var read = index.ReadAll();

        Assert.Empty(read.Records);
        Assert.Equal(JournalProblemKind.Corrupt, Assert.Single(read.Problems).Kind);
    }

    [Fact]
    public void Serialize_EmptyLists_AreLeftOutAndReadBackEmpty()
    {
        var record = new DecisionCycleRecord { Timestamp = JournalSamples.Start, TraderId = "t01", Cycle = 1, Success = true };

        var json = JournalJson.Serialize(record);
        var back = JournalJson.Deserialize(json);

        foreach (var name in new[] { "\"decisions\"", "\"verdicts\"", "\"positions_snapshot\"", "\"candidates\"", "\"actions\"", "\"paused_by\"", "\"order_latencies\"" })
        {
            Assert.DoesNotContain(name, json, StringComparison.Ordinal);
        }

        Assert.Empty(back.Decisions);
        Assert.Empty(back.Verdicts);
        Assert.Empty(back.Actions);
        Assert.Empty(back.Gating.PausedBy);
        Assert.Equal(json, JournalJson.Serialize(back));
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
