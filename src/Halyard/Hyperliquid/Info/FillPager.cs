using Halyard.Hyperliquid.Http;

namespace Halyard.Hyperliquid.Info;

/// <summary>What <see cref="InfoClient.GetUserFillHistoryAsync"/> gathers.</summary>
/// <param name="Account">The master account (never the agent).</param>
/// <param name="Start">First fill time (inclusive).</param>
/// <param name="End">Last fill time (inclusive), or null for "until now".</param>
public sealed record FillHistoryQuery(string Account, DateTimeOffset Start, DateTimeOffset? End)
{
    /// <summary>Stop (incomplete) after this many requests.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>
    /// The smallest page cap the venue is known to have used (500 in 2023; 2000 documented today). A page
    /// shorter than this is certainly the last one; a longer page is followed by another request.
    /// </summary>
    public int SmallestPageCap { get; init; } = 500;
}

/// <summary>
/// Walks <c>userFillsByTime</c> forward. The venue returns at most a capped number of fills per response,
/// oldest first, so the next page starts at the newest time seen (inclusive, because several fills can
/// share a millisecond) and duplicates are dropped. The walk ends when a page is shorter than the smallest
/// known cap, brings nothing new, or reaches the end of the range.
/// </summary>
internal static class FillPager
{
    public static async Task<VenueResult<UserFillHistory>> CollectAsync(
        FillHistoryQuery query,
        Func<DateTimeOffset, CancellationToken, Task<VenueResult<IReadOnlyList<UserFill>>>> fetchPage,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.SmallestPageCap, 1);
        var seen = new HashSet<FillKey>();
        var fills = new List<UserFill>();
        var start = query.Start;
        for (var page = 0; page < query.MaxPages; page++)
        {
            var result = await fetchPage(start, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return VenueResult<UserFillHistory>.Failure(result.Error);
            }

            var batch = result.Value;
            var added = 0;
            foreach (var fill in batch)
            {
                if (seen.Add(FillKey.Of(fill)))
                {
                    fills.Add(fill);
                    added++;
                }
            }

            var newest = batch.Count == 0 ? start : batch.Max(f => f.Time);
            if (batch.Count < query.SmallestPageCap || added == 0 || (query.End is { } end && newest >= end))
            {
                return VenueResult<UserFillHistory>.Success(new UserFillHistory(Ordered(fills), IsComplete: true));
            }

            start = newest;
        }

        return VenueResult<UserFillHistory>.Success(new UserFillHistory(Ordered(fills), IsComplete: false));
    }

    private static UserFill[] Ordered(List<UserFill> fills) =>
        fills.OrderBy(f => f.Time).ThenBy(f => f.Tid ?? 0).ThenBy(f => f.Oid).ToArray();

    private readonly record struct FillKey(long? Tid, long Oid, string Hash, DateTimeOffset Time, decimal Price, decimal Size)
    {
        public static FillKey Of(UserFill fill) => new(fill.Tid, fill.Oid, fill.Hash, fill.Time, fill.Price, fill.Size);
    }
}
