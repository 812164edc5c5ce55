namespace Halyard.Cycle;

/// <summary><c>execution.on_stop</c>: what <c>halyard run</c> leaves on the venue when it stops.</summary>
public enum StopPolicy
{
    /// <summary>Every position stays open, each with a live stop (checked, and placed where missing).</summary>
    Keep,

    /// <summary>Every position of the traders is closed (reduce-only); one that cannot be closed keeps its stop.</summary>
    Flatten,
}
