using Halyard.PaperExchange.Engine;

namespace Halyard.PaperExchange.Protocol;

/// <summary>
/// Where a time range begins in an account's fills, so a <c>userFillsByTime</c> read does not walk the whole history
/// every cycle. The fills are only ever appended; while each appended fill is no older than the one before it (checked
/// once per fill, as they come) the first fill at or after a time is found by bisection, else the walk starts at the
/// first fill, as before. Not thread-safe: one per reader that holds the engine's lock.
/// </summary>
internal sealed class FillTimeIndex
{
    private readonly Dictionary<Account, (int Checked, bool Ordered)> _accounts = new(ReferenceEqualityComparer.Instance);

    /// <summary>An index no fill before which is at or after <paramref name="startMs"/> (0 when the fills are out of time order).</summary>
    public int FirstAtOrAfter(Account account, long startMs)
    {
        var fills = account.Fills;
        var (checkedCount, ordered) = _accounts.GetValueOrDefault(account, (0, true));
        for (var i = Math.Max(checkedCount, 1); ordered && i < fills.Count; i++)
        {
            ordered = fills[i].Time >= fills[i - 1].Time;
        }

        _accounts[account] = (fills.Count, ordered);
        if (!ordered)
        {
            return 0;
        }

        int low = 0, high = fills.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (fills[middle].Time < startMs)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
