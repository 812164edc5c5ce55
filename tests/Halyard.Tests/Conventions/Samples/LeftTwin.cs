namespace Halyard.Tests.Conventions.Samples.Left;

/// <summary>A type whose name another sample repeats (the name check's "would catch it" sample).</summary>
internal sealed class Twin
{
    internal sealed class State;
}
