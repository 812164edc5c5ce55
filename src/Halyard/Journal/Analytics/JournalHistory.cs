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
            foreach (var verdict in record.Verdicts)
            {
                if (Of(verdict, record.Timestamp) is { } judgement)
                {
                    judgements.Add(judgement);
                }
            }

            foreach (var action in record.Actions)
            {
                if (Of(action, record.Timestamp) is { } judgement)
                {
                    judgements.Add(judgement);
                }
            }
        }

        return judgements;
    }

    /// <summary>The judgement of a verdict (null for hold and wait, which are not judged).</summary>
    public static Judgement? Of(VerdictRecord verdict, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (verdict.Action is DecisionAction.Hold or DecisionAction.Wait)
        {
            return null;
        }

        var rejection = verdict.IsRejected
            ? RejectionClassifier.FromReasonCode(verdict.ReasonCodes.Count > 0 ? verdict.ReasonCodes[0] : null)
            : (RejectionClass?)null;
        return new Judgement(at, JudgementSource.Validator, rejection);
    }

    /// <summary>The judgement of an action (null when it sent no request).</summary>
    public static Judgement? Of(ActionRecord action, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Attempts <= 0)
        {
            return null;
        }

        var rejection = action.ErrorClass is { } errorClass
            ? RejectionClassifier.FromVenueError(errorClass, action.ErrorDetail)
            : (RejectionClass?)null;
        return new Judgement(at, JudgementSource.Venue, rejection);
    }
}
