using System.Text.Json;
using Halyard.Hyperliquid.Info.Wire;
using Halyard.Domain;

namespace Halyard.Hyperliquid.Info;

/// <summary>
/// Reads a <c>metaAndAssetCtxs</c> answer and keeps what it read: the universe seldom changes (it never does
/// within a replay), so when the next answer's <c>meta</c> bytes equal the last ones the mapped instruments
/// are reused; and an asset context whose bytes equal the last answer's (a coin without trading, most of
/// the ~200) is reused as well, so only the contexts that changed are parsed, each with the typed
/// deserialization (decimals straight from UTF-8). One pass over the answer checks it is one well-formed
/// value. One per <see cref="InfoClient"/>; what is kept is swapped whole, so concurrent reads see either
/// the old or the new one.
/// </summary>
internal sealed class UniverseReader
{
    private Kept? _kept;

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
        if (kept is null || !meta.SequenceEqual(kept.Meta))
        {
            var wire = JsonSerializer.Deserialize(meta, InfoJsonContext.Default.MetaWire) ?? throw new JsonException("metaAndAssetCtxs: meta is null.");
            kept = new Kept(meta.ToArray(), InfoMapper.ToInstruments(wire), [], []);
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var instruments = kept.Instruments;
        var contexts = new AssetContext[instruments.Count];
        var bytes = new byte[instruments.Count][];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == instruments.Count)
            {
                throw new InfoFormatException($"metaAndAssetCtxs: {instruments.Count} assets but more contexts.");
            }

            var from = (int)reader.TokenStartIndex;
            reader.Skip();
            var context = body[from..(int)reader.BytesConsumed];
            if (count < kept.ContextBytes.Length && context.SequenceEqual(kept.ContextBytes[count]))
            {
                contexts[count] = kept.Contexts[count];
                bytes[count] = kept.ContextBytes[count];
            }
            else
            {
                contexts[count] = Map(instruments[count], context);
                bytes[count] = context.ToArray();
            }

            count++;
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("metaAndAssetCtxs: assetCtxs is not closed.");
        }

        if (count != instruments.Count)
        {
            throw new InfoFormatException($"metaAndAssetCtxs: {instruments.Count} assets but {count} contexts.");
        }

        Expect(ref reader, JsonTokenType.EndArray);
        if (reader.Read())
        {
            throw new JsonException("metaAndAssetCtxs: more than one JSON value.");
        }

        _kept = kept with { Contexts = contexts, ContextBytes = bytes };
        return new PerpUniverse(instruments, contexts);
    }

    private static AssetContext Map(InstrumentRules rules, ReadOnlySpan<byte> json)
    {
        var wire = JsonSerializer.Deserialize(json, InfoJsonContext.Default.AssetCtxWire) ?? throw new JsonException("metaAndAssetCtxs: a context is null.");
        return InfoMapper.ToContext(rules, wire);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new JsonException("metaAndAssetCtxs: expected " + token + ", got " + reader.TokenType + ".");
        }
    }

    /// <summary>The last answer's meta bytes and instruments, and each asset context with its bytes.</summary>
    private sealed record Kept(byte[] Meta, IReadOnlyList<InstrumentRules> Instruments, AssetContext[] Contexts, byte[][] ContextBytes);
}
