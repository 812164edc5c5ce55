using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Halyard.Journal;

/// <summary>
/// <c>cycles.jsonl</c>: one JSON record per line, append-only. Each record is serialized whole in
/// memory and written with a single write followed by a flush (an fsync when
/// <see cref="JournalOptions.FsyncEachRecord"/>), so a kill at any moment loses at most the record in
/// flight. Opening a file whose last line was cut short seals it with a newline, so the torn bytes stay
/// as one reported line and new records start on a line of their own.
/// </summary>
public sealed class JsonlJournal : IJournal
{
    private const int ReadChunk = 64 * 1024;

    private readonly Lock _gate = new();
    private readonly FileStream _stream;
    private readonly JournalOptions _options;
    private readonly PlanCompactor _plans = new();
    private readonly LineBuffer _line = new();
    private bool _disposed;
    private bool _unsealed;

    private JsonlJournal(string path, FileStream stream, JournalOptions options, bool sealedTornTail)
    {
        Path = path;
        _stream = stream;
        _options = options;
        SealedTornTail = sealedTornTail;
    }

    public string Path { get; }

    /// <summary>True when opening found a final line without its newline and sealed it.</summary>
    public bool SealedTornTail { get; }

    /// <summary>
    /// Opens (or creates) the file for appending and locks it: a second writer (in this process or
    /// another) is refused with an <see cref="IOException"/>.
    /// </summary>
    public static JsonlJournal Open(string path, JournalOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= JournalOptions.Default;
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        try
        {
            var sealedTail = SealTornTail(stream, options);
            stream.Seek(0, SeekOrigin.End);
            return new JsonlJournal(path, stream, options, sealedTail);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Writes the record's stored form: plans unchanged since the last stored in full become a reference (<see cref="PlanCompactor"/>).</summary>
    public void Append(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var stored = _plans.Compact(_options.Apply(record));
            AppendLine(_line.Write(stored).Span);
            _plans.Stored(stored);
        }
    }

    /// <summary>Appends one line already serialized by <see cref="JournalJson.SerializeLine"/> (the caller applied the options); returns its byte offset.</summary>
    internal long AppendLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_unsealed)
            {
                // An earlier write failed part-way and could not be cut back: seal its bytes as one line of their own.
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write("\n"u8);
                _unsealed = false;
            }

            var start = _stream.Position;
            try
            {
                _stream.Write(line);
                _stream.Flush(flushToDisk: _options.FsyncEachRecord);
                return start;
            }
            catch (IOException)
            {
                // A full or failing disk: cut a partial line back so the caller can write the record again later.
                CutBack(start);
                throw;
            }
        }
    }

    private void CutBack(long start)
    {
        try
        {
            _stream.SetLength(start);
            _stream.Seek(start, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            _unsealed = true;
        }
    }

    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/>, read through the writer's handle (fewer at the end of the file).</summary>
    internal byte[] ReadBytes(long offset, int length)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return ReadBytes(_stream.SafeFileHandle, offset, length);
        }
    }

    internal static byte[] ReadBytes(SafeFileHandle handle, long offset, int length)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
            if (n == 0)
            {
                return bytes[..read];
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>Reads through the writer's own handle (the file is locked against other openers while the writer holds it).</summary>
    public JournalReadResult ReadAll()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return ReadHandle(_stream.SafeFileHandle);
        }
    }

    public IReadOnlyList<DecisionCycleRecord> ReadLast(string traderId, int count)
    {
        ArgumentNullException.ThrowIfNull(traderId);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        var last = new Queue<DecisionCycleRecord>();
        foreach (var record in ReadAll().Records.Where(r => r.TraderId == traderId))
        {
            if (last.Count == count)
            {
                last.Dequeue();
            }

            last.Enqueue(record);
        }

        return [.. last];
    }

    public long? LastCycle(string traderId)
    {
        ArgumentNullException.ThrowIfNull(traderId);
        long? max = null;
        foreach (var record in ReadAll().Records)
        {
            if (record.TraderId == traderId && (max is null || record.Cycle > max))
            {
                max = record.Cycle;
            }
        }

        return max;
    }

    /// <summary>
    /// Reads a journal file that no writer holds (a finished run; a live run is read through its writer or
    /// through <c>journal.db</c>). Every whole line that parses is returned; unreadable lines are skipped
    /// and reported, never fatal.
    /// </summary>
    public static JournalReadResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new JournalReadResult([], []);
        }

        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return ReadHandle(handle);
    }

    private static JournalReadResult ReadHandle(SafeFileHandle handle)
    {
        var records = new List<DecisionCycleRecord>();
        var problems = new List<JournalProblem>();
        var buffer = new byte[ReadChunk];
        int start = 0, end = 0;
        long lineNumber = 0, bufferOffset = 0, fileOffset = 0;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    bufferOffset += start;
                    end -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(end), fileOffset);
            if (read == 0)
            {
                break;
            }

            fileOffset += read;
            end += read;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
            {
                lineNumber++;
                ParseLine(buffer.AsSpan(start, newline - start), lineNumber, bufferOffset + start, whole: true, records, problems);
                start = newline + 1;
            }
        }

        if (start < end)
        {
            ParseLine(buffer.AsSpan(start, end - start), lineNumber + 1, bufferOffset + start, whole: false, records, problems);
        }

        PlanReferences.Resolve(records);
        return new JournalReadResult(records, problems);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Dispose();
        }
    }

    private static void ParseLine(
        ReadOnlySpan<byte> line, long lineNumber, long offset, bool whole, List<DecisionCycleRecord> records, List<JournalProblem> problems)
    {
        if (whole && line.IsEmpty)
        {
            return;
        }

        try
        {
            records.Add(JournalJson.Deserialize(line));
        }
        catch (JsonException ex)
        {
            var kind = whole ? JournalProblemKind.Corrupt : JournalProblemKind.TornTail;
            problems.Add(new JournalProblem(lineNumber, offset, line.Length, kind, ex.Message));
        }
    }

    /// <summary>When the file does not end with a newline, writes one so the next record starts clean.</summary>
    private static bool SealTornTail(FileStream stream, JournalOptions options)
    {
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() == '\n')
        {
            return false;
        }

        stream.Seek(0, SeekOrigin.End);
        stream.Write("\n"u8);
        stream.Flush(flushToDisk: options.FsyncEachRecord);
        return true;
    }
}
