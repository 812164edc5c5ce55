namespace Halyard.Tests.Conventions.Samples.Right;

/// <summary>The second <c>Twin</c>, in another folder.</summary>
internal sealed class Twin
{
    internal sealed class State;
}
