using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution;

/// <summary>
/// Where the Orchestrator polls the venue when not through its <see cref="InfoClient"/>: the replay's typed read path
/// (<c>replay.reads: typed</c>), which answers the same <c>clearinghouseState</c>, <c>frontendOpenOrders</c>,
/// <c>allMids</c> and <c>userFillsByTime</c> requests without HTTP, with the same weights and the same mapping. The counterpart of
/// <see cref="IPushedState"/> (what the venue pushed).
/// </summary>
public interface IPolledState
{
    /// <summary>The account of <paramref name="account"/>, as <see cref="InfoClient.GetClearinghouseStateAsync"/> returns it.</summary>
    Task<Result<AccountSnapshot>> GetAccountAsync(string account, CancellationToken cancellationToken);

    /// <summary>The open orders of <paramref name="account"/>, as <see cref="InfoClient.GetFrontendOpenOrdersAsync"/> returns them.</summary>
    Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(string account, CancellationToken cancellationToken);

    /// <summary>Every coin's mid, as <see cref="InfoClient.GetAllMidsAsync"/> returns them.</summary>
    Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken);

    /// <summary>Every fill of <paramref name="query"/>'s range, as <see cref="InfoClient.GetUserFillHistoryAsync"/> returns it.</summary>
    Task<Result<UserFillHistory>> GetFillHistoryAsync(FillHistoryQuery query, CancellationToken cancellationToken);
}
