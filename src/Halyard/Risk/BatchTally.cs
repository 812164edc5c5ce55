using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>One open accepted earlier in the batch, as the liquidation estimate needs it.</summary>
/// <param name="Position">The position the stop protects: the open alone, or after a scale-in the combined position.</param>
/// <param name="Margin">The margin this open adds.</param>
/// <param name="IsAdd">A scale-in: <paramref name="Position"/> replaces the held position of its coin in the estimate.</param>
internal sealed record AcceptedOpen(MarginedPosition Position, PositionSide Side, decimal Stop, bool IsCross, decimal Margin, decimal EntryFee, bool IsAdd = false);

/// <summary>What the decisions accepted so far in one batch have already consumed.</summary>
internal sealed class BatchTally
{
    private readonly Dictionary<string, PositionSide> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly List<AcceptedOpen> _accepted = [];

    /// <summary>Opens accepted so far (scale-ins included: they count against the per-cycle and per-hour caps).</summary>
    public int Opens => _opened.Count;

    /// <summary>Opens accepted so far that start a new position (scale-ins add to a held one).</summary>
    public int NewPositions => _accepted.Count(a => !a.IsAdd);

    /// <summary>Margin the accepted opens will use, in USD.</summary>
    public decimal Margin { get; private set; }

    /// <summary>The accepted opens, in batch order.</summary>
    public IReadOnlyList<AcceptedOpen> Accepted => _accepted;

    public PositionSide? OpenedSide(string coin) => _opened.TryGetValue(coin, out var side) ? side : null;

    public bool Closed(string coin) => _closed.Contains(coin);

    public void AcceptOpen(AcceptedOpen open)
    {
        _opened.Add(open.Position.Coin, open.Side);
        _accepted.Add(open);
        Margin += open.Margin;
    }

    public void AcceptClose(string coin) => _closed.Add(coin);
}
