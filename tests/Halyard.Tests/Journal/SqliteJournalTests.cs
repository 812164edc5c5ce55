using Halyard.Journal;
using Microsoft.Data.Sqlite;

namespace Halyard.Tests.Journal;

public class SqliteJournalTests
{
    private static readonly JournalOptions Fast = new(FsyncEachRecord: false);

    [Fact]
    public void Open_NewDatabase_IsInWalMode()
    {
        using var dir = new TempDirectory();
        using var journal = SqliteJournal.Open(dir.File("journal.db"), Fast);

        Assert.Equal("wal", journal.JournalMode());
    }

    [Fact]
    public void Append_ThenReopen_ReadAllRoundTripsEveryRecord()
    {
        using var dir = new TempDirectory();
        var written = Enumerable.Range(1, 4).Select(c => JournalSamples.Record(c)).ToList();
        using (var journal = SqliteJournal.Open(dir.File("journal.db"), Fast))
        {
            written.ForEach(journal.Append);
        }

        using var reopened = SqliteJournal.Open(dir.File("journal.db"), Fast);
        var result = reopened.ReadAll();

        Assert.True(result.IsClean);
        Assert.Equal(written.Select(JournalJson.Serialize), result.Records.Select(JournalJson.Serialize));
    }

    [Fact]
    public void Append_WithoutFsyncPastOneBatch_EveryRecordIsReadableAndCommittedOnClose()
    {
        using var dir = new TempDirectory();
        var count = SqliteJournal.BatchSize + 7;
        using (var journal = SqliteJournal.Open(dir.File("journal.db"), Fast))
        {
            for (var c = 1; c <= count; c++)
            {
                journal.Append(JournalSamples.Record(c));
            }

            // A read commits the open batch first: it sees every record, and appending goes on afterwards.
            Assert.Equal(count, journal.ReadAll().Records.Count);
            Assert.Equal(count, journal.LastCycle("t01"));
            journal.Append(JournalSamples.Record(count + 1));
        }

        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dir.File("journal.db"), Pooling = false }.ToString());
        other.Open();
        using var command = other.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM cycles;";
        Assert.Equal((long)count + 1, (long)command.ExecuteScalar()!);
    }

    [Fact]
    public void Append_Record_FillsTheActionsAndVerdictsTables()
    {
        using var dir = new TempDirectory();
        var record = JournalSamples.Record(9);
        using (var journal = SqliteJournal.Open(dir.File("journal.db"), Fast))
        {
            journal.Append(record);
        }

        using var connection = OpenRaw(dir.File("journal.db"));
        Assert.Equal(
            [
                "0|set_leverage|||ok||1",
                $"1|entry|0.02345|64064|filled||2|{record.Actions[1].Cloid}|9000000009",
                $"2|stop_loss|0.02345|63000|rejected|invalid_param|1|{record.Actions[2].Cloid}",
            ],
            Rows(connection, "SELECT seq, action, qty, price, result, error_class, attempts, cloid, order_id FROM actions WHERE cycle = 9 ORDER BY seq")
                .Select(r => r.TrimEnd('|')));
        Assert.Equal(
            ["0|0|adjusted|leverage_clamped", "1|1|rejected|liquidity_below_threshold", "2|2|accepted|"],
            Rows(connection, "SELECT seq, decision_index, verdict, primary_reason FROM verdicts ORDER BY seq"));
        Assert.Equal(
            ["t01|9|1|repaired|10009|3|3|0|12800"],
            Rows(connection, "SELECT trader_id, cycle, success, parse_outcome, account_value, decisions, actions, opens_allowed, total_tokens FROM cycles"));
    }

    [Fact]
    public void ConnectionDisposedMidTransaction_EarlierCyclesStayIntactAndNothingPartialRemains()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.db");
        using (var journal = SqliteJournal.Open(path, Fast))
        {
            Enumerable.Range(1, 3).ToList().ForEach(c => journal.Append(JournalSamples.Record(c)));
        }

        using (var connection = OpenRaw(path))
        {
            var transaction = connection.BeginTransaction();
            InsertHalfACycle(connection, transaction, 4);
            connection.Dispose();
        }

        using var reopened = SqliteJournal.Open(path, Fast);
        Assert.Equal([1L, 2L, 3L], reopened.ReadAll().Records.Select(r => r.Cycle));
        using var check = OpenRaw(path);
        Assert.Equal(["9"], Rows(check, "SELECT COUNT(*) FROM actions"));
        Assert.Equal(["ok"], Rows(check, "PRAGMA integrity_check"));
    }

    [Fact]
    public void FilesCopiedMidTransaction_LikeAKill_OpenWithOnlyTheCommittedCycles()
    {
        using var dir = new TempDirectory();
        var path = dir.File("journal.db");
        using var journal = SqliteJournal.Open(path, Fast);
        Enumerable.Range(1, 3).ToList().ForEach(c => journal.Append(JournalSamples.Record(c)));
        Assert.Equal(3, journal.LastCycle("t01")); // a read commits the open batch and frees the write lock

        using var writer = OpenRaw(path);
        RunRaw(writer, "PRAGMA cache_size = 1;");
        var walBefore = new FileInfo(path + "-wal").Length;
        using (var transaction = writer.BeginTransaction())
        {
            for (var c = 4; c < 60; c++)
            {
                InsertHalfACycle(writer, transaction, c);
            }

            // The uncommitted pages have spilled to the WAL; the on-disk state is what a kill would leave.
            Assert.True(new FileInfo(path + "-wal").Length > walBefore);
            using var copy = new TempDirectory();
            File.Copy(path, copy.File("journal.db"));
            File.Copy(path + "-wal", copy.File("journal.db-wal"));

            using var recovered = SqliteJournal.Open(copy.File("journal.db"), Fast);
            Assert.Equal([1L, 2L, 3L], recovered.ReadAll().Records.Select(r => r.Cycle));
            recovered.Append(JournalSamples.Record(4));
            Assert.Equal(4, recovered.LastCycle("t01"));
        }
    }

    [Fact]
    public void Append_DuplicateCycle_ThrowsAndLeavesNoPartialRows()
    {
        using var dir = new TempDirectory();
        using var journal = SqliteJournal.Open(dir.File("journal.db"), Fast);
        journal.Append(JournalSamples.Record(1));

        Assert.Throws<SqliteException>(() => journal.Append(JournalSamples.Record(1)));
        journal.Append(JournalSamples.Record(2));

        Assert.Equal([1L, 2L], journal.ReadAll().Records.Select(r => r.Cycle));
        using var check = OpenRaw(dir.File("journal.db"));
        Assert.Equal(["6|6"], Rows(check, "SELECT (SELECT COUNT(*) FROM actions), (SELECT COUNT(*) FROM verdicts)"));
    }

    [Fact]
    public void ReadLastAndLastCycle_TwoTraders_AnswerPerTrader()
    {
        using var dir = new TempDirectory();
        using var journal = SqliteJournal.Open(dir.File("journal.db"), Fast);
        for (var c = 1; c <= 5; c++)
        {
            journal.Append(JournalSamples.Record(c, "a"));
            journal.Append(JournalSamples.Record(c * 10, "b"));
        }

        Assert.Equal([3L, 4L, 5L], journal.ReadLast("a", 3).Select(r => r.Cycle));
        Assert.Equal([10L, 20L, 30L, 40L, 50L], journal.ReadLast("b", 99).Select(r => r.Cycle));
        Assert.Empty(journal.ReadLast("a", 0));
        Assert.Equal(5, journal.LastCycle("a"));
        Assert.Null(journal.LastCycle("c"));
    }

    [Fact]
    public void CountQueries_TwoCycles_CountVerdictsByReasonAndVenueRejectionsByClass()
    {
        using var dir = new TempDirectory();
        using var journal = SqliteJournal.Open(dir.File("journal.db"), Fast);
        journal.Append(JournalSamples.Record(1, "a"));
        journal.Append(JournalSamples.Record(2, "a"));
        journal.Append(JournalSamples.Record(1, "b"));

        Assert.Equal(
            [
                new VerdictCount("accepted", null, 2),
                new VerdictCount("adjusted", "leverage_clamped", 2),
                new VerdictCount("rejected", "liquidity_below_threshold", 2),
            ],
            journal.CountVerdicts("a"));
        Assert.Equal([new ErrorClassCount("invalid_param", 3)], journal.CountVenueRejections());
    }

    [Fact]
    public void Append_AfterDispose_Throws()
    {
        using var dir = new TempDirectory();
        var journal = SqliteJournal.Open(dir.File("journal.db"), Fast);
        journal.Dispose();

        Assert.Throws<ObjectDisposedException>(() => journal.Append(JournalSamples.Record(1)));
    }

    internal static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    internal static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    private static void RunRaw(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>What an append does before it commits: the cycle row and its actions, with a large JSON body.</summary>
    private static void InsertHalfACycle(SqliteConnection connection, SqliteTransaction transaction, long cycle)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO cycles (trader_id, cycle, timestamp, timestamp_unix_ms, success, parse_outcome, decisions, actions, opens_allowed, " +
            "safe_mode, shadow, schema_version, record_json) VALUES ('t01', $cycle, 'x', 0, 1, 'structured', 0, 1, 1, 0, 0, 1, $json);" +
            "INSERT INTO actions (cycle_id, seq, trader_id, cycle, symbol, action, result, attempts, latency_ms) " +
            "VALUES (last_insert_rowid(), 0, 't01', $cycle, 'BTC', 'entry', 'filled', 1, 1.0);";
        command.Parameters.AddWithValue("$cycle", cycle);
        command.Parameters.AddWithValue("$json", new string('x', 20_000));
        command.ExecuteNonQuery();
    }
}
