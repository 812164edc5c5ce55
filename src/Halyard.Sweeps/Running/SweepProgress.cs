namespace Halyard.Sweeps.Running;

/// <summary>
/// Where a sweep is: jobs in the plan, finished before this run (skipped), done, running and failed in this
/// run, and the estimate of the time left (from this run's pace; null before the first job ends).
/// </summary>
public sealed record SweepProgress(int Total, int Skipped, int Done, int Running, int Failed, TimeSpan Elapsed, TimeSpan? Eta, string? Last)
{
    public int Remaining => Total - Skipped - Done - Failed;

    public static TimeSpan? Estimate(TimeSpan elapsed, int finished, int remaining) =>
        finished == 0 ? null : remaining <= 0 ? TimeSpan.Zero : elapsed / finished * remaining;
}

/// <summary>How a run of a sweep ended.</summary>
public sealed record SweepOutcome(int Total, int Skipped, int Done, int Failed, bool Cancelled, TimeSpan Elapsed)
{
    public bool Complete => !Cancelled && Failed == 0;
}
