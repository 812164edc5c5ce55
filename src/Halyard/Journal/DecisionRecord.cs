using System.Text.Json.Serialization;
using Halyard.Domain;

namespace Halyard.Journal;

/// <summary>
/// A decision as the model proposed it, in the journal's own schema (the design's decision contract,
/// snake_case). Kept separate from <see cref="TradingDecision"/> so the on-disk schema does not move
/// when the in-memory type does.
/// </summary>
public sealed record DecisionRecord
{
    public required string Symbol { get; init; }

    public required DecisionAction Action { get; init; }

    public int? Leverage { get; init; }

    public decimal? PositionSizeUsd { get; init; }

    public decimal? EntryPrice { get; init; }

    public decimal? StopLoss { get; init; }

    public decimal? TakeProfit { get; init; }

    public int? Confidence { get; init; }

    public decimal? RiskUsd { get; init; }

    public string? Reasoning { get; init; }

    public string? InvalidationCondition { get; init; }

    /// <summary>Closes: the share of the position to close (0–1); null with a USD size or a full close.</summary>
    public decimal? CloseFraction { get; init; }

    /// <summary>
    /// Storage only (schema 2): this decision's reasoning is that of the decision at this index of the same record,
    /// written there. The journal's serialization sets it in place of a repeated text and clears it on reading
    /// (<see cref="DecisionListJson"/>), so a decision read back has its reasoning and no index.
    /// </summary>
    public int? ReasoningOf { get; init; }

    public static DecisionRecord From(TradingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionRecord
        {
            Symbol = decision.Symbol,
            Action = decision.Action,
            Leverage = decision.Leverage,
            PositionSizeUsd = decision.PositionSizeUsd,
            EntryPrice = decision.EntryPrice,
            StopLoss = decision.StopLoss,
            TakeProfit = decision.TakeProfit,
            Confidence = decision.Confidence,
            RiskUsd = decision.RiskUsd,
            Reasoning = decision.Reasoning,
            InvalidationCondition = decision.InvalidationCondition,
            CloseFraction = decision.CloseFraction,
        };
    }

    public TradingDecision ToDecision() => new(
        Symbol, Action, Leverage, PositionSizeUsd, EntryPrice, StopLoss, TakeProfit, Confidence, RiskUsd, Reasoning, InvalidationCondition, CloseFraction);
}

/// <summary>
/// The Validator's verdict on one decision. Reason codes are the Validator's stable snake_case strings;
/// the first one is the primary reason (used to classify a rejection, see <c>docs/analytics.md</c>).
/// </summary>
public sealed record VerdictRecord
{
    /// <summary>Index of the judged decision in <see cref="DecisionCycleRecord.Decisions"/>.</summary>
    public required int DecisionIndex { get; init; }

    public required string Symbol { get; init; }

    public required DecisionAction Action { get; init; }

    /// <summary>One of <see cref="VerdictKinds"/>.</summary>
    public required string Verdict { get; init; }

    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    public IReadOnlyList<AdjustmentRecord> Adjustments { get; init; } = [];

    [JsonIgnore]
    public bool IsRejected => Verdict == VerdictKinds.Rejected;
}

/// <summary>One field the Validator changed on an adjusted decision (e.g. leverage clamped from 40 to 20).</summary>
public sealed record AdjustmentRecord(string Field, decimal? From, decimal? To, string? ReasonCode = null);

/// <summary>The stable strings of <see cref="VerdictRecord.Verdict"/>.</summary>
public static class VerdictKinds
{
    public const string Accepted = "accepted";
    public const string Adjusted = "adjusted";
    public const string Rejected = "rejected";
}
