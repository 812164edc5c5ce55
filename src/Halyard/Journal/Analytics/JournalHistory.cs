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
        Action<Judgement> add = judgements.Add;
        foreach (var record in records)
        {
            Judge(record, add);
        }

        return judgements;
    }

    /// <summary><see cref="Judgements"/> of one record, each handed to <paramref name="add"/> in order (no list of its own).</summary>
    public static void Judge(DecisionCycleRecord record, Action<Judgement> add)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(add);
        foreach (var verdict in record.Verdicts)
        {
            if (verdict.Action is DecisionAction.Hold or DecisionAction.Wait)
            {
                continue;
            }

            var rejection = verdict.IsRejected
                ? RejectionClassifier.FromReasonCode(verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : null)
                : (RejectionClass?)null;
            add(new Judgement(record.Timestamp, JudgementSource.Validator, rejection));
        }

        foreach (var action in record.Actions)
        {
            if (action.Attempts <= 0)
            {
                continue;
            }

            var rejection = action.ErrorClass is { } errorClass
                ? RejectionClassifier.FromVenueError(errorClass, action.ErrorDetail)
                : (RejectionClass?)null;
            add(new Judgement(record.Timestamp, JudgementSource.Venue, rejection));
        }
    }
}
