using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution;

/// <summary>
/// The account's state as the venue pushed it (the WebSocket shadow state): what the Orchestrator reads at the
/// start of a reconciliation, and the prices it reads before an order, instead of polling. Null from a method
/// means "not usable now" (socket down, stale, resyncing): the Orchestrator then polls. Reads that verify an
/// action of ours (a close flat, an order's status) always poll.
/// </summary>
public interface IPushedState
{
    /// <summary>The account and its positions (as <c>clearinghouseState</c>).</summary>
    Task<AccountSnapshot?> AccountAsync(CancellationToken cancellationToken);

    /// <summary>The resting orders, with their trigger fields (as <c>frontendOpenOrders</c>).</summary>
    Task<IReadOnlyList<OpenOrder>?> OpenOrdersAsync(CancellationToken cancellationToken);

    /// <summary>The mid prices (as <c>allMids</c>).</summary>
    Task<IReadOnlyDictionary<string, decimal>?> MidsAsync(CancellationToken cancellationToken);
}
