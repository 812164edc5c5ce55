using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Halyard.Hyperliquid.Actions;

namespace Halyard.Hyperliquid.Signing;

/// <summary>
/// A secp256k1 signature as the venue receives it: <c>{"r":"0x…64hex","s":"0x…64hex","v":27|28}</c>.
/// Instances are canonical (zero-padded lowercase hex); <see cref="TryParse"/> also accepts the
/// unpadded form some SDKs print.
/// </summary>
public sealed record Signature
{
    private Signature(string r, string s, int v)
    {
        R = r;
        S = s;
        V = v;
    }

    /// <summary><c>0x</c> + 64 lowercase hex digits.</summary>
    public string R { get; }

    /// <summary><c>0x</c> + 64 lowercase hex digits.</summary>
    public string S { get; }

    /// <summary>27 + recovery id.</summary>
    public int V { get; }

    internal static Signature FromScalars(ReadOnlySpan<byte> r32, ReadOnlySpan<byte> s32, int v) =>
        new("0x" + Convert.ToHexStringLower(r32), "0x" + Convert.ToHexStringLower(s32), v);

    /// <summary>Parses <c>r</c>/<c>s</c> (<c>0x</c> + 1–64 hex digits, any case) and <c>v</c> (27/28, or 0/1).</summary>
    public static bool TryParse(string? r, string? s, int v, [NotNullWhen(true)] out Signature? signature)
    {
        signature = null;
        if (!TryNormalise(r, out var rHex) || !TryNormalise(s, out var sHex))
        {
            return false;
        }

        var normalisedV = v is 0 or 1 ? v + 27 : v;
        if (normalisedV is not (27 or 28))
        {
            return false;
        }

        signature = new Signature(rHex, sHex, normalisedV);
        return true;
    }

    public static Signature Parse(string r, string s, int v) =>
        TryParse(r, s, v, out var signature) ? signature : throw new FormatException("Not a signature {r, s, v}.");

    /// <summary>Reads the <c>signature</c> object of a received request.</summary>
    public static bool TryFromJson(JsonElement element, [NotNullWhen(true)] out Signature? signature)
    {
        signature = null;
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("r", out var r) && r.ValueKind == JsonValueKind.String
            && element.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.String
            && element.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var vInt)
            && TryParse(r.GetString(), s.GetString(), vInt, out signature);
    }

    /// <summary>The 32 big-endian bytes of r.</summary>
    public byte[] RBytes() => Convert.FromHexString(R.AsSpan(2));

    /// <summary>The 32 big-endian bytes of s.</summary>
    public byte[] SBytes() => Convert.FromHexString(S.AsSpan(2));

    /// <summary>Writes r then s, 32 big-endian bytes each, into <paramref name="destination"/> (64 bytes).</summary>
    internal void WriteScalars(Span<byte> destination)
    {
        Convert.FromHexString(R.AsSpan(2), destination[..32], out _, out _);
        Convert.FromHexString(S.AsSpan(2), destination[32..64], out _, out _);
    }

    /// <summary>Writes <c>{"r","s","v"}</c>.</summary>
    public void WriteTo(IActionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        sink.StartObject(3);
        sink.Property("r", R);
        sink.Property("s", S);
        sink.Property("v", V);
        sink.EndObject();
    }

    private static bool TryNormalise(string? text, [NotNullWhen(true)] out string? hex)
    {
        hex = null;
        if (text is null || text.Length < 3 || text.Length > 66 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
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

        hex = "0x" + text[2..].ToLowerInvariant().PadLeft(64, '0');
        return true;
    }
}
