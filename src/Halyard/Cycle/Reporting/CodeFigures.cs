namespace Halyard.Cycle.Reporting;

/// <summary>
/// How the engine's code ran during a replay's cycles: whether the engine assembly was precompiled (ReadyToRun: a
/// Release build of the CLI), how many methods the JIT compiled meanwhile (first calls of code not precompiled, and
/// tier-ups of hot methods) and the JIT's time on all threads, in seconds.
/// </summary>
public sealed record CodeFigures(bool ReadyToRun, long JitMethods, double JitSeconds);
