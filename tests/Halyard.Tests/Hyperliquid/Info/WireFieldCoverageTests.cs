using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>
/// Fails when a recorded response of a main endpoint carries a field that neither a wire DTO property nor the
/// ignore list below accounts for: a new venue field must be read or deliberately ignored, never lost silently.
/// </summary>
public sealed class WireFieldCoverageTests
{
    /// <summary>Fields we deliberately do not read, by JSON path, with the reason.</summary>
    private static readonly IReadOnlyDictionary<string, string> Ignored = new Dictionary<string, string>
    {
        ["$.assetPositions[].position.maxTradeSzs"] = "2023 schema only; superseded by activeAssetData, which Halyard does not use",
        ["$[0].marginTables"] = "notional-tiered leverage tables; Halyard caps leverage with universe[].maxLeverage and its own lower limits",
    };

    public static TheoryData<string, string> MainEndpointSamples() => new()
    {
        { "mainnet_clearinghouseState_2023-03-27.json", "clearinghouseState" },
        { "mainnet_clearinghouseState_2025-12-13.json", "clearinghouseState" },
        { "mainnet_fixture_clearinghouse_small.json", "clearinghouseState" },
        { "mainnet_fixture_clearinghouse_whale.json", "clearinghouseState" },
        { "mainnet_metaAndAssetCtxs_2025-08-22.json", "metaAndAssetCtxs" },
        { "mainnet_metaAndAssetCtxs_2026-02-06.json", "metaAndAssetCtxs" },
        { "mainnet_frontendOpenOrders_2023-11-16.json", "frontendOpenOrders" },
        { "mainnet_historicalOrders_2025-08-22.json", "historicalOrders" },
        { "mainnet_userFills_2023-07-17.json", "userFills" },
        { "testnet_userFillsByTime_2025-08-22.json", "userFills" },
        { "testnet_orderStatus_2025-08-22.json", "orderStatus" },
        { "testnet_orderStatus_2025-08-22_2.json", "orderStatus" },
        { "mainnet_orderStatus_2025-08-22.json", "orderStatus" },
    };

    [Theory]
    [MemberData(nameof(MainEndpointSamples))]
    public void Fixture_EveryFieldIsMappedOrIgnored(string file, string endpoint)
    {
        using var doc = JsonDocument.Parse(Fixtures.Bytes(file));

        var unmapped = Unmapped(doc.RootElement, endpoint);

        Assert.Empty(unmapped);
    }

    [Fact]
    public void Unmapped_NewVenueField_IsReported()
    {
        using var doc = JsonDocument.Parse("""
            [{"coin":"BTC","px":"1","sz":"1","side":"B","time":1,"dir":"Open Long","closedPnl":"0","hash":"0x","oid":1,
              "crossed":true,"fee":"0","liquidation":{"method":"market","newField":1},"brandNew":"x"}]
            """);

        var unmapped = Unmapped(doc.RootElement, "userFills");

        Assert.Equal(["$[].brandNew", "$[].liquidation.newField"], unmapped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ignored_EveryEntryStillOccursInAFixture()
    {
        var seen = new HashSet<string>();
        foreach (var (file, endpoint) in MainEndpointSamples().Select(row => ((string)row[0], (string)row[1])))
        {
            using var doc = JsonDocument.Parse(Fixtures.Bytes(file));
            Walk(doc.RootElement, endpoint, new List<string>(), seen);
        }

        Assert.Equal(Ignored.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private static List<string> Unmapped(JsonElement root, string endpoint)
    {
        var unmapped = new List<string>();
        Walk(root, endpoint, unmapped, new HashSet<string>());
        return unmapped;
    }

    private static void Walk(JsonElement root, string endpoint, List<string> unmapped, HashSet<string> ignoredSeen)
    {
        var json = InfoJsonContext.Default;
        switch (endpoint)
        {
            case "metaAndAssetCtxs":
                Collect(root[0], json.MetaWire, "$[0]", unmapped, ignoredSeen);
                Collect(root[1], json.IReadOnlyListAssetCtxWire, "$[1]", unmapped, ignoredSeen);
                break;
            case "clearinghouseState":
                Collect(root, json.ClearinghouseStateWire, "$", unmapped, ignoredSeen);
                break;
            case "frontendOpenOrders":
                Collect(root, json.IReadOnlyListInfoOrderWire, "$", unmapped, ignoredSeen);
                break;
            case "historicalOrders":
                Collect(root, json.IReadOnlyListOrderStatusEntryWire, "$", unmapped, ignoredSeen);
                break;
            case "userFills":
                Collect(root, json.IReadOnlyListUserFillWire, "$", unmapped, ignoredSeen);
                break;
            case "orderStatus":
                Collect(root, json.OrderStatusWire, "$", unmapped, ignoredSeen);
                break;
            default:
                throw new ArgumentException(endpoint);
        }
    }

    private static void Collect(JsonElement element, JsonTypeInfo info, string path, List<string> unmapped, HashSet<string> ignoredSeen)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
                foreach (var field in element.EnumerateObject())
                {
                    var fieldPath = path + "." + field.Name;
                    if (properties.TryGetValue(field.Name, out var property))
                    {
                        Collect(field.Value, info.Options.GetTypeInfo(property.PropertyType), fieldPath, unmapped, ignoredSeen);
                    }
                    else if (Ignored.ContainsKey(fieldPath))
                    {
                        ignoredSeen.Add(fieldPath);
                    }
                    else
                    {
                        unmapped.Add(fieldPath);
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array:
                var elementInfo = info.Options.GetTypeInfo(info.ElementType!);
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, elementInfo, path + "[]", unmapped, ignoredSeen);
                }

                break;
            default:
                // Scalars, nulls and decimal strings: nothing below them to account for.
                break;
        }
    }
}
