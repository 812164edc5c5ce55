using System.Text.Json;
using System.Text.Json.Nodes;
using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>Replays a recorded request through <see cref="InfoClient"/>: the method that sends that request type.</summary>
internal static class InfoCalls
{
    /// <summary>Used when a fixture was saved without its request.</summary>
    public const string SomeAccount = "0x00000000000000000000000000000000000000aa";

    /// <summary>Request types <see cref="InfoClient"/> sends and maps.</summary>
    public static readonly IReadOnlySet<string> Consumed = new HashSet<string>
    {
        "meta", "metaAndAssetCtxs", "clearinghouseState", "openOrders", "frontendOpenOrders", "orderStatus",
        "userFills", "userFillsByTime", "candleSnapshot", "l2Book", "allMids", "fundingHistory", "userFunding",
        "historicalOrders", "userRateLimit",
    };

    /// <summary>Recorded samples Halyard deliberately does not read through <see cref="InfoClient"/>, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotConsumed = new Dictionary<string, string>
    {
        ["perpDexs"] = "HIP-3 builder dexes: Halyard trades the main perp dex only",
        ["portfolio"] = "UI aggregate (account value / PnL history); Halyard keeps its own performance record",
        ["spotClearinghouseState"] = "spot balances: Halyard trades perpetuals only",
        ["activeAssetData"] = "UI helper (max trade sizes); sizing uses clearinghouseState and the risk limits",
        ["userNonFundingLedgerUpdates"] = "deposits/withdrawals ledger: not used by the trading loop",
        ["exchange_order"] = "/exchange responses: parsed by the ExchangeClient; error texts tested in Errors/ExchangeSampleErrorTests",
        ["exchange_cancel"] = "/exchange responses: parsed by the ExchangeClient; error texts tested in Errors/ExchangeSampleErrorTests",
        ["exchange_cancelByCloid"] = "/exchange responses: parsed by the ExchangeClient; error texts tested in Errors/ExchangeSampleErrorTests",
    };

    public static async Task<object> CallAsync(InfoClient client, string type, JsonElement? request)
    {
        var ct = CancellationToken.None;
        var r = request ?? default;
        string User() => request is null ? SomeAccount : r.GetProperty("user").GetString()!;
        DateTimeOffset Time(JsonElement e, string name) => DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty(name).GetInt64());
        DateTimeOffset? OptionalTime(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(v.GetInt64()) : null;
        int? OptionalInt(string name) =>
            request is not null && r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

        return type switch
        {
            "meta" => await Ok(client.GetMetaAsync(ct)),
            "metaAndAssetCtxs" => await Ok(client.GetMetaAndAssetContextsAsync(ct)),
            "clearinghouseState" => await Ok(client.GetClearinghouseStateAsync(User(), ct)),
            "openOrders" => await Ok(client.GetOpenOrdersAsync(User(), ct)),
            "frontendOpenOrders" => await Ok(client.GetFrontendOpenOrdersAsync(User(), ct)),
            "orderStatus" => r.GetProperty("oid").ValueKind == JsonValueKind.Number
                ? await Ok(client.GetOrderStatusAsync(User(), r.GetProperty("oid").GetInt64(), ct))
                : await Ok(client.GetOrderStatusAsync(User(), Halyard.Domain.Cloid.Parse(r.GetProperty("oid").GetString()!), ct)),
            "userFills" => await Ok(client.GetUserFillsAsync(User(), ct)),
            "userFillsByTime" => await Ok(client.GetUserFillsByTimeAsync(User(), Time(r, "startTime"), OptionalTime(r, "endTime"), ct)),
            "candleSnapshot" => await Ok(client.GetCandlesAsync(
                r.GetProperty("req").GetProperty("coin").GetString()!,
                r.GetProperty("req").GetProperty("interval").GetString()!,
                Time(r.GetProperty("req"), "startTime"),
                Time(r.GetProperty("req"), "endTime"),
                ct)),
            "l2Book" => await Ok(client.GetL2BookAsync(
                request is null ? "BTC" : r.GetProperty("coin").GetString()!, OptionalInt("nSigFigs"), OptionalInt("mantissa"), ct)),
            "allMids" => await Ok(client.GetAllMidsAsync(ct)),
            "fundingHistory" => await Ok(client.GetFundingHistoryAsync(r.GetProperty("coin").GetString()!, Time(r, "startTime"), OptionalTime(r, "endTime"), ct)),
            "userFunding" => await Ok(client.GetUserFundingAsync(User(), Time(r, "startTime"), OptionalTime(r, "endTime"), ct)),
            "historicalOrders" => await Ok(client.GetHistoricalOrdersAsync(User(), ct)),
            "userRateLimit" => await Ok(client.GetUserRateLimitAsync(User(), ct)),
            _ => throw new ArgumentException("No InfoClient call for " + type),
        };
    }

    /// <summary>
    /// The recorded request in comparable form: keys sorted, the user address lowercased, and the
    /// equivalent spellings dropped (<c>"dex":""</c> is the main dex; <c>"endTime":null</c> is no end).
    /// </summary>
    public static string Canonical(JsonElement request)
    {
        var node = JsonNode.Parse(request.GetRawText())!.AsObject();
        if (node["dex"]?.GetValue<string>() == string.Empty)
        {
            node.Remove("dex");
        }

        if (node.ContainsKey("endTime") && node["endTime"] is null)
        {
            node.Remove("endTime");
        }

        if (node["user"] is JsonValue user)
        {
            node["user"] = user.GetValue<string>().ToLowerInvariant();
        }

        return Sorted(node)!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private static async Task<object> Ok<T>(Task<Result<T>> call)
        where T : notnull
    {
        var result = await call;
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
