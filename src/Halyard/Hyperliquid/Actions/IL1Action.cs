namespace Halyard.Hyperliquid.Actions;

/// <summary>
/// An L1 ("phantom agent") action: a typed, immutable record that writes its wire object exactly once
/// through an <see cref="IActionSink"/>. The same write drives the hash and the request body.
/// </summary>
public interface IL1Action : IWireAction
{
    /// <summary>Number of orders/cancels/modifies carried (0 for non-batched actions); sets the request weight.</summary>
    int BatchSize { get; }
}
