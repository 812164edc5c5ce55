namespace Halyard.Cycle.Replay;

/// <summary>
/// What the replay's cycles cost the process: wall time (on the injected wall clock), processor time of
/// all its threads and bytes allocated (both process-wide counters, read before and after).
/// </summary>
internal sealed class RunCost
{
    private readonly TimeProvider _wall;
    private readonly long _started;
    private readonly TimeSpan _cpuStarted;
    private readonly long _allocatedStarted;

    private RunCost(TimeProvider wall)
    {
        _wall = wall;
        _cpuStarted = Environment.CpuUsage.TotalTime;
        _allocatedStarted = GC.GetTotalAllocatedBytes(precise: false);
        _started = wall.GetTimestamp();
    }

    public static RunCost Start(TimeProvider wall) => new(wall ?? throw new ArgumentNullException(nameof(wall)));

    public Measured Stop() => new(
        _wall.GetElapsedTime(_started).TotalSeconds,
        (Environment.CpuUsage.TotalTime - _cpuStarted).TotalSeconds,
        GC.GetTotalAllocatedBytes(precise: false) - _allocatedStarted);

    /// <summary>Seconds of wall time, processor seconds, bytes allocated.</summary>
    public sealed record Measured(double WallSeconds, double CpuSeconds, long AllocatedBytes);
}
