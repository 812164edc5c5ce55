using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;

namespace Halyard.Cycle.Venue;

/// <summary>
/// What the Manager reads from the venue each cycle, for one account (the master address, never the
/// agent wallet). Failures are values. <see cref="InfoVenueReader"/> is the implementation over the
/// <c>/info</c> client; tests may script it.
/// </summary>
public interface IVenueReader
{
    /// <summary><c>clearinghouseState</c>: account value, margin and positions.</summary>
    Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken);

    /// <summary><c>frontendOpenOrders</c>: resting orders including the triggers.</summary>
    Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken);

    /// <summary><c>metaAndAssetCtxs</c>: instrument rules and asset contexts.</summary>
    Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken);

    /// <summary><c>allMids</c>: the fresh prices of the pre-trade re-check.</summary>
    Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken);

    /// <summary>The account's fills in [start, end], oldest first.</summary>
    Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The account's funding payments in [start, end].</summary>
    Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}

/// <summary>The <see cref="IVenueReader"/> over <see cref="InfoClient"/> for one account.</summary>
public sealed class InfoVenueReader(InfoClient info, string account) : IVenueReader
{
    public string Account { get; } = account ?? throw new ArgumentNullException(nameof(account));

    public Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken) =>
        info.GetClearinghouseStateAsync(Account, cancellationToken);

    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        info.GetFrontendOpenOrdersAsync(Account, cancellationToken);

    public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken) =>
        info.GetMetaAndAssetContextsAsync(cancellationToken);

    public Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken) =>
        info.GetAllMidsAsync(cancellationToken);

    public async Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var history = await info.GetUserFillHistoryAsync(new FillHistoryQuery(Account, start, end), cancellationToken).ConfigureAwait(false);
        return history.Map<IReadOnlyList<UserFill>>(h => [.. h.Fills.OrderBy(f => f.Time).ThenBy(f => f.Tid ?? 0)]);
    }

    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        info.GetUserFundingAsync(Account, start, end, cancellationToken);
}
