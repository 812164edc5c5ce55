using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Execution;

/// <summary>
/// Where the Orchestrator reads the account's fill history when not through its <see cref="InfoClient"/>: the replay's
/// typed read path (<c>replay.reads: typed</c>), which answers the same <c>userFillsByTime</c> pages without HTTP.
/// </summary>
public interface IFillHistorySource
{
    /// <summary>Every fill of <paramref name="query"/>'s range, as <see cref="InfoClient.GetUserFillHistoryAsync"/> returns it.</summary>
    Task<Result<UserFillHistory>> GetFillHistoryAsync(FillHistoryQuery query, CancellationToken cancellationToken);
}
