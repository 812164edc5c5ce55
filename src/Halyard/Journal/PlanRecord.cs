namespace Halyard.Journal;

/// <summary>
/// The plan a held position was opened with, as journaled each cycle (<see cref="DecisionCycleRecord.Plans"/>):
/// the entry decision's reasoning and invalidation condition, the stop and target in force, when it was opened,
/// and the scale-ins made since. A restarted trader reloads it, so the model still reads its plan.
/// </summary>
public sealed record PlanRecord
{
    public required string Symbol { get; init; }

    public string? Reasoning { get; init; }

    public string? InvalidationCondition { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public required long OpenedCycle { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public int Adds { get; init; }
}
