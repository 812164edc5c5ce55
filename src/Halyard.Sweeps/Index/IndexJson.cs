using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Sweeps.Index;

/// <summary><c>index.json</c>: the sweep's name and every job entry, snake_case, written whole and atomically (temp file, then rename).</summary>
public sealed record IndexDocument(string Sweep, DateTimeOffset UpdatedAt, IReadOnlyList<JobEntry> Jobs)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IndexDocument FromJson(string json) =>
        JsonSerializer.Deserialize<IndexDocument>(json, Json) ?? throw new JsonException("index.json holds null.");
}
