using Halyard.Domain;
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

/// <summary>One <c>userFillsByTime</c> request range (inclusive).</summary>
internal readonly record struct FillRange(DateTimeOffset Start, DateTimeOffset? End);

/// <summary>
/// Walks <c>userFillsByTime</c> pages. The venue caps each response; the docs say to page forward from the
/// last returned time (pages oldest first, as the 2025 testnet recording shows), while the 2023 recording came
/// newest first. So the direction is read from each page: an ascending page continues from its newest time, a
/// descending one continues with the range ending at its oldest time. The boundary is inclusive because several
/// fills can share a millisecond, and duplicates are dropped. The walk ends when a page is shorter than the
/// smallest known cap, brings nothing new, or the remaining range is empty.
/// </summary>
internal static class FillPager
{
    public static async Task<Result<UserFillHistory>> CollectAsync(
        FillHistoryQuery query,
        Func<FillRange, CancellationToken, Task<Result<IReadOnlyList<UserFill>>>> fetchPage,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.SmallestPageCap, 1);
        var seen = new HashSet<FillKey>();
        var fills = new List<UserFill>();
        var start = query.Start;
        var end = query.End;
        for (var page = 0; page < query.MaxPages; page++)
        {
            var result = await fetchPage(new FillRange(start, end), cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return Result<UserFillHistory>.Failure(result.Error);
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

            if (batch.Count < query.SmallestPageCap || added == 0)
            {
                return Done(fills, complete: true);
            }

            if (batch[0].Time > batch[^1].Time)
            {
                end = batch.Min(f => f.Time);
            }
            else
            {
                start = batch.Max(f => f.Time);
            }

            if (end is { } last && start > last)
            {
                return Done(fills, complete: true);
            }
        }

        return Done(fills, complete: false);
    }

    private static Result<UserFillHistory> Done(List<UserFill> fills, bool complete) =>
        Result<UserFillHistory>.Success(new UserFillHistory(Ordered(fills), complete));

    /// <summary>By time, trade id and order id (a stable sort: fills already in that order, as the pages bring them, are kept as they are).</summary>
    private static UserFill[] Ordered(List<UserFill> fills) =>
        InOrder(fills) ? [.. fills] : fills.OrderBy(f => f.Time).ThenBy(f => f.Tid ?? 0).ThenBy(f => f.Oid).ToArray();

    private static bool InOrder(List<UserFill> fills)
    {
        for (var i = 1; i < fills.Count; i++)
        {
            var (before, after) = (fills[i - 1], fills[i]);
            var order = before.Time.CompareTo(after.Time);
            if (order == 0)
            {
                order = (before.Tid ?? 0).CompareTo(after.Tid ?? 0);
            }

            if (order == 0)
            {
                order = before.Oid.CompareTo(after.Oid);
            }

            if (order > 0)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct FillKey(long? Tid, long Oid, string Hash, DateTimeOffset Time, decimal Price, decimal Size)
    {
        public static FillKey Of(UserFill fill) => new(fill.Tid, fill.Oid, fill.Hash, fill.Time, fill.Price, fill.Size);
    }
}
