using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>One open accepted earlier in the batch, as the liquidation estimate needs it.</summary>
internal sealed record AcceptedOpen(MarginedPosition Position, PositionSide Side, decimal Stop, bool IsCross, decimal Margin, decimal EntryFee);

/// <summary>What the decisions accepted so far in one batch have already consumed.</summary>
internal sealed class BatchTally
{
    private readonly Dictionary<string, PositionSide> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly List<AcceptedOpen> _accepted = [];

    /// <summary>Opens accepted so far.</summary>
    public int Opens => _opened.Count;

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
