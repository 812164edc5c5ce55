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

    /// <summary>
    /// Set when this trader's account or open-orders read failed: <see cref="Positions"/> is then empty or lacks its
    /// stops and targets (unknown, not absent).
    /// </summary>
    public string? ReadError { get; init; }

    /// <summary>A shadow trader's own paper account (its <see cref="Positions"/> and <see cref="Equity"/> are that account's); null: a live trader.</summary>
    public ShadowStatus? Shadow { get; init; }
}

/// <summary>A shadow trader's paper account, to compare with the live account before switching it on.</summary>
/// <param name="Account">The paper account's address (never the live one).</param>
/// <param name="WinRatePct">Winning round trips ÷ round trips × 100; null before the first.</param>
public sealed record ShadowStatus(string Account, decimal StartingEquity, decimal? Equity, decimal? NetPnlUsd, int ClosedTrades, decimal? WinRatePct);

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
