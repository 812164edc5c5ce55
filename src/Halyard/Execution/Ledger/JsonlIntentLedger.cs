using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Execution.Ledger;

/// <summary>
/// An <see cref="IIntentLedger"/> in a JSON-lines file: every <see cref="Save"/> appends the entry's whole
/// new state as one line (<c>{"kind":"entry","entry":{…}}</c>), every checkpoint one line
/// (<c>{"kind":"checkpoint","trader_id":…,"fills_seen_until":…}</c>), each written in one write and flushed
/// (fsync when <paramref name="fsync"/>) before returning. Opening replays the file, the last line of a cloid
/// winning; an unreadable line (a write torn by a kill) is skipped and counted in <see cref="SkippedLines"/>,
/// and a torn last line is sealed with a newline so new lines start clean. The file is locked against a
/// second writer.
/// </summary>
public sealed class JsonlIntentLedger : IIntentLedger, IDisposable
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    private readonly InMemoryIntentLedger _state;
    private readonly FileStream _stream;
    private readonly bool _fsync;
    private readonly Lock _gate = new();
    private bool _disposed;
    private bool _torn;

    private JsonlIntentLedger(FileStream stream, bool fsync, InMemoryIntentLedger state, int skipped)
    {
        _stream = stream;
        _state = state;
        _fsync = fsync;
        SkippedLines = skipped;
    }

    /// <summary>Lines that could not be read when the file was opened.</summary>
    public int SkippedLines { get; }

    /// <summary>Opens (or creates) the ledger file and loads its state.</summary>
    /// <param name="fsync">True: each line is forced to disk (survives power loss); false: handed to the OS (survives a kill).</param>
    public static JsonlIntentLedger Open(string path, bool fsync = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        try
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var state = new InMemoryIntentLedger();
            var skipped = Load(bytes, state);
            if (bytes.Length > 0 && bytes[^1] != (byte)'\n')
            {
                stream.Seek(0, SeekOrigin.End);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: fsync);
            }

            stream.Seek(0, SeekOrigin.End);
            return new JsonlIntentLedger(stream, fsync, state, skipped);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Save(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Append(new LedgerLine { Kind = "entry", Entry = entry });
        _state.Save(entry);
    }

    public LedgerEntry? Find(string cloid) => _state.Find(cloid);

    public IReadOnlyList<LedgerEntry> Entries(string traderId) => _state.Entries(traderId);

    public IReadOnlySet<string> KnownCloids(string traderId) => _state.KnownCloids(traderId);

    public void SaveCheckpoint(string traderId, DateTimeOffset fillsSeenUntil)
    {
        Append(new LedgerLine { Kind = "checkpoint", TraderId = traderId, FillsSeenUntil = fillsSeenUntil });
        _state.SaveCheckpoint(traderId, fillsSeenUntil);
    }

    public DateTimeOffset? Checkpoint(string traderId) => _state.Checkpoint(traderId);

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _stream.Dispose();
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private void Append(LedgerLine line)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(line, Json);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_torn)
            {
                // A write failed part-way (disk full): the fragment becomes a line of its own (skipped on load),
                // so it cannot swallow the line written now.
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write("\n"u8);
            }

            _torn = true;
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: _fsync);
            _torn = false;
        }
    }

    private static int Load(byte[] bytes, InMemoryIntentLedger state)
    {
        var skipped = 0;
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                var parsed = JsonSerializer.Deserialize<LedgerLine>(line, Json);
                if (parsed is { Kind: "entry", Entry: { } entry })
                {
                    state.Save(entry);
                }
                else if (parsed is { Kind: "checkpoint", TraderId: { } trader, FillsSeenUntil: { } until })
                {
                    state.SaveCheckpoint(trader, until);
                }
                else
                {
                    skipped++;
                }
            }
            catch (JsonException)
            {
                skipped++;
            }
        }

        return skipped;
    }

    private sealed record LedgerLine
    {
        public required string Kind { get; init; }

        public LedgerEntry? Entry { get; init; }

        public string? TraderId { get; init; }

        public DateTimeOffset? FillsSeenUntil { get; init; }
    }
}
