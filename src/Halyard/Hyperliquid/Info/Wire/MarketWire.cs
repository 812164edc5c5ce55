using System.Text.Json.Serialization;

namespace Halyard.Hyperliquid.Info.Wire;

/// <summary>One candle of <c>candleSnapshot</c>.</summary>
public sealed record CandleWire
{
    /// <summary>Open time, ms.</summary>
    [JsonPropertyName("t")]
    public required long OpenTime { get; init; }

    /// <summary>Close time, ms.</summary>
    [JsonPropertyName("T")]
    public required long CloseTime { get; init; }

    [JsonPropertyName("s")]
    public required string Coin { get; init; }

    [JsonPropertyName("i")]
    public required string Interval { get; init; }

    [JsonPropertyName("o")]
    public required decimal Open { get; init; }

    [JsonPropertyName("c")]
    public required decimal Close { get; init; }

    [JsonPropertyName("h")]
    public required decimal High { get; init; }

    [JsonPropertyName("l")]
    public required decimal Low { get; init; }

    /// <summary>Volume in coins.</summary>
    [JsonPropertyName("v")]
    public required decimal Volume { get; init; }

    [JsonPropertyName("n")]
    public long? Trades { get; init; }
}

/// <summary><c>l2Book</c>: <c>levels[0]</c> bids (best first), <c>levels[1]</c> asks (best first).</summary>
public sealed record L2BookWire
{
    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    [JsonPropertyName("time")]
    public required long Time { get; init; }

    [JsonPropertyName("levels")]
    public required IReadOnlyList<IReadOnlyList<L2LevelWire>> Levels { get; init; }
}

public sealed record L2LevelWire
{
    [JsonPropertyName("px")]
    public required decimal Px { get; init; }

    [JsonPropertyName("sz")]
    public required decimal Sz { get; init; }

    /// <summary>Number of orders at this level.</summary>
    [JsonPropertyName("n")]
    public required int N { get; init; }
}

/// <summary>One entry of <c>fundingHistory</c>.</summary>
public sealed record FundingHistoryWire
{
    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    [JsonPropertyName("fundingRate")]
    public required decimal FundingRate { get; init; }

    [JsonPropertyName("premium")]
    public decimal? Premium { get; init; }

    [JsonPropertyName("time")]
    public required long Time { get; init; }
}

/// <summary>One entry of <c>userFunding</c>.</summary>
public sealed record UserFundingWire
{
    [JsonPropertyName("time")]
    public required long Time { get; init; }

    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    [JsonPropertyName("delta")]
    public required UserFundingDeltaWire Delta { get; init; }
}

public sealed record UserFundingDeltaWire
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("coin")]
    public required string Coin { get; init; }

    /// <summary>USDC received (negative = paid).</summary>
    [JsonPropertyName("usdc")]
    public required decimal Usdc { get; init; }

    [JsonPropertyName("szi")]
    public required decimal Szi { get; init; }

    [JsonPropertyName("fundingRate")]
    public required decimal FundingRate { get; init; }

    [JsonPropertyName("nSamples")]
    public int? NSamples { get; init; }
}

/// <summary><c>userRateLimit</c>: the address-based action budget.</summary>
public sealed record UserRateLimitWire
{
    [JsonPropertyName("cumVlm")]
    public required decimal CumVlm { get; init; }

    [JsonPropertyName("nRequestsUsed")]
    public required long NRequestsUsed { get; init; }

    [JsonPropertyName("nRequestsCap")]
    public required long NRequestsCap { get; init; }
}
