using System.Runtime;

namespace Halyard.Cycle.Replay;

/// <summary>
/// What the replay's cycles cost the process: wall time (on the injected wall clock), processor time of
/// all its threads, bytes allocated, and the methods the JIT compiled and its time (all process-wide counters,
/// read before and after).
/// </summary>
internal sealed class RunCost
{
    private readonly TimeProvider _wall;
    private readonly long _started;
    private readonly TimeSpan _cpuStarted;
    private readonly long _allocatedStarted;
    private readonly long _jitMethodsStarted;
    private readonly TimeSpan _jitStarted;

    private RunCost(TimeProvider wall)
    {
        _wall = wall;
        _cpuStarted = Environment.CpuUsage.TotalTime;
        _allocatedStarted = GC.GetTotalAllocatedBytes(precise: false);
        _jitMethodsStarted = JitInfo.GetCompiledMethodCount(currentThread: false);
        _jitStarted = JitInfo.GetCompilationTime(currentThread: false);
        _started = wall.GetTimestamp();
    }

    public static RunCost Start(TimeProvider wall) => new(wall ?? throw new ArgumentNullException(nameof(wall)));

    public Measured Stop() => new(
        _wall.GetElapsedTime(_started).TotalSeconds,
        (Environment.CpuUsage.TotalTime - _cpuStarted).TotalSeconds,
        GC.GetTotalAllocatedBytes(precise: false) - _allocatedStarted,
        JitInfo.GetCompiledMethodCount(currentThread: false) - _jitMethodsStarted,
        (JitInfo.GetCompilationTime(currentThread: false) - _jitStarted).TotalSeconds);

    /// <summary>Seconds of wall time, processor seconds, bytes allocated; methods the JIT compiled (first calls and tier-ups) and its seconds on all threads.</summary>
    public sealed record Measured(double WallSeconds, double CpuSeconds, long AllocatedBytes, long JitMethods, double JitSeconds);
}
