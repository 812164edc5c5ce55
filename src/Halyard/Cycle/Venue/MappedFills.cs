using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Info.Wire;

namespace Halyard.Cycle.Venue;

/// <summary>
/// <see cref="InfoMapper.ToFill"/> over a typed <c>userFillsByTime</c> answer, reusing the fill mapped from the same wire
/// record in the last answer: the paper exchange hands a fill's wire once made (<c>FillWires</c>), and reconciliation
/// reads the same last fills every cycle. A wire is matched by reference only, so a new or another wire is mapped anew.
/// The last answer is swapped whole (concurrent readers see the old or the new one).
/// </summary>
internal sealed class MappedFills
{
    /// <summary>Above this many comparisons an answer is mapped without looking in the last one (a long history read).</summary>
    private const int MaxComparisons = 4_096;

    private (UserFillWire Wire, UserFill Fill)[] _last = [];

    public UserFill[] Map(IReadOnlyList<UserFillWire> wires)
    {
        ArgumentNullException.ThrowIfNull(wires);
        var last = _last;
        var look = (long)last.Length * wires.Count <= MaxComparisons;
        var fills = new UserFill[wires.Count];
        var next = new (UserFillWire, UserFill)[wires.Count];
        for (var i = 0; i < fills.Length; i++)
        {
            var wire = wires[i];
            var fill = look ? Kept(last, wire, i) : null;
            fills[i] = fill ?? InfoMapper.ToFill(wire);
            next[i] = (wire, fills[i]);
        }

        _last = next;
        return fills;
    }

    /// <summary>The fill mapped from <paramref name="wire"/> last time, looked for at its place first.</summary>
    private static UserFill? Kept((UserFillWire Wire, UserFill Fill)[] last, UserFillWire wire, int place)
    {
        if (place < last.Length && ReferenceEquals(last[place].Wire, wire))
        {
            return last[place].Fill;
        }

        foreach (var (kept, fill) in last)
        {
            if (ReferenceEquals(kept, wire))
            {
                return fill;
            }
        }

        return null;
    }
}
