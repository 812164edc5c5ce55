namespace Halyard.Decisions;

/// <summary>
/// The DecisionStep (design: "Manager Cycle" steps 4–5): holds the latest performance view and asks the
/// configured decision maker for the cycle's decisions. Validation is the caller's next step; the
/// DecisionStep never executes anything. One instance per trader (it keeps that trader's performance).
/// </summary>
public sealed class DecisionStep(IDecisionMaker maker)
{
    private PerformanceView? performance;

    public IDecisionMaker Maker => maker;

    /// <summary>The view given to <see cref="UpdatePerformance"/>, if any.</summary>
    public PerformanceView? Performance => Volatile.Read(ref performance);

    /// <summary>
    /// Stores the journal's latest performance view; the next <see cref="GetFullDecisionAsync"/> puts it
    /// in the context, where it reaches the prompt and the gating (stricter language, raised minimum confidence).
    /// </summary>
    public void UpdatePerformance(PerformanceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Volatile.Write(ref performance, view);
    }

    /// <summary>The cycle's decisions from the configured maker, with the stored performance applied.</summary>
    public Task<DecisionOutcome> GetFullDecisionAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = Performance;
        var effective = view is null ? context : context with { Performance = view };
        return maker.DecideAsync(effective, cancellationToken);
    }
}
