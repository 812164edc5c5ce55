using Halyard.Domain;

namespace Halyard.Journal.Analytics;

/// <summary>The parts of <see cref="PerformanceInputs"/> the journal itself holds: the equity curve and the judgements.</summary>
public static class JournalHistory
{
    /// <summary>One point per record with an account snapshot: (cycle timestamp, account value).</summary>
    public static IReadOnlyList<EquityPoint> EquityCurve(IEnumerable<DecisionCycleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return [.. records.Where(r => r.AccountSnapshot is not null).Select(r => new EquityPoint(r.Timestamp, r.AccountSnapshot!.AccountValue))];
    }

    /// <summary>
    /// One judgement per verdict on an actionable decision (hold and wait are not judged) and one per
    /// action that sent at least one request; rejections classified by <see cref="RejectionClassifier"/>.
    /// </summary>
    public static IReadOnlyList<Judgement> Judgements(IEnumerable<DecisionCycleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var judgements = new List<Judgement>();
        foreach (var record in records)
        {
            foreach (var verdict in record.Verdicts.Where(v => v.Action is not (DecisionAction.Hold or DecisionAction.Wait)))
            {
                var rejection = verdict.IsRejected
                    ? RejectionClassifier.FromReasonCode(verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : null)
                    : (RejectionClass?)null;
                judgements.Add(new Judgement(record.Timestamp, JudgementSource.Validator, rejection));
            }

            foreach (var action in record.Actions.Where(a => a.Attempts > 0))
            {
                var rejection = action.ErrorClass is { } errorClass
                    ? RejectionClassifier.FromVenueError(errorClass, action.ErrorDetail)
                    : (RejectionClass?)null;
                judgements.Add(new Judgement(record.Timestamp, JudgementSource.Venue, rejection));
            }
        }

        return judgements;
    }
}
