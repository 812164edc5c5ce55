using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Halyard.Journal;

/// <summary>
/// The one serialization of <see cref="DecisionCycleRecord"/>: snake_case names, enums as snake_case
/// strings, decimals as exact JSON numbers, one line per record. An optional property (an init property
/// that is not required) whose value is null or an empty list is left out, and reads back as null or
/// empty; constructor parameters and required properties are always written, nulls included.
/// </summary>
public static class JournalJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(new DefaultJsonTypeInfoResolver());

    /// <summary>The same options over compile-time metadata (<see cref="JournalJsonContext"/>): writing only, the same bytes without reflection.</summary>
    private static readonly JsonSerializerOptions WriteOptions = CreateOptions(JsonTypeInfoResolver.Combine(JournalJsonContext.Default, new DefaultJsonTypeInfoResolver()));

    /// <summary>The writer settings <see cref="SerializeLine"/> uses (the serializer's: relaxed escaping, not indented).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = Options.Encoder, Indented = false, SkipValidation = true };

    /// <summary>Writes the record with the journal's serialization (no newline); the caller flushes.</summary>
    internal static void Write(Utf8JsonWriter writer, DecisionCycleRecord record) => JsonSerializer.Serialize(writer, record, WriteOptions);

    /// <summary>The record as one UTF-8 JSON line, terminated by <c>\n</c>.</summary>
    public static byte[] SerializeLine(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = JsonSerializer.SerializeToUtf8Bytes(record, WriteOptions);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    public static string Serialize(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, WriteOptions);
    }

    /// <summary>Parses one record; throws <see cref="JsonException"/> when the text is not a whole, valid record.</summary>
    public static DecisionCycleRecord Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<DecisionCycleRecord>(utf8Json, Options)
        ?? throw new JsonException("A journal line holds null instead of a record.");

    public static DecisionCycleRecord Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<DecisionCycleRecord>(json, Options)
            ?? throw new JsonException("A journal line holds null instead of a record.");
    }

    /// <summary>The deterministic line replays compare: the record without its wall-clock fields.</summary>
    public static string DeterministicLine(DecisionCycleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Serialize(record.WithoutWallClock());
    }

    private static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver metadata)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = false,
            TypeInfoResolver = metadata.WithAddedModifier(OmitNullOptionalProperties),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new MarketDigestRows());
        options.Converters.Add(new DecisionListJson());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Leaves out null values and empty lists of properties a reader may omit (not a constructor parameter, not required).
    /// Compile-time metadata gives init-only properties a parameter too (a member initializer): those are optional.
    /// </summary>
    private static void OmitNullOptionalProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            var canBeNull = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            if (canBeNull && property.AssociatedParameter is null or { IsMemberInitializer: true } && !property.IsRequired)
            {
                property.ShouldSerialize = static (_, value) => value is not null and not System.Collections.ICollection { Count: 0 };
            }
        }
    }
}
