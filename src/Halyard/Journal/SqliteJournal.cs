using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Halyard.Journal;

/// <summary>
/// <c>journal.db</c>: the journal in SQLite (WAL mode) for queries. Each cycle is one transaction over
/// three tables: <c>cycles</c> (key columns and the full record JSON, or where its line is in
/// <c>cycles.jsonl</c>), <c>actions</c> and <c>verdicts</c>. A kill mid-transaction rolls the cycle back on
/// the next open; earlier cycles are untouched. Schema: <c>docs/decision-log.md</c>.
/// </summary>
public sealed class SqliteJournal : IJournal
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly JournalOptions _options;
    private readonly SqliteWriteCommands _writes;
    private readonly bool _canReferenceLines;
    private SqliteTransaction? _batch;
    private int _batched;
    private bool _disposed;
    private JsonlJournal? _lines;

    private SqliteJournal(string path, SqliteConnection connection, JournalOptions options, bool canReferenceLines)
    {
        Path = path;
        _connection = connection;
        _options = options;
        _canReferenceLines = canReferenceLines;
        _writes = new SqliteWriteCommands(connection);
    }

    public string Path { get; }

    /// <summary>Opens (or creates) the database, switches it to WAL and creates the tables when missing.</summary>
    public static SqliteJournal Open(string path, JournalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= JournalOptions.Default;
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            Execute(connection, options.FsyncEachRecord ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
            Execute(connection, "PRAGMA foreign_keys=ON;");
            Execute(connection, SqliteSchema.Create);
            return new SqliteJournal(path, connection, options, PrepareLineColumns(connection));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The database's journal mode as SQLite reports it (<c>wal</c> once opened).</summary>
    public string JournalMode()
    {
        lock (_gate)
        {
            return Scalar<string>("PRAGMA journal_mode;", null) ?? string.Empty;
        }
    }

    /// <summary>
    /// Records appended without fsync (<see cref="JournalOptions.FsyncEachRecord"/> false, as in a replay)
    /// are committed together, this many at a time, and before any read or close: the index may then lag
    /// <c>cycles.jsonl</c> by up to this many records after a kill, and <see cref="CompositeJournal.OpenRunFolder"/>
    /// re-indexes them.
    /// </summary>
    public const int BatchSize = 256;

    public void Append(DecisionCycleRecord record)
    {
        record = _options.Apply(record);
        Append(record, JournalJson.Serialize(record), null);
    }

    /// <summary>The JSONL journal whose lines this index may reference, read through its writer (set by <see cref="CompositeJournal"/>).</summary>
    internal void ReadLinesFrom(JsonlJournal primary) => _lines = primary;

    /// <summary>
    /// True when a record written to <see cref="ReadLinesFrom"/>'s file is stored as the place of its line, not
    /// copied (<see cref="JournalOptions.IndexCopiesRecords"/> off, and a database created with the line columns).
    /// </summary>
    internal bool ReferencesLines => !_options.IndexCopiesRecords && _canReferenceLines && _lines is not null;

    /// <summary>
    /// Appends a record already serialized by <see cref="JournalJson"/> (the caller applied the options): its
    /// JSON, or, with <paramref name="json"/> null, the place of its line in <c>cycles.jsonl</c>.
    /// </summary>
    internal void Append(DecisionCycleRecord record, string? json, JsonlLine? line)
    {
        if (json is null && line is null)
        {
            throw new ArgumentException("A record is stored as its JSON or as the place of its line.", nameof(line));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_options.FsyncEachRecord)
            {
                using var transaction = _connection.BeginTransaction();
                _writes.Insert(transaction, record, json, line);
                transaction.Commit();
                return;
            }

            // One savepoint per record: a failed insert (e.g. a duplicate cycle) leaves none of its rows in the batch.
            _batch ??= _connection.BeginTransaction();
            _writes.InsertInSavepoint(_batch, record, json, line);

            if (++_batched >= BatchSize)
            {
                CommitBatch();
            }
        }
    }

    public JournalReadResult ReadAll()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT id, record_json, jsonl_offset, jsonl_length FROM cycles ORDER BY id;";
            return ReadRecords(command);
        }
    }

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count)
    {
        ArgumentNullException.ThrowIfNull(traderId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            using var command = _connection.CreateCommand();
            command.CommandText =
                "SELECT id, record_json, jsonl_offset, jsonl_length FROM (SELECT id, record_json, jsonl_offset, jsonl_length FROM cycles " +
                "WHERE trader_id = $trader ORDER BY id DESC LIMIT $count) ORDER BY id;";
            command.Parameters.AddWithValue("$trader", traderId);
            command.Parameters.AddWithValue("$count", count);
            return ReadRecords(command, ReadOne).Records;
        }
    }

    public long? LastCycle(string traderId)
    {
        ArgumentNullException.ThrowIfNull(traderId);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            return Scalar<long?>("SELECT MAX(cycle) FROM cycles WHERE trader_id = $trader;", traderId);
        }
    }

    /// <summary>Validator verdicts counted by verdict and primary (first) reason code.</summary>
    public IReadOnlyList<VerdictCount> CountVerdicts(string? traderId = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            using var command = _connection.CreateCommand();
            command.CommandText =
                "SELECT verdict, primary_reason, COUNT(*) FROM verdicts WHERE $trader IS NULL OR trader_id = $trader " +
                "GROUP BY verdict, primary_reason ORDER BY verdict, primary_reason;";
            command.Parameters.AddWithValue("$trader", (object?)traderId ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var rows = new List<VerdictCount>();
            while (reader.Read())
            {
                rows.Add(new VerdictCount(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2)));
            }

            return rows;
        }
    }

    /// <summary>Actions the venue or the network rejected (a request was sent and it failed), by error class.</summary>
    public IReadOnlyList<ErrorClassCount> CountVenueRejections(string? traderId = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            using var command = _connection.CreateCommand();
            command.CommandText =
                "SELECT error_class, COUNT(*) FROM actions WHERE attempts > 0 AND error_class IS NOT NULL " +
                "AND ($trader IS NULL OR trader_id = $trader) GROUP BY error_class ORDER BY error_class;";
            command.Parameters.AddWithValue("$trader", (object?)traderId ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var rows = new List<ErrorClassCount>();
            while (reader.Read())
            {
                rows.Add(new ErrorClassCount(reader.GetString(0), reader.GetInt64(1)));
            }

            return rows;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            CommitBatch();
            _disposed = true;
            _writes.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>The (trader, cycle) keys already stored; used to re-index records the JSONL holds and the database missed.</summary>
    internal HashSet<(string TraderId, long Cycle)> Keys()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitBatch();
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT trader_id, cycle FROM cycles;";
            using var reader = command.ExecuteReader();
            var keys = new HashSet<(string, long)>();
            while (reader.Read())
            {
                keys.Add((reader.GetString(0), reader.GetInt64(1)));
            }

            return keys;
        }
    }

    /// <summary>Commits the records appended since the last commit, if any (the caller holds the lock).</summary>
    private void CommitBatch()
    {
        if (_batch is null)
        {
            return;
        }

        _batch.Commit();
        _batch.Dispose();
        _batch = null;
        _batched = 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, string? traderId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (traderId is not null)
        {
            command.Parameters.AddWithValue("$trader", traderId);
        }

        var value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the line columns to a database written before them; true when its <c>record_json</c> may be null.</summary>
    private static bool PrepareLineColumns(SqliteConnection connection)
    {
        var columns = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA table_info(cycles);";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns[reader.GetString(1)] = reader.GetInt64(3) != 0;
            }
        }

        if (!columns.ContainsKey("jsonl_offset"))
        {
            Execute(connection, SqliteSchema.AddLineColumns);
        }

        return columns.TryGetValue("record_json", out var notNull) && !notNull;
    }

    /// <summary>The record of one cycle of a trader, or null (the caller holds the lock): a window's plan reference.</summary>
    private DecisionCycleRecord? ReadOne(string traderId, long cycle)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, record_json, jsonl_offset, jsonl_length FROM cycles WHERE trader_id = $trader AND cycle = $cycle;";
        command.Parameters.AddWithValue("$trader", traderId);
        command.Parameters.AddWithValue("$cycle", cycle);
        return ReadRecords(command).Records.FirstOrDefault();
    }

    /// <summary>Reads the selected rows in order and resolves their plan references (<see cref="PlanReferences"/>).</summary>
    private JournalReadResult ReadRecords(SqliteCommand command, Func<string, long, DecisionCycleRecord?>? lookup = null)
    {
        var records = new List<DecisionCycleRecord>();
        var problems = new List<JournalProblem>();
        using (var lines = new LineSource(_lines, Path))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                try
                {
                    records.Add(reader.IsDBNull(1)
                        ? JournalJson.Deserialize(lines.Read(reader.GetInt64(2), reader.GetInt32(3)))
                        : JournalJson.Deserialize(reader.GetString(1)));
                }
                catch (JsonException ex)
                {
                    problems.Add(new JournalProblem(id, 0, 0, JournalProblemKind.Corrupt, ex.Message));
                }
                catch (IOException ex)
                {
                    problems.Add(new JournalProblem(id, 0, 0, JournalProblemKind.Corrupt, "cycles.jsonl could not be read: " + ex.Message));
                }
            }
        }

        PlanReferences.Resolve(records, lookup);
        return new JournalReadResult(records, problems);
    }

    /// <summary>
    /// Reads referenced lines: through the writer's handle in the writing process, else from the
    /// <c>cycles.jsonl</c> beside the database (opened on the first referenced row).
    /// </summary>
    private sealed class LineSource(JsonlJournal? writer, string databasePath) : IDisposable
    {
        private Microsoft.Win32.SafeHandles.SafeFileHandle? _file;

        public byte[] Read(long offset, int length)
        {
            if (writer is not null)
            {
                return writer.ReadBytes(offset, length);
            }

            _file ??= File.OpenHandle(
                System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(databasePath))!, CompositeJournal.JsonlFileName),
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete);
            return JsonlJournal.ReadBytes(_file, offset, length);
        }

        public void Dispose() => _file?.Dispose();
    }
}

/// <summary>Count of verdicts with one verdict kind and primary reason code (null for accepted without reasons).</summary>
public sealed record VerdictCount(string Verdict, string? PrimaryReason, long Count);

/// <summary>Count of venue rejections of one error class.</summary>
public sealed record ErrorClassCount(string ErrorClass, long Count);
