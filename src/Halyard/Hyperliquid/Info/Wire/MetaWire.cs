using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary><c>meta</c> (and the first element of <c>metaAndAssetCtxs</c>). <c>marginTables</c> is not read.</summary>
public sealed record MetaWire
{
    [JsonPropertyName("universe")]
    public required IReadOnlyList<UniverseAssetWire> Universe { get; init; }

    [JsonPropertyName("collateralToken")]
    public int? CollateralToken { get; init; }
}

/// <summary>One perpetual in <c>meta.universe</c>; its index is the asset id.</summary>
public sealed record UniverseAssetWire
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("szDecimals")]
    public required int SzDecimals { get; init; }

    [JsonPropertyName("maxLeverage")]
    public required int MaxLeverage { get; init; }

    [JsonPropertyName("marginTableId")]
    public int? MarginTableId { get; init; }

    [JsonPropertyName("onlyIsolated")]
    public bool? OnlyIsolated { get; init; }

    [JsonPropertyName("isDelisted")]
    public bool? IsDelisted { get; init; }

    /// <summary><c>strictIsolated</c> or <c>noCross</c> when cross margin is not allowed.</summary>
    [JsonPropertyName("marginMode")]
    public string? MarginMode { get; init; }
}

/// <summary>One element of the second array of <c>metaAndAssetCtxs</c>.</summary>
public sealed record AssetCtxWire
{
    [JsonPropertyName("funding")]
    public required decimal Funding { get; init; }

    [JsonPropertyName("openInterest")]
    public required decimal OpenInterest { get; init; }

    [JsonPropertyName("prevDayPx")]
    public required decimal PrevDayPx { get; init; }

    [JsonPropertyName("dayNtlVlm")]
    public required decimal DayNtlVlm { get; init; }

    [JsonPropertyName("premium")]
    public decimal? Premium { get; init; }

    [JsonPropertyName("oraclePx")]
    public required decimal OraclePx { get; init; }

    [JsonPropertyName("markPx")]
    public required decimal MarkPx { get; init; }

    [JsonPropertyName("midPx")]
    public decimal? MidPx { get; init; }

    [JsonPropertyName("impactPxs")]
    public IReadOnlyList<decimal>? ImpactPxs { get; init; }

    [JsonPropertyName("dayBaseVlm")]
    public decimal? DayBaseVlm { get; init; }
}

/// <summary><c>metaAndAssetCtxs</c>: the two-element array <c>[meta, assetCtxs]</c>.</summary>
[JsonConverter(typeof(MetaAndAssetCtxsConverter))]
public sealed record MetaAndAssetCtxsWire(MetaWire Meta, IReadOnlyList<AssetCtxWire> AssetCtxs);

/// <summary>Reads and writes <see cref="MetaAndAssetCtxsWire"/> as the venue's two-element array.</summary>
public sealed class MetaAndAssetCtxsConverter : JsonConverter<MetaAndAssetCtxsWire>
{
    public override MetaAndAssetCtxsWire Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Expect(ref reader, JsonTokenType.StartArray);
        reader.Read();
        var meta = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<MetaWire>)options.GetTypeInfo(typeof(MetaWire)))
            ?? throw new JsonException("metaAndAssetCtxs: meta is null.");
        reader.Read();
        var ctxs = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<IReadOnlyList<AssetCtxWire>>)options.GetTypeInfo(typeof(IReadOnlyList<AssetCtxWire>)))
            ?? throw new JsonException("metaAndAssetCtxs: assetCtxs is null.");
        reader.Read();
        Expect(ref reader, JsonTokenType.EndArray);
        return new MetaAndAssetCtxsWire(meta, ctxs);
    }

    public override void Write(Utf8JsonWriter writer, MetaAndAssetCtxsWire value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, value.Meta, (JsonTypeInfo<MetaWire>)options.GetTypeInfo(typeof(MetaWire)));
        JsonSerializer.Serialize(writer, value.AssetCtxs, (JsonTypeInfo<IReadOnlyList<AssetCtxWire>>)options.GetTypeInfo(typeof(IReadOnlyList<AssetCtxWire>)));
        writer.WriteEndArray();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException("metaAndAssetCtxs: expected " + token + ", got " + reader.TokenType + ".");
        }
    }
}
