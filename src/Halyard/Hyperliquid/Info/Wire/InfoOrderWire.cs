using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary>
/// An order as <c>openOrders</c> (first six fields, plus <c>origSz</c>/<c>cloid</c>/<c>reduceOnly</c> when
/// present) and <c>frontendOpenOrders</c>, <c>orderStatus</c>, <c>historicalOrders</c> (all fields) report it.
/// </summary>
public sealed record InfoOrderWire
{
    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    /// <summary><c>B</c> (bid, buy) or <c>A</c> (ask, sell).</summary>
    [JsonPropertyName("side")]
    public required string Side { get; init; }

    [JsonPropertyName("limitPx")]
    public required decimal LimitPx { get; init; }

    /// <summary>Remaining size (0 once filled or cancelled).</summary>
    [JsonPropertyName("sz")]
    public required decimal Sz { get; init; }

    [JsonPropertyName("oid")]
    public required long Oid { get; init; }

    [JsonPropertyName("timestamp")]
    public required long Timestamp { get; init; }

    [JsonPropertyName("origSz")]
    public decimal? OrigSz { get; init; }

    [JsonPropertyName("cloid")]
    public string? Cloid { get; init; }

    [JsonPropertyName("reduceOnly")]
    public bool? ReduceOnly { get; init; }

    [JsonPropertyName("triggerCondition")]
    public string? TriggerCondition { get; init; }

    [JsonPropertyName("isTrigger")]
    public bool? IsTrigger { get; init; }

    /// <summary><c>"0.0"</c> for non-trigger orders.</summary>
    [JsonPropertyName("triggerPx")]
    public decimal? TriggerPx { get; init; }

    [JsonPropertyName("children")]
    public IReadOnlyList<InfoOrderWire>? Children { get; init; }

    [JsonPropertyName("isPositionTpsl")]
    public bool? IsPositionTpsl { get; init; }

    /// <summary><c>Limit</c>, <c>Stop Market</c>, <c>Take Profit Market</c>, <c>Stop Limit</c>, <c>Market</c>, …</summary>
    [JsonPropertyName("orderType")]
    public string? OrderType { get; init; }

    /// <summary><c>Gtc</c>, <c>Ioc</c>, <c>Alo</c>, <c>FrontendMarket</c>, … or null for triggers.</summary>
    [JsonPropertyName("tif")]
    public string? Tif { get; init; }
}

/// <summary><c>orderStatus</c>: <c>{"status":"order","order":{…}}</c> or <c>{"status":"unknownOid"}</c>.</summary>
public sealed record OrderStatusWire
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("order")]
    public OrderStatusEntryWire? Order { get; init; }
}

/// <summary>An order with its processing status (orderStatus, historicalOrders).</summary>
public sealed record OrderStatusEntryWire
{
    [JsonPropertyName("order")]
    public required InfoOrderWire Order { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("statusTimestamp")]
    public required long StatusTimestamp { get; init; }
}
