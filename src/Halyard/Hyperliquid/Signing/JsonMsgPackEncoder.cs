using System.Text.Json;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// The one legitimate untyped encoder: turns a RECEIVED JSON action into msgpack the way the venue
/// re-derives the hash — objects keep the key order of the JSON text, integers take the smallest
/// width, strings hash their exact (unescaped) text. Non-integer numbers are refused (a float
/// would be hashed as float64 by the reference encoders and can never match a canonical action).
/// </summary>
public static class JsonMsgPackEncoder
{
    public static bool TryEncode(JsonElement element, MsgPackWriter writer, out string? error)
    {
        ArgumentNullException.ThrowIfNull(writer);
        error = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var unused in element.EnumerateObject())
                {
                    count++;
                }

                writer.WriteMapHeader(count);
                foreach (var property in element.EnumerateObject())
                {
                    writer.WriteString(property.Name);
                    if (!TryEncode(property.Value, writer, out error))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    if (!TryEncode(item, writer, out error))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                writer.WriteString(element.GetString()!);
                return true;
            case JsonValueKind.True:
                writer.WriteBool(true);
                return true;
            case JsonValueKind.False:
                writer.WriteBool(false);
                return true;
            case JsonValueKind.Null:
                writer.WriteNil();
                return true;
            case JsonValueKind.Number:
                return TryEncodeInteger(element, writer, out error);
            default:
                error = "Unsupported JSON value.";
                return false;
        }
    }

    private static bool TryEncodeInteger(JsonElement number, MsgPackWriter writer, out string? error)
    {
        error = null;
        var raw = number.GetRawText();
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            error = $"Non-integer number {raw} cannot be hashed; send prices and sizes as strings.";
            return false;
        }

        if (number.TryGetInt64(out var signed))
        {
            writer.WriteInteger(signed);
            return true;
        }

        if (number.TryGetUInt64(out var unsigned))
        {
            writer.WriteInteger(unsigned);
            return true;
        }

        error = $"Integer {raw} is outside the 64-bit range.";
        return false;
    }
}
