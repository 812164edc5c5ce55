using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;

namespace Halyard.Sweeps.Planning;

/// <summary>
/// One replay of a sweep: its name (from its axes), the value label of each axis, the complete configuration
/// (as the canonical YAML the loader reads back, and loaded), the digest that identifies it, and its window.
/// </summary>
public sealed record SweepJob(
    string Name,
    IReadOnlyDictionary<string, string> Axes,
    string ConfigYaml,
    string Digest,
    ReplayWindow Window,
    HalyardConfig Config)
{
    /// <summary>Its run folder, relative to the sweep folder.</summary>
    public string RunFolder => Path.Combine("jobs", Name);
}

/// <summary>Every job of a sweep, in plan order.</summary>
public sealed record SweepPlan(string Name, string OutDirectory, IReadOnlyList<string> AxisNames, IReadOnlyList<SweepJob> Jobs);
