using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Operations.Control;

/// <summary>One operator action: who asked, when, what, on whom, and what came of it.</summary>
public sealed record ControlEntry(
    DateTimeOffset Time,
    string Who,
    string Action,
    string Target,
    bool Ok,
    string Detail);

/// <summary>
/// <c>control.jsonl</c> in the journal folder: every control action (pause, resume, flatten, cancel-all),
/// appended and flushed to disk before the answer goes back. Thread-safe.
/// </summary>
public sealed class ControlJournal(string path)
{
    public const string FileName = "control.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Lock _lock = new();

    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    public void Append(ControlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        lock (_lock)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(line);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every entry of a folder's control journal (none when there is none).</summary>
    public static IReadOnlyList<ControlEntry> Read(string folder)
    {
        var path = System.IO.Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        return [.. File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<ControlEntry>(l, Json))
            .OfType<ControlEntry>()];
    }
}
