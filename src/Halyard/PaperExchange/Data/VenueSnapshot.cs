using System.Globalization;
using System.Text.Json;

namespace Halyard.PaperExchange.Data;

/// <summary>One asset of the recorded universe, with the recorded context the simulator scales from.</summary>
/// <param name="AssetId">Index in <c>meta.universe</c> (the <c>a</c> of an order).</param>
/// <param name="SnapshotMarkPx">Mark price in the recorded snapshot.</param>
/// <param name="SnapshotOpenInterest">Open interest in coins in the recorded snapshot.</param>
/// <param name="SnapshotDayNtlVlm">24h notional volume in the recorded snapshot.</param>
public sealed record UniverseAsset(
    int AssetId,
    string Name,
    int SzDecimals,
    int MaxLeverage,
    int? MarginTableId,
    bool OnlyIsolated,
    bool IsDelisted,
    decimal SnapshotMarkPx,
    decimal SnapshotOpenInterest,
    decimal SnapshotDayNtlVlm);

/// <summary>A recorded <c>metaAndAssetCtxs</c> response: the universe and the raw margin tables.</summary>
public sealed class VenueSnapshot
{
    private readonly Dictionary<string, UniverseAsset> _byName;

    private VenueSnapshot(IReadOnlyList<UniverseAsset> universe, string marginTablesJson)
    {
        Universe = universe;
        MarginTablesJson = marginTablesJson;
        _byName = new Dictionary<string, UniverseAsset>(StringComparer.Ordinal);
        foreach (var asset in universe)
        {
            _byName.TryAdd(asset.Name, asset);
        }
    }

    public IReadOnlyList<UniverseAsset> Universe { get; }

    /// <summary>The <c>marginTables</c> element exactly as recorded (echoed by <c>meta</c>).</summary>
    public string MarginTablesJson { get; }

    public UniverseAsset? Find(string coin) => _byName.GetValueOrDefault(coin);

    /// <summary>A universe read from a live venue (asset id = index; no margin tables: the maintenance margin follows the leverage caps).</summary>
    public static VenueSnapshot Of(IReadOnlyList<UniverseAsset> universe)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return new VenueSnapshot(universe, "[]");
    }

    public static VenueSnapshot Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != 2)
        {
            throw new InvalidDataException("metaAndAssetCtxs must be a two-element array.");
        }

        var meta = root[0];
        var contexts = root[1];
        var universe = meta.GetProperty("universe");
        var assets = new List<UniverseAsset>(universe.GetArrayLength());
        var index = 0;
        foreach (var entry in universe.EnumerateArray())
        {
            var context = contexts[index];
            assets.Add(new UniverseAsset(
                index,
                entry.GetProperty("name").GetString() ?? throw new InvalidDataException("Asset without a name."),
                entry.GetProperty("szDecimals").GetInt32(),
                entry.GetProperty("maxLeverage").GetInt32(),
                entry.TryGetProperty("marginTableId", out var table) ? table.GetInt32() : null,
                entry.TryGetProperty("onlyIsolated", out var onlyIsolated) && onlyIsolated.GetBoolean(),
                entry.TryGetProperty("isDelisted", out var delisted) && delisted.GetBoolean(),
                Number(context, "markPx"),
                Number(context, "openInterest"),
                Number(context, "dayNtlVlm")));
            index++;
        }

        var marginTables = meta.TryGetProperty("marginTables", out var tables) ? tables.GetRawText() : "[]";
        return new VenueSnapshot(assets, marginTables);
    }

    private static decimal Number(JsonElement context, string name) =>
        context.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0m;
}
