namespace Halyard.Journal;

/// <summary>
/// The run folder's journal: every record goes first to the primary (<c>cycles.jsonl</c>, the record of
/// truth) and then to the index (<c>journal.db</c>, for queries); reads and queries go to the index.
/// A kill between the two writes leaves the index one record behind; <see cref="OpenRunFolder"/> re-indexes
/// such records on the next open.
/// <para>
/// With <see cref="JournalOptions.FsyncEachRecord"/> (the live loop) <see cref="Append"/> returns once the record
/// is in both files. Without it (a replay) <see cref="Append"/> hands the record over to a writer thread, which
/// serialises it, writes its line and indexes it, in order; every read (<see cref="ReadAll"/>, <see cref="ReadLast"/>,
/// <see cref="LastCycle"/>, <see cref="Index"/>, <see cref="Flush"/>) first waits for the records handed over. A line
/// the disk refuses stops the writer at that record (nothing after it is written); the next <see cref="Append"/>
/// writes the waiting records again and, when the disk still refuses, throws that failure without taking its
/// record (for <see cref="ResilientJournal"/>, which holds it): in a replay a failing disk surfaces at the append
/// after the writer met it. The writer reads a record after <see cref="Append"/> returned: a record and the lists
/// it holds must not change once appended (the cycle builds new ones each time).
/// </para>
/// </summary>
public sealed class CompositeJournal : IJournal
{
    public const string JsonlFileName = "cycles.jsonl";
    public const string SqliteFileName = "journal.db";

    private readonly Lock _gate = new();
    private readonly JournalOptions _options;
    private readonly PlanCompactor _plans = new();
    private readonly LineBuffer _lines = new();
    private readonly LineBuffer _writerLines = new();
    private readonly SqliteJournal _index;
    private readonly LineWriter _writeLine;
    private readonly BackgroundWriter? _background;
    private bool _indexBehind;

    public CompositeJournal(JsonlJournal primary, SqliteJournal index, JournalOptions? options = null)
        : this(primary, index, options, writeLine: null)
    {
    }

    /// <param name="writeLine">Writes one line to the primary and returns its offset (tests put a failing disk here); null: the primary's own.</param>
    internal CompositeJournal(JsonlJournal primary, SqliteJournal index, JournalOptions? options, LineWriter? writeLine)
    {
        Primary = primary ?? throw new ArgumentNullException(nameof(primary));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? JournalOptions.Default;
        _writeLine = writeLine ?? primary.AppendLine;
        _index.ReadLinesFrom(primary);

        // Without fsync (a replay) each record is serialised, written and indexed on a thread of its own, in order;
        // every read waits for it first. With fsync (the live loop) each record is in both files when Append returns.
        _background = _options.FsyncEachRecord ? null : new BackgroundWriter(Write, "journal writer");
    }

    /// <summary>Writes one line (<c>\n</c> included) to <c>cycles.jsonl</c>; returns the offset of its first byte.</summary>
    internal delegate long LineWriter(ReadOnlySpan<byte> line);

    /// <summary><c>cycles.jsonl</c>; without fsync, read it after <see cref="Flush"/> (the writer thread may still hold records).</summary>
    public JsonlJournal Primary { get; }

    /// <summary>The index, with every record appended so far in it.</summary>
    public SqliteJournal Index
    {
        get
        {
            Flush();
            return _index;
        }
    }

    /// <summary>Records the primary held and the index lacked when the journal was opened (now indexed).</summary>
    public int Reindexed { get; private init; }

    /// <summary>True while the index misses records of <c>cycles.jsonl</c> (an insert failed; the next append catches up).</summary>
    public bool IndexBehind
    {
        get
        {
            lock (_gate)
            {
                _background?.Drain();
                return _indexBehind;
            }
        }
    }

    /// <summary>Opens <c>cycles.jsonl</c> and <c>journal.db</c> in <paramref name="directory"/> (created when missing) and re-indexes.</summary>
    public static CompositeJournal OpenRunFolder(string directory, JournalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var primary = JsonlJournal.Open(Path.Combine(directory, JsonlFileName), options);
        SqliteJournal? index = null;
        try
        {
            index = SqliteJournal.Open(Path.Combine(directory, SqliteFileName), options);
            var reindexed = Reindex(primary, index);
            return new CompositeJournal(primary, index, options) { Reindexed = reindexed };
        }
        catch
        {
            index?.Dispose();
            primary.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Serializes the record once and writes it to both: the same JSON, or, without
    /// <see cref="JournalOptions.IndexCopiesRecords"/>, the line in <c>cycles.jsonl</c> and its place in the index.
    /// Without fsync the writing is handed to the writer thread (see the class); a failure it met is thrown here.
    /// </summary>
    public void Append(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_background is { } background)
            {
                if (background.Failed)
                {
                    // The records from the one the disk refused on are waiting: written first, or this one is not taken.
                    background.Retry();
                }

                // Plans unchanged since the last stored in full are stored as a reference to that cycle (schema 2).
                // A record waiting after a failed write is written before any later one, so the reference holds.
                record = _plans.Compact(_options.Apply(record));
                _plans.Stored(record);
                background.Enqueue(record);
                return;
            }

            record = _plans.Compact(_options.Apply(record));
            Write(record, _lines);
            _plans.Stored(record);
        }
    }

    /// <summary>Waits until every record appended is in both files (without fsync: the writer thread is done with them).</summary>
    public void Flush() => _background?.Drain();

    public JournalReadResult ReadAll() => Index.ReadAll();

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count) => Index.ReadLast(traderId, count);

    public long? LastCycle(string traderId) => Index.LastCycle(traderId);

    public void Dispose()
    {
        _background?.Dispose();
        _index.Dispose();
        Primary.Dispose();
    }

    /// <summary>One record on the writer thread (its own line buffer: the thread is the only one that writes then).</summary>
    private void Write(DecisionCycleRecord stored) => Write(stored, _writerLines);

    /// <summary>Writes the stored form of a record: its line (a failure throws), then its place in the index.</summary>
    private void Write(DecisionCycleRecord stored, LineBuffer lines)
    {
        var line = lines.Write(stored).Span;
        var offset = _writeLine(line);
        try
        {
            // An insert failed: re-indexing from cycles.jsonl covers this record too (it is there already).
            // Appending it again would be refused as a duplicate and leave the index behind for good,
            // re-reading the whole file at every append.
            if (_indexBehind)
            {
                Reindex(Primary, _index);
                _indexBehind = false;
                return;
            }

            var json = _index.ReferencesLines ? null : System.Text.Encoding.UTF8.GetString(line[..^1]);
            JsonlLine? place = json is null ? new JsonlLine(offset, line.Length - 1) : null;
            _index.Append(stored, json, place);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // The record of truth is written; the index catches up from it at the next append (or the next open).
            _indexBehind = true;
        }
    }

    private static int Reindex(JsonlJournal primary, SqliteJournal index)
    {
        var known = index.Keys();
        var added = 0;
        foreach (var record in primary.ReadAll().Records)
        {
            if (known.Add((record.TraderId, record.Cycle)))
            {
                index.Append(record);
                added++;
            }
        }

        return added;
    }
}
