using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary>One fill of <c>userFills</c> / <c>userFillsByTime</c>.</summary>
public sealed record UserFillWire
{
    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    [JsonPropertyName("px")]
    public required decimal Px { get; init; }

    [JsonPropertyName("sz")]
    public required decimal Sz { get; init; }

    [JsonPropertyName("side")]
    public required string Side { get; init; }

    [JsonPropertyName("time")]
    public required long Time { get; init; }

    [JsonPropertyName("startPosition")]
    public decimal? StartPosition { get; init; }

    /// <summary><c>Open Long</c>, <c>Close Short</c>, <c>Long &gt; Short</c>, …</summary>
    [JsonPropertyName("dir")]
    public required string Dir { get; init; }

    [JsonPropertyName("closedPnl")]
    public required decimal ClosedPnl { get; init; }

    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    [JsonPropertyName("oid")]
    public required long Oid { get; init; }

    /// <summary>True when this fill took liquidity.</summary>
    [JsonPropertyName("crossed")]
    public required bool Crossed { get; init; }

    [JsonPropertyName("fee")]
    public required decimal Fee { get; init; }

    /// <summary>Trade id (absent in 2023 responses).</summary>
    [JsonPropertyName("tid")]
    public long? Tid { get; init; }

    [JsonPropertyName("feeToken")]
    public string? FeeToken { get; init; }

    [JsonPropertyName("builderFee")]
    public decimal? BuilderFee { get; init; }

    [JsonPropertyName("twapId")]
    public long? TwapId { get; init; }

    [JsonPropertyName("cloid")]
    public string? Cloid { get; init; }

    [JsonPropertyName("liquidation")]
    public LiquidationWire? Liquidation { get; init; }
}

public sealed record LiquidationWire
{
    [JsonPropertyName("liquidatedUser")]
    public string? LiquidatedUser { get; init; }

    [JsonPropertyName("markPx")]
    public decimal? MarkPx { get; init; }

    [JsonPropertyName("method")]
    public string? Method { get; init; }
}
