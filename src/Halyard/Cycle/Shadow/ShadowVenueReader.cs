using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Hyperliquid.Info;

namespace Halyard.Cycle.Shadow;

/// <summary>
/// What a shadow trader reads: the market (instrument rules, asset contexts, mids) from the live venue the other
/// traders read, its account, orders, fills and funding from its own paper account.
/// </summary>
public sealed class ShadowVenueReader(IVenueReader market, IVenueReader account) : IVenueReader
{
    public Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken) => account.GetAccountAsync(cancellationToken);

    public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) => account.GetOpenOrdersAsync(cancellationToken);

    public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken) => market.GetUniverseAsync(cancellationToken);

    public Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken) => market.GetMidsAsync(cancellationToken);

    public Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        account.GetFillsAsync(start, end, cancellationToken);

    public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        account.GetFundingAsync(start, end, cancellationToken);
}
