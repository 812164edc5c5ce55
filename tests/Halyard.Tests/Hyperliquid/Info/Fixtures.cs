using System.Text.Json;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>The recorded venue responses copied into the test output (Fixtures/hyperliquid, Fixtures/vectors).</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hyperliquid");

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    public static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));

    /// <summary>The entries of api_samples/INDEX.json.</summary>
    public static IReadOnlyList<SampleEntry> Index()
    {
        using var doc = JsonDocument.Parse(Text("INDEX.json"));
        return doc.RootElement.EnumerateArray().Select(e => new SampleEntry(
            e.GetProperty("file").GetString()!,
            e.GetProperty("network").GetString()!,
            e.GetProperty("request_type").GetString()!,
            e.GetProperty("request_body").ValueKind == JsonValueKind.Null ? null : e.GetProperty("request_body").Clone())).ToArray();
    }

    /// <summary>The fixtures of vectors/info_responses.json.</summary>
    public static IReadOnlyList<VectorEntry> InfoVectors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "vectors", "info_responses.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("fixtures").EnumerateArray().Select(e => new VectorEntry(
            e.GetProperty("id").GetString()!,
            e.GetProperty("request").Clone(),
            JsonSerializer.SerializeToUtf8Bytes(e.GetProperty("response")))).ToArray();
    }
}

internal sealed record SampleEntry(string File, string Network, string RequestType, JsonElement? RequestBody)
{
    public override string ToString() => File;
}

internal sealed record VectorEntry(string Id, JsonElement Request, byte[] Response)
{
    public override string ToString() => Id;
}
