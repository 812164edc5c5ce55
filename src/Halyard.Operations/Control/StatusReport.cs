namespace Halyard.Operations.Control;

/// <summary>A position as the operator sees it: size, entry, its protective orders, liquidation and unrealised PnL.</summary>
public sealed record PositionStatus(
    string Coin,
    decimal Size,
    decimal EntryPrice,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal? LiquidationPrice,
    decimal UnrealizedPnl,
    int Leverage);

/// <summary>One trader now.</summary>
public sealed record TraderStatus
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>True while its loop runs.</summary>
    public required bool Running { get; init; }

    /// <summary>Paused by the operator: no new opens.</summary>
    public required bool Paused { get; init; }

    public required long Cycle { get; init; }

    public DateTimeOffset? LastCycleAt { get; init; }

    public decimal? Equity { get; init; }

    /// <summary>open | paused by operator | paused until … (Sharpe gate) | safe mode | shadow.</summary>
    public required string Gating { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public IReadOnlyList<PositionStatus> Positions { get; init; } = [];
}

/// <summary>What <c>GET /api/status</c> answers.</summary>
public sealed record StatusReport(
    DateTimeOffset Time,
    string Venue,
    string JournalFolder,
    decimal? AccountValue,
    string? Error,
    IReadOnlyList<TraderStatus> Traders);

/// <summary>What a control action answers.</summary>
public sealed record ControlResult(bool Ok, string Action, string Target, string Detail);
