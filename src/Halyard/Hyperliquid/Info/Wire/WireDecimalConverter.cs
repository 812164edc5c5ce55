using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary>
/// Venue decimals arrive as strings (<c>"0.0000125"</c>): parsed with the invariant culture into
/// <see cref="decimal"/>, never through <see cref="double"/>. A JSON number is accepted too. Written back as
/// an invariant string, so the same DTOs can serve responses (the paper exchange).
/// </summary>
public sealed class WireDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Straight from the UTF-8 bytes (same parse, no string) unless the value is escaped or split.
            if (!reader.HasValueSequence && !reader.ValueIsEscaped
                && decimal.TryParse(reader.ValueSpan, Styles, CultureInfo.InvariantCulture, out var direct))
            {
                return direct;
            }

            var text = reader.GetString();
            if (decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            throw new JsonException("'" + text + "' is not a decimal.");
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
        {
            return number;
        }

        throw new JsonException("Expected a decimal string, got " + reader.TokenType + ".");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
