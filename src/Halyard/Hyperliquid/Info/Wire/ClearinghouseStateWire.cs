using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary><c>clearinghouseState</c>: the perp account.</summary>
public sealed record ClearinghouseStateWire
{
    [JsonPropertyName("marginSummary")]
    public required MarginSummaryWire MarginSummary { get; init; }

    [JsonPropertyName("crossMarginSummary")]
    public MarginSummaryWire? CrossMarginSummary { get; init; }

    [JsonPropertyName("crossMaintenanceMarginUsed")]
    public decimal? CrossMaintenanceMarginUsed { get; init; }

    [JsonPropertyName("withdrawable")]
    public required decimal Withdrawable { get; init; }

    [JsonPropertyName("assetPositions")]
    public required IReadOnlyList<AssetPositionWire> AssetPositions { get; init; }

    /// <summary>Venue time in ms (absent in 2023 responses).</summary>
    [JsonPropertyName("time")]
    public long? Time { get; init; }
}

public sealed record MarginSummaryWire
{
    [JsonPropertyName("accountValue")]
    public required decimal AccountValue { get; init; }

    [JsonPropertyName("totalNtlPos")]
    public required decimal TotalNtlPos { get; init; }

    [JsonPropertyName("totalRawUsd")]
    public required decimal TotalRawUsd { get; init; }

    [JsonPropertyName("totalMarginUsed")]
    public required decimal TotalMarginUsed { get; init; }
}

public sealed record AssetPositionWire
{
    /// <summary><c>oneWay</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("position")]
    public required PositionWire Position { get; init; }
}

public sealed record PositionWire
{
    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    /// <summary>Signed size: positive long, negative short.</summary>
    [JsonPropertyName("szi")]
    public required decimal Szi { get; init; }

    [JsonPropertyName("leverage")]
    public required LeverageWire Leverage { get; init; }

    [JsonPropertyName("entryPx")]
    public required decimal EntryPx { get; init; }

    [JsonPropertyName("positionValue")]
    public required decimal PositionValue { get; init; }

    [JsonPropertyName("unrealizedPnl")]
    public required decimal UnrealizedPnl { get; init; }

    [JsonPropertyName("returnOnEquity")]
    public decimal? ReturnOnEquity { get; init; }

    [JsonPropertyName("liquidationPx")]
    public decimal? LiquidationPx { get; init; }

    [JsonPropertyName("marginUsed")]
    public required decimal MarginUsed { get; init; }

    [JsonPropertyName("maxLeverage")]
    public int? MaxLeverage { get; init; }

    [JsonPropertyName("cumFunding")]
    public CumFundingWire? CumFunding { get; init; }
}

/// <summary><c>{"type":"cross","value":20}</c> or <c>{"type":"isolated","value":10,"rawUsd":"…"}</c>.</summary>
public sealed record LeverageWire
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("value")]
    public required int Value { get; init; }

    [JsonPropertyName("rawUsd")]
    public decimal? RawUsd { get; init; }
}

public sealed record CumFundingWire
{
    [JsonPropertyName("allTime")]
    public required decimal AllTime { get; init; }

    [JsonPropertyName("sinceOpen")]
    public required decimal SinceOpen { get; init; }

    [JsonPropertyName("sinceChange")]
    public required decimal SinceChange { get; init; }
}
