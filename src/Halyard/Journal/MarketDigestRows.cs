using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Journal;

/// <summary>
/// <see cref="MarketDigestEntry"/> in the journal (schema 2): one JSON array per coin,
/// <c>[coin, price, change1h_pct, change4h_pct, funding, open_interest]</c>, instead of an object repeating the
/// six names for every coin of every cycle. Reads both that row and schema 1's object (names snake_case, unknown
/// names ignored).
/// </summary>
internal sealed class MarketDigestRows : JsonConverter<MarketDigestEntry>
{
    /// <summary>The columns of a row, in order (the names of schema 1's object).</summary>
    private const string Columns = "coin, price, change1h_pct, change4h_pct, funding, open_interest";

    /// <summary>A <c>null</c> entry reaches <see cref="Read"/> and is refused (the list holds entries, never null).</summary>
    public override bool HandleNull => true;

    public override MarketDigestEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.StartArray => ReadRow(ref reader),
            JsonTokenType.StartObject => ReadObject(ref reader),
            _ => throw new JsonException("A market digest entry is a row (array) or an object."),
        };

    public override void Write(Utf8JsonWriter writer, MarketDigestEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        writer.WriteStringValue(value.Coin);
        writer.WriteNumberValue(value.Price);
        WriteNullable(writer, value.Change1hPct);
        WriteNullable(writer, value.Change4hPct);
        writer.WriteNumberValue(value.Funding);
        writer.WriteNumberValue(value.OpenInterest);
        writer.WriteEndArray();
    }

    private static MarketDigestEntry ReadRow(ref Utf8JsonReader reader)
    {
        var coin = NextString(ref reader);
        var price = NextDecimal(ref reader);
        var change1h = NextNullableDecimal(ref reader);
        var change4h = NextNullableDecimal(ref reader);
        var funding = NextDecimal(ref reader);
        var openInterest = NextDecimal(ref reader);
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A market digest row has 6 columns: " + Columns + ".");
        }

        return new MarketDigestEntry(coin, price, change1h, change4h, funding, openInterest);
    }

    private static MarketDigestEntry ReadObject(ref Utf8JsonReader reader)
    {
        string? coin = null;
        decimal? price = null, change1h = null, change4h = null, funding = null, openInterest = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "coin": coin = String(ref reader); break;
                case "price": price = Decimal(ref reader); break;
                case "change1h_pct": change1h = NullableDecimal(ref reader); break;
                case "change4h_pct": change4h = NullableDecimal(ref reader); break;
                case "funding": funding = Decimal(ref reader); break;
                case "open_interest": openInterest = Decimal(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (coin is null || price is null || funding is null || openInterest is null)
        {
            throw new JsonException("A market digest entry lacks coin, price, funding or open_interest.");
        }

        return new MarketDigestEntry(coin, price.Value, change1h, change4h, funding.Value, openInterest.Value);
    }

    private static void WriteNullable(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static string NextString(ref Utf8JsonReader reader) => Next(ref reader) ? String(ref reader) : throw Short();

    private static decimal NextDecimal(ref Utf8JsonReader reader) => Next(ref reader) ? Decimal(ref reader) : throw Short();

    private static decimal? NextNullableDecimal(ref Utf8JsonReader reader) => Next(ref reader) ? NullableDecimal(ref reader) : throw Short();

    private static bool Next(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    private static JsonException Short() => new("A market digest row has 6 columns: " + Columns + ".");

    private static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("A market digest coin is a string.");

    private static decimal Decimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonException("A market digest figure is a JSON number.");

    private static decimal? NullableDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader);
}
