using System.Text.Json;

namespace Halyard.PaperExchange.Protocol;

/// <summary>The venue's signature object: <c>{"r":"0x…","s":"0x…","v":27|28}</c> with 1–64 hex digits each.</summary>
internal static class SignatureShape
{
    public static bool IsWellFormed(JsonElement signature) =>
        signature.TryGetProperty("r", out var r) && IsHex(r)
        && signature.TryGetProperty("s", out var s) && IsHex(s)
        && signature.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var vValue)
        && vValue is 27 or 28 or 0 or 1;

    private static bool IsHex(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = element.GetString()!;
        if (text.Length is < 3 or > 66 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (!char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
