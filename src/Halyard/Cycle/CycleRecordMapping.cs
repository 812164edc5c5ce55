using Halyard.Decisions;
using Halyard.Decisions.Parsing;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Risk;

namespace Halyard.Cycle;

/// <summary>Everything step 8 journals besides the cycle's identity and timings.</summary>
internal sealed record CycleRecordParts(
    DecisionOutcome Outcome,
    bool Baseline,
    IReadOnlyList<FinalVerdict> Verdicts,
    AccountSnapshot Account,
    MarketRead Market,
    IReadOnlyList<ActionRecord> Actions,
    GatingRecord Gating,
    string? Problem,
    bool Failed,
    IReadOnlyList<PlanRecord>? Plans = null);

/// <summary>Maps a cycle's parts onto the journal's <see cref="DecisionCycleRecord"/> (schema: <c>docs/decision-log.md</c>).</summary>
internal static class CycleRecordMapping
{
    public static DecisionCycleRecord Compose(DecisionCycleRecord record, CycleRecordParts p)
    {
        var outcome = p.Outcome;
        var usage = outcome.Usage;
        return record with
        {
            InputPromptDigest = string.IsNullOrEmpty(outcome.PromptDigest) ? string.Empty : PromptDigest.Prefix + outcome.PromptDigest,
            InputPrompt = outcome.Prompt is { } prompt ? prompt.System + "\n\n" + prompt.User : null,
            // The baseline's reasoning is in its decisions and its "raw output" is their JSON: kept once, not three times.
            CotTrace = p.Baseline ? null : outcome.Cot,
            RawOutput = p.Baseline ? null : outcome.Raw,
            ParseOutcome = ParseOutcomeOf(outcome, p.Baseline),
            Decisions = [.. outcome.Decisions.Select(DecisionRecord.From)],
            // Hold and wait are always accepted and carry nothing to judge: only open and close verdicts are kept.
            Verdicts = Judged(p.Verdicts),
            AccountSnapshot = AccountRecord.From(p.Account),
            PositionsSnapshot = PositionRecord.From(p.Account),
            Plans = p.Plans,
            Candidates = p.Market.Candidates,
            MarketSnapDigest = Digest(p.Market),
            Actions = p.Actions,
            TokenUsage = usage.Total > 0 ? new TokenUsageRecord(usage.Input, usage.Output, usage.Total) : null,
            Gating = p.Gating,
            Success = !p.Failed,
            ErrorMessage = Join(outcome.Error is { } e ? "decision maker: " + e.Kind + ": " + e.Message : null, p.Problem),
        };
    }

    private static IReadOnlyList<VerdictRecord> Judged(IReadOnlyList<FinalVerdict> verdicts)
    {
        List<VerdictRecord>? judged = null;
        foreach (var v in verdicts)
        {
            if (v.Verdict.Decision.Action is not (DecisionAction.Hold or DecisionAction.Wait))
            {
                (judged ??= []).Add(ToRecord(v));
            }
        }

        return judged ?? [];
    }

    /// <summary>The snapshot digest of each candidate that has a snapshot, in the candidates' order.</summary>
    private static IReadOnlyList<MarketDigestEntry> Digest(MarketRead market)
    {
        var digest = new List<MarketDigestEntry>(market.Candidates.Count);
        foreach (var coin in market.Candidates)
        {
            if (market.Snapshots.TryGetValue(coin, out var snapshot))
            {
                digest.Add(MarketDigestEntry.From(snapshot));
            }
        }

        return digest;
    }

    /// <summary>The journal's parse outcome: <c>not_asked</c> for the baseline, else how the model's answer was read.</summary>
    public static string ParseOutcomeOf(DecisionOutcome outcome, bool baseline)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Error is { Kind: DecisionErrorKind.Timeout or DecisionErrorKind.Provider or DecisionErrorKind.Configuration })
        {
            return ParseOutcomes.ModelError;
        }

        if (baseline)
        {
            return ParseOutcomes.NotAsked;
        }

        return outcome.ParseOutcome switch
        {
            _ when outcome.Error is not null => ParseOutcomes.Failed,
            ParseOutcome.Failed => ParseOutcomes.Failed,
            _ when outcome.Retries > 0 => ParseOutcomes.Retried,
            ParseOutcome.Repaired => ParseOutcomes.Repaired,
            _ => ParseOutcomes.Structured,
        };
    }

    public static VerdictRecord ToRecord(FinalVerdict final)
    {
        var v = final.Verdict;
        return new VerdictRecord
        {
            DecisionIndex = final.ProposedIndex,
            Symbol = v.Decision.Symbol,
            Action = v.Decision.Action,
            Verdict = v.Kind switch
            {
                VerdictKind.Accepted => VerdictKinds.Accepted,
                VerdictKind.Adjusted => VerdictKinds.Adjusted,
                _ => VerdictKinds.Rejected,
            },
            ReasonCodes = [.. v.Violations.Select(x => x.Code.Name())],
            Adjustments = [.. v.Adjustments.Select(a => new AdjustmentRecord(a.Field, a.From, a.To, a.Reason.Name()))],
        };
    }

    /// <summary>The plans as journaled, by coin; null when there is none (the field is then left out).</summary>
    public static IReadOnlyList<PlanRecord>? ToRecords(IReadOnlyDictionary<string, PositionPlan>? plans) =>
        plans is null || plans.Count == 0
            ? null
            : [.. plans.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new PlanRecord
            {
                Symbol = kv.Key,
                Reasoning = kv.Value.Reasoning,
                InvalidationCondition = kv.Value.Invalidation,
                StopLoss = kv.Value.StopLoss,
                TakeProfit = kv.Value.TakeProfit,
                OpenedCycle = kv.Value.OpenedCycle,
                OpenedAt = kv.Value.OpenedAt,
                Adds = kv.Value.Adds,
            })];

    /// <summary>A journaled plan as the trader's memory holds it.</summary>
    public static PositionPlan FromRecord(PlanRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new PositionPlan(r.Reasoning, r.InvalidationCondition, r.StopLoss, r.TakeProfit, r.OpenedCycle, r.OpenedAt, r.Adds);
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + "; " + b;
}
