using Halyard.PaperExchange.Market;

namespace Halyard.PaperExchange.Engine;

/// <summary>Walks the synthetic book for a taker: best level first, never past the limit price.</summary>
internal static class Matcher
{
    /// <summary>The executions (price, size) of a taker order of <paramref name="size"/>; empty when nothing is within the limit.</summary>
    public static List<(decimal Price, decimal Size)> Take(SyntheticBook book, bool isBuy, decimal limitPx, decimal size)
    {
        var fills = new List<(decimal Price, decimal Size)>(4);
        var remaining = size;
        var prices = isBuy ? book.AskPx : book.BidPx;
        var sizes = isBuy ? book.AskSz : book.BidSz;
        for (var level = 0; level < prices.Length && remaining > 0; level++)
        {
            var price = prices[level];
            if (isBuy ? price > limitPx : price < limitPx)
            {
                break;
            }

            var take = Math.Min(remaining, sizes[level]);
            fills.Add((price, take));
            remaining -= take;
        }

        return fills;
    }

    /// <summary>True when a limit at <paramref name="limitPx"/> would take liquidity now.</summary>
    public static bool Crosses(SyntheticBook book, bool isBuy, decimal limitPx) =>
        isBuy ? limitPx >= book.BestAsk : limitPx <= book.BestBid;
}
