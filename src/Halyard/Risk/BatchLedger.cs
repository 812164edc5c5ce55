using Halyard.Domain;

namespace Halyard.Risk;

/// <summary>What the decisions accepted so far in one batch have already consumed.</summary>
internal sealed class BatchLedger
{
    private readonly Dictionary<string, PositionSide> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);

    /// <summary>Opens accepted so far.</summary>
    public int Opens => _opened.Count;

    /// <summary>Margin the accepted opens will use, in USD.</summary>
    public decimal Margin { get; private set; }

    public PositionSide? OpenedSide(string coin) => _opened.TryGetValue(coin, out var side) ? side : null;

    public bool Closed(string coin) => _closed.Contains(coin);

    public void AcceptOpen(string coin, PositionSide side, decimal margin)
    {
        _opened.Add(coin, side);
        Margin += margin;
    }

    public void AcceptClose(string coin) => _closed.Add(coin);
}
