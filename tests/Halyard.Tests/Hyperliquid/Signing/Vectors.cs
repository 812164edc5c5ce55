using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Tests.Hyperliquid.Signing;

/// <summary>Loads the vector files copied into Fixtures/vectors.</summary>
internal static class Vectors
{
    public static JsonDocument Load(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vectors", name)));

    /// <summary>The ids of every entry in a section, for [MemberData].</summary>
    public static TheoryData<string> Ids(string file, string section)
    {
        using var document = Load(file);
        var data = new TheoryData<string>();
        foreach (var entry in document.RootElement.GetProperty(section).EnumerateArray())
        {
            data.Add(entry.GetProperty("id").GetString()!);
        }

        return data;
    }

    /// <summary>A clone of the entry with the given id (independent of the document's lifetime).</summary>
    public static JsonElement Entry(string file, string section, string id)
    {
        using var document = Load(file);
        return document.RootElement.GetProperty(section).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).Clone();
    }

    public static EthAddress SignerOf(string privateKeyHex)
    {
        using var document = Load("signing.json");
        return EthAddress.Parse(document.RootElement.GetProperty("conventions").GetProperty("signerAddresses").GetProperty(privateKeyHex).GetString()!);
    }

    public static EthAddress? OptionalAddress(JsonElement entry, string name) =>
        entry.GetProperty(name).ValueKind == JsonValueKind.Null ? null : EthAddress.Parse(entry.GetProperty(name).GetString()!);

    public static long? OptionalLong(JsonElement entry, string name) =>
        entry.GetProperty(name).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(name).GetInt64();

    /// <summary>The element as compact JSON in its own key order.</summary>
    public static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Halyard.Hyperliquid.Actions.ActionJson.WriterOptions))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static byte[] Hex(string text) => Convert.FromHexString(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text);

    public static string ToHex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
