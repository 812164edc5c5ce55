using System.Globalization;
using System.Text.Json;
using Halyard.Domain;

namespace Halyard.Tests.MarketData.Support;

/// <summary>Parses a recorded <c>metaAndAssetCtxs</c> answer: <c>[meta, assetCtxs]</c>, <c>assetCtxs[i]</c> belongs to <c>universe[i]</c>.</summary>
internal static class MetaAndAssetCtxsFixture
{
    public static (IReadOnlyList<AssetContext> Contexts, IReadOnlyList<InstrumentRules> Rules) Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hyperliquid", name);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var universe = document.RootElement[0].GetProperty("universe");
        var contexts = document.RootElement[1];
        Assert.Equal(universe.GetArrayLength(), contexts.GetArrayLength());
        var rules = new List<InstrumentRules>();
        var assets = new List<AssetContext>();
        for (var i = 0; i < universe.GetArrayLength(); i++)
        {
            var meta = universe[i];
            var ctx = contexts[i];
            var coin = meta.GetProperty("name").GetString()!;
            rules.Add(new InstrumentRules(
                coin,
                i,
                meta.GetProperty("szDecimals").GetInt32(),
                meta.GetProperty("maxLeverage").GetInt32(),
                meta.TryGetProperty("onlyIsolated", out var iso) && iso.GetBoolean(),
                meta.TryGetProperty("isDelisted", out var delisted) && delisted.GetBoolean()));
            assets.Add(new AssetContext(
                coin,
                Dec(ctx, "markPx")!.Value,
                Dec(ctx, "midPx"),
                Dec(ctx, "oraclePx")!.Value,
                Dec(ctx, "openInterest")!.Value,
                Dec(ctx, "funding")!.Value,
                Dec(ctx, "prevDayPx")!.Value,
                Dec(ctx, "dayNtlVlm")!.Value,
                Dec(ctx, "premium")));
        }

        return (assets, rules);
    }

    private static decimal? Dec(JsonElement element, string property) =>
        element.GetProperty(property) is { ValueKind: JsonValueKind.String } value
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
