using System.Text.Json;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>
/// Reads a <c>metaAndAssetCtxs</c> answer and keeps its <c>meta</c> half: the universe seldom changes (it
/// never does within a replay), so when the next answer's <c>meta</c> bytes equal the last ones the mapped
/// instruments are reused and only the asset contexts are parsed. One per <see cref="InfoClient"/>; the
/// kept meta is swapped whole, so concurrent reads see either the old or the new one.
/// </summary>
internal sealed class UniverseReader
{
    private KeptMeta? _kept;

    /// <summary>The universe in <paramref name="body"/>; throws <see cref="JsonException"/> or <see cref="InfoFormatException"/> when malformed.</summary>
    public PerpUniverse Read(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        Expect(ref reader, JsonTokenType.StartArray);
        Expect(ref reader, JsonTokenType.StartObject);
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var meta = body[start..(int)reader.BytesConsumed];
        var kept = _kept;
        if (kept is null || !meta.SequenceEqual(kept.Bytes))
        {
            var wire = JsonSerializer.Deserialize(meta, InfoJsonContext.Default.MetaWire) ?? throw new JsonException("metaAndAssetCtxs: meta is null.");
            kept = new KeptMeta(meta.ToArray(), InfoMapper.ToInstruments(wire));
            _kept = kept;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var contexts = JsonSerializer.Deserialize(ref reader, InfoJsonContext.Default.IReadOnlyListAssetCtxWire)
            ?? throw new JsonException("metaAndAssetCtxs: assetCtxs is null.");
        Expect(ref reader, JsonTokenType.EndArray);
        if (reader.Read())
        {
            throw new JsonException("metaAndAssetCtxs: more than one JSON value.");
        }

        return InfoMapper.ToUniverse(kept.Instruments, contexts);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException("metaAndAssetCtxs: expected " + token + ", got " + reader.TokenType + ".");
        }
    }

    private sealed record KeptMeta(byte[] Bytes, IReadOnlyList<InstrumentRules> Instruments);
}
