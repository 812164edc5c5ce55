using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Tests.Domain;

/// <summary>The copied vectors and the two real <c>metaAndAssetCtxs</c> snapshots, read with System.Text.Json.</summary>
internal static class DomainFixtures
{
    public static readonly string[] SnapshotFiles =
    [
        "mainnet_metaAndAssetCtxs_2025-08-22.json",
        "mainnet_metaAndAssetCtxs_2026-02-06.json",
    ];

    public static JsonDocument Vectors(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "vectors", file)));

    public static JsonDocument Snapshot(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hyperliquid", file)));

    /// <summary>Every asset of one snapshot's <c>universe</c>, with its asset context (same index).</summary>
    public static IReadOnlyList<(InstrumentRules Rules, JsonElement Context)> Assets(string file)
    {
        using var document = Snapshot(file);
        var universe = document.RootElement[0].GetProperty("universe");
        var contexts = document.RootElement[1];
        var assets = new List<(InstrumentRules, JsonElement)>();
        for (var i = 0; i < universe.GetArrayLength(); i++)
        {
            var asset = universe[i];
            var rules = new InstrumentRules(
                asset.GetProperty("name").GetString()!,
                i,
                asset.GetProperty("szDecimals").GetInt32(),
                asset.GetProperty("maxLeverage").GetInt32(),
                asset.TryGetProperty("onlyIsolated", out var isolated) && isolated.GetBoolean(),
                asset.TryGetProperty("isDelisted", out var delisted) && delisted.GetBoolean());
            assets.Add((rules, contexts[i].Clone()));
        }

        return assets;
    }

    /// <summary>Every asset of both snapshots.</summary>
    public static IReadOnlyList<InstrumentRules> AllRules() =>
        [.. SnapshotFiles.SelectMany(Assets).Select(a => a.Rules)];
}
