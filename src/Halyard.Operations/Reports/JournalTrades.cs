using Halyard.Domain;
using Halyard.Journal;
using Halyard.Journal.Analytics;

namespace Halyard.Operations.Reports;

/// <summary>
/// Round trips read back from a journal alone (no venue at hand): a position that appears in a cycle's
/// snapshot opens a trade, one that is gone (or flips side) closes it at the unrealised PnL last seen. The
/// journal does not hold fills, so fees and funding of these trades are zero and the exit is approximate;
/// equity-based figures (net PnL, Sharpe, drawdown) are exact because the account value includes them.
/// </summary>
public static class JournalTrades
{
    public static IReadOnlyList<ClosedTrade> Infer(IReadOnlyList<DecisionCycleRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var open = new Dictionary<string, (PositionRecord First, PositionRecord Last, DateTimeOffset Since)>(StringComparer.Ordinal);
        var trades = new List<ClosedTrade>();
        foreach (var record in records.Where(r => r.AccountSnapshot is not null))
        {
            var now = record.PositionsSnapshot.ToDictionary(p => p.Coin, StringComparer.Ordinal);
            foreach (var (coin, held) in open.ToArray())
            {
                if (!now.TryGetValue(coin, out var p) || Math.Sign(p.Size) != Math.Sign(held.First.Size))
                {
                    trades.Add(Close(held.First, held.Last, held.Since, record.Timestamp));
                    open.Remove(coin);
                }
            }

            foreach (var p in now.Values)
            {
                open[p.Coin] = open.TryGetValue(p.Coin, out var held) ? held with { Last = p } : (p, p, record.Timestamp);
            }
        }

        return trades;
    }

    private static ClosedTrade Close(PositionRecord first, PositionRecord last, DateTimeOffset since, DateTimeOffset at)
    {
        var size = Math.Abs(last.Size);
        var exit = size > 0 ? last.EntryPrice + (last.UnrealizedPnl / last.Size) : last.EntryPrice;
        return new ClosedTrade(first.Coin, first.Size > 0 ? PositionSide.Long : PositionSide.Short, since, first.EntryPrice, at, exit, size, last.UnrealizedPnl, 0m, 0m);
    }
}
