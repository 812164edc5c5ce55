using Halyard.Domain;
using Halyard.Hyperliquid.Info;
using Halyard.Journal.Analytics;

namespace Halyard.Cycle.Performance;

/// <summary>
/// Round trips from the venue's own fills: a trade starts when a coin's position leaves zero and ends
/// when it returns to zero (a flip ends one trade and starts the next). Realized PnL is the fills'
/// <c>closedPnl</c>, fees the fills' fees (entry and exit), funding the account's funding payments on
/// the coin while the trade was open. Fills and funding seen twice (overlapping query windows) count once.
/// One instance per trader; not thread-safe.
/// </summary>
public sealed class TradeBook
{
    private readonly Dictionary<string, OpenTrade> _open = new(StringComparer.Ordinal);
    private readonly HashSet<(long Oid, long? Tid, long TimeMs, decimal Size)> _seenFills = [];
    private readonly HashSet<(string Coin, long TimeMs)> _seenFunding = [];
    private readonly List<ClosedTrade> _closed = [];

    /// <summary>Every trade closed so far, in closing order.</summary>
    public IReadOnlyList<ClosedTrade> Closed => _closed;

    /// <summary>Coins with an open trade.</summary>
    public IReadOnlyCollection<string> OpenCoins => _open.Keys;

    /// <summary>Applies fills (any order; sorted by time here) and returns the trades they closed.</summary>
    public IReadOnlyList<ClosedTrade> ApplyFills(IEnumerable<UserFill> fills)
    {
        ArgumentNullException.ThrowIfNull(fills);
        var closed = new List<ClosedTrade>();
        foreach (var fill in fills.OrderBy(f => f.Time).ThenBy(f => f.Tid ?? 0))
        {
            if (_seenFills.Add((fill.Oid, fill.Tid, fill.Time.ToUnixTimeMilliseconds(), fill.Size)))
            {
                Apply(fill, closed);
            }
        }

        _closed.AddRange(closed);
        return closed;
    }

    /// <summary>Attributes funding payments (received +, paid −) to the coin's open trade.</summary>
    public void ApplyFunding(IEnumerable<UserFundingEntry> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        foreach (var payment in payments)
        {
            if (_seenFunding.Add((payment.Coin, payment.Time.ToUnixTimeMilliseconds())) && _open.TryGetValue(payment.Coin, out var trade))
            {
                trade.Funding += payment.Usdc;
            }
        }
    }

    /// <summary>The open trades' figures at the account's marks (unrealized PnL from the venue's positions).</summary>
    public IReadOnlyList<OpenPositionPnl> OpenPositions(IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var result = new List<OpenPositionPnl>();
        foreach (var position in positions.Where(p => p.Size != 0m))
        {
            var trade = _open.GetValueOrDefault(position.Coin);
            result.Add(new OpenPositionPnl(position.Coin, trade?.EntryTime ?? DateTimeOffset.MinValue, position.UnrealizedPnl, trade?.Fees ?? 0m, trade?.Funding ?? 0m));
        }

        return result;
    }

    /// <summary>Forgets the dedup keys of fills and funding older than <paramref name="cutoff"/>.</summary>
    public void PruneSeenBefore(DateTimeOffset cutoff)
    {
        var ms = cutoff.ToUnixTimeMilliseconds();
        _seenFills.RemoveWhere(k => k.TimeMs < ms);
        _seenFunding.RemoveWhere(k => k.TimeMs < ms);
    }

    private void Apply(UserFill fill, List<ClosedTrade> closed)
    {
        var delta = fill.Side == OrderSide.Buy ? fill.Size : -fill.Size;
        var trade = _open.GetValueOrDefault(fill.Coin);
        var before = trade?.Position ?? 0m;
        if (before == 0m || Math.Sign(before) == Math.Sign(delta))
        {
            trade ??= Start(fill, delta);
            trade.Add(fill.Price, fill.Size, fill.Fee);
            return;
        }

        var closing = Math.Min(fill.Size, Math.Abs(before));
        var closingFee = fill.Size == 0m ? fill.Fee : fill.Fee * closing / fill.Size;
        trade!.Reduce(fill.Price, closing, fill.ClosedPnl, closingFee);
        if (trade.Position != 0m)
        {
            return;
        }

        closed.Add(trade.ToClosed(fill.Coin, fill.Time));
        _open.Remove(fill.Coin);
        var remainder = fill.Size - closing;
        if (remainder > 0m)
        {
            var flipped = Start(fill, delta);
            flipped.Add(fill.Price, remainder, fill.Fee - closingFee);
        }
    }

    private OpenTrade Start(UserFill fill, decimal delta)
    {
        var trade = new OpenTrade(delta > 0 ? PositionSide.Long : PositionSide.Short, fill.Time);
        _open[fill.Coin] = trade;
        return trade;
    }

    private sealed class OpenTrade(PositionSide side, DateTimeOffset entryTime)
    {
        private decimal _entryNotional;
        private decimal _entrySize;
        private decimal _exitNotional;
        private decimal _exitSize;
        private decimal _realized;

        public DateTimeOffset EntryTime { get; } = entryTime;

        public decimal Fees { get; private set; }

        public decimal Funding { get; set; }

        /// <summary>Signed coins still open.</summary>
        public decimal Position => (side == PositionSide.Long ? 1m : -1m) * (_entrySize - _exitSize);

        public void Add(decimal price, decimal size, decimal fee)
        {
            _entryNotional += price * size;
            _entrySize += size;
            Fees += fee;
        }

        public void Reduce(decimal price, decimal size, decimal closedPnl, decimal fee)
        {
            _exitNotional += price * size;
            _exitSize += size;
            _realized += closedPnl;
            Fees += fee;
        }

        public ClosedTrade ToClosed(string coin, DateTimeOffset exit) => new(
            coin,
            side,
            EntryTime,
            _entrySize == 0m ? 0m : _entryNotional / _entrySize,
            exit,
            _exitSize == 0m ? 0m : _exitNotional / _exitSize,
            _entrySize,
            _realized,
            Fees,
            Funding);
    }
}
