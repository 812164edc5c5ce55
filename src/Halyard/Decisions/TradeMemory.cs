using Halyard.Domain;

namespace Halyard.Decisions;

/// <summary>
/// The plan a position was opened with: its decision's reasoning and invalidation, the stop and target in force, when;
/// <paramref name="Adds"/> counts the scale-ins since (each one sets the stop and target of the combined position).
/// </summary>
public sealed record PositionPlan(string? Reasoning, string? Invalidation, decimal? StopLoss, decimal? TakeProfit, long OpenedCycle, DateTimeOffset OpenedAt, int Adds = 0);

/// <summary>A trade that closed recently: how (<c>take_profit</c>, <c>stop_loss</c>, <c>model</c>, <c>breaker</c>, <c>liquidation</c>, …) and its PnL net of fees and funding.</summary>
public sealed record RecentTrade(string Coin, PositionSide Side, DateTimeOffset ClosedAt, string How, decimal NetPnlUsd);

/// <summary>An open the venue refused for insufficient margin, with the size the Orchestrator suggested instead.</summary>
public sealed record SizeDownSuggestion(string Coin, decimal RequestedUsd, decimal SuggestedUsd, long Cycle);

/// <summary>
/// What the model is reminded of each cycle (the Manager keeps it): the plan of every open position, the
/// unrealized PnL of each after the fees already paid, the last closed trades and last cycle's size-down
/// suggestions. <see cref="ReasoningChars"/> shortens each plan's reasoning in the prompt.
/// </summary>
public sealed record TradeMemory
{
    public static TradeMemory Empty { get; } = new();

    public IReadOnlyDictionary<string, PositionPlan> Plans { get; init; } = new Dictionary<string, PositionPlan>();

    /// <summary>Unrealized PnL minus the fees paid so far plus funding, by coin.</summary>
    public IReadOnlyDictionary<string, decimal> UnrealizedNetPnlUsd { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The last closed trades, oldest first.</summary>
    public IReadOnlyList<RecentTrade> RecentTrades { get; init; } = [];

    public IReadOnlyList<SizeDownSuggestion> Suggestions { get; init; } = [];

    /// <summary>Characters of a plan's reasoning shown in the prompt (longer text is cut with an ellipsis).</summary>
    public int ReasoningChars { get; init; } = 240;
}
