namespace Halyard.Journal;

/// <summary>
/// The run folder's journal: every record goes first to the primary (<c>cycles.jsonl</c>, the record of
/// truth) and then to the index (<c>journal.db</c>, for queries); reads and queries go to the index.
/// A kill between the two writes leaves the index one record behind; <see cref="OpenRunFolder"/> re-indexes
/// such records on the next open.
/// </summary>
public sealed class CompositeJournal : IJournal
{
    public const string JsonlFileName = "cycles.jsonl";
    public const string SqliteFileName = "journal.db";

    private readonly Lock _gate = new();
    private readonly JournalOptions _options;
    private readonly PlanCompactor _plans = new();
    private readonly LineBuffer _lines = new();
    private readonly SqliteJournal _index;
    private readonly BackgroundIndex? _background;
    private bool _indexBehind;

    public CompositeJournal(JsonlJournal primary, SqliteJournal index, JournalOptions? options = null)
    {
        Primary = primary ?? throw new ArgumentNullException(nameof(primary));
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _options = options ?? JournalOptions.Default;
        _index.ReadLinesFrom(primary);

        // Without fsync (a replay) the index's rows are inserted on a thread of their own, in order; every read
        // waits for them first. With fsync (the live loop) each record is in both files when Append returns.
        _background = _options.FsyncEachRecord ? null : new BackgroundIndex(_index);
    }

    public JsonlJournal Primary { get; }

    /// <summary>The index, with every record appended so far in it.</summary>
    public SqliteJournal Index
    {
        get
        {
            _background?.Drain();
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
    /// </summary>
    public void Append(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            // Plans unchanged since the last stored in full are stored as a reference to that cycle (schema 2).
            record = _plans.Compact(_options.Apply(record));
            var line = _lines.Write(record).Span;
            var offset = Primary.AppendLine(line);
            _plans.Stored(record);
            try
            {
                // An insert failed (in place, or on the background thread): re-indexing from cycles.jsonl covers this
                // record too (it is there already). Appending it again would be refused as a duplicate and leave the
                // index behind for good, re-reading the whole file at every append.
                if (_background?.TakeFailure() == true | _indexBehind)
                {
                    Reindex(Primary, Index);
                    _indexBehind = false;
                    return;
                }

                var json = _index.ReferencesLines ? null : System.Text.Encoding.UTF8.GetString(line[..^1]);
                JsonlLine? place = json is null ? new JsonlLine(offset, line.Length - 1) : null;
                if (_background is { } background)
                {
                    background.Enqueue(record, json, place);
                }
                else
                {
                    _index.Append(record, json, place);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                // The record of truth is written; the index catches up from it at the next append (or the next open).
                _indexBehind = true;
            }
        }
    }

    public JournalReadResult ReadAll() => Index.ReadAll();

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count) => Index.ReadLast(traderId, count);

    public long? LastCycle(string traderId) => Index.LastCycle(traderId);

    public void Dispose()
    {
        _background?.Dispose();
        _index.Dispose();
        Primary.Dispose();
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
