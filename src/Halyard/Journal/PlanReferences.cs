namespace Halyard.Journal;

/// <summary>
/// Plans are stored when they change (schema 2): a record whose plans equal the ones its trader's journal last
/// stored in full keeps only <see cref="DecisionCycleRecord.PlansSince"/>, that record's cycle. One compactor per
/// writer; a new writer (a restart) stores the first plans in full again, so a reference never leaves its file.
/// </summary>
internal sealed class PlanCompactor
{
    private readonly Dictionary<string, (long Cycle, IReadOnlyList<PlanRecord> Plans)> _stored = new(StringComparer.Ordinal);

    /// <summary>The record as it is stored: plans equal (value and scale) to the ones last stored in full become a reference.</summary>
    public DecisionCycleRecord Compact(DecisionCycleRecord record) =>
        record.Plans is { Count: > 0 } plans && _stored.TryGetValue(record.TraderId, out var last) && Same(plans, last.Plans)
            ? record with { Plans = null, PlansSince = last.Cycle }
            : record;

    /// <summary>Called once the stored form of a record is written: what later records may refer to.</summary>
    public void Stored(DecisionCycleRecord stored)
    {
        if (stored.PlansSince is not null)
        {
            return;
        }

        if (stored.Plans is { Count: > 0 } plans)
        {
            _stored[stored.TraderId] = (stored.Cycle, plans);
        }
        else
        {
            _stored.Remove(stored.TraderId);
        }
    }

    private static bool Same(IReadOnlyList<PlanRecord> a, IReadOnlyList<PlanRecord> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            // Equal as values and written alike: the same decimal scale and time offset.
            if (a[i] != b[i] || !SameScale(a[i].StopLoss, b[i].StopLoss) || !SameScale(a[i].TakeProfit, b[i].TakeProfit)
                || a[i].OpenedAt.Offset != b[i].OpenedAt.Offset)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameScale(decimal? x, decimal? y) => x is null ? y is null : y is not null && x.Value.Scale == y.Value.Scale;
}

/// <summary>
/// The readers' side of <see cref="PlanCompactor"/>: a record read with <see cref="DecisionCycleRecord.PlansSince"/>
/// gets the plans of that cycle of its trader, and the reference is cleared, so every reader sees each record's
/// plans as written in schema 1. A reference to a record that cannot be read is left as it is (plans null).
/// </summary>
internal static class PlanReferences
{
    /// <summary>
    /// Resolves references in place, in append order; <paramref name="lookup"/> finds a referenced record that
    /// <paramref name="records"/> do not hold (a window of the journal), or is null when they are the whole journal.
    /// </summary>
    public static void Resolve(List<DecisionCycleRecord> records, Func<string, long, DecisionCycleRecord?>? lookup = null)
    {
        Dictionary<(string, long), IReadOnlyList<PlanRecord>>? stored = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.PlansSince is { } since)
            {
                stored ??= [];
                if (!stored.TryGetValue((record.TraderId, since), out var plans)
                    && lookup?.Invoke(record.TraderId, since) is { Plans: { } found, PlansSince: null })
                {
                    plans = found;
                    stored[(record.TraderId, since)] = found;
                }

                if (plans is not null)
                {
                    records[i] = record with { Plans = plans, PlansSince = null };
                }
            }
            else if (record.Plans is { Count: > 0 } plans)
            {
                (stored ??= [])[(record.TraderId, record.Cycle)] = plans;
            }
        }
    }
}
