namespace Halyard.PaperExchange.Market;

/// <summary>
/// The synthetic order book around a mid (documented in <c>docs/paper-exchange.md</c>): best bid =
/// floor(mid − mid·spread/2) and best ask = ceil(mid + mid·spread/2) on the price grid (at least one tick
/// apart); level k sits k·step further out (step = max(one tick, mid·level_step_bps)); every level holds
/// <c>levelNotional</c> / price coins rounded down to the lot (at least one lot), one order each (the level notional
/// follows the recorded volume, see <see cref="BookOptions.LevelNotional"/>). The book is rebuilt from the mid on
/// every look: the simulator's own fills do not deplete it.
/// </summary>
internal sealed class SyntheticBook
{
    private SyntheticBook(decimal[] bidPx, decimal[] bidSz, decimal[] askPx, decimal[] askSz)
    {
        BidPx = bidPx;
        BidSz = bidSz;
        AskPx = askPx;
        AskSz = askSz;
    }

    public decimal[] BidPx { get; }

    public decimal[] BidSz { get; }

    public decimal[] AskPx { get; }

    public decimal[] AskSz { get; }

    public decimal BestBid => BidPx[0];

    public decimal BestAsk => AskPx[0];

    public int Levels => BidPx.Length;

    /// <summary>Best bid and ask only (what <c>allMids</c> and the asset contexts need), without building the levels.</summary>
    public static (decimal Bid, decimal Ask) Top(decimal mid, int szDecimals, BookOptions options)
    {
        var halfSpread = mid * options.SpreadBps / 20_000m;
        var bestBid = PriceMath.FloorToValid(mid - halfSpread, szDecimals);
        var bestAsk = PriceMath.CeilingToValid(mid + halfSpread, szDecimals);
        if (bestAsk <= bestBid)
        {
            bestAsk = PriceMath.CeilingToValid(bestBid + PriceMath.Tick(bestBid, szDecimals), szDecimals);
        }

        return (bestBid, bestAsk);
    }

    /// <summary>The mid of a top of book, as the venue reports it.</summary>
    public static decimal MidOf((decimal Bid, decimal Ask) top) => PriceMath.Normalize((top.Bid + top.Ask) / 2m);

    public static SyntheticBook Build(decimal mid, int szDecimals, BookOptions options, decimal levelNotional)
    {
        var levels = options.Levels;
        var (bestBid, bestAsk) = Top(mid, szDecimals, options);

        var step = Math.Max(PriceMath.Tick(mid, szDecimals), mid * options.LevelStepBps / 10_000m);
        var bidPx = new decimal[levels];
        var bidSz = new decimal[levels];
        var askPx = new decimal[levels];
        var askSz = new decimal[levels];
        var lot = PriceMath.Lot(szDecimals);
        for (var k = 0; k < levels; k++)
        {
            var bid = k == 0 ? bestBid : PriceMath.FloorToValid(bestBid - (k * step), szDecimals);
            if (k > 0 && bid >= bidPx[k - 1])
            {
                bid = PriceMath.FloorToValid(bidPx[k - 1] - PriceMath.Tick(bidPx[k - 1], szDecimals), szDecimals);
            }

            var ask = k == 0 ? bestAsk : PriceMath.CeilingToValid(bestAsk + (k * step), szDecimals);
            if (k > 0 && ask <= askPx[k - 1])
            {
                ask = PriceMath.CeilingToValid(askPx[k - 1] + PriceMath.Tick(askPx[k - 1], szDecimals), szDecimals);
            }

            bidPx[k] = bid;
            askPx[k] = ask;
            bidSz[k] = Math.Max(lot, PriceMath.RoundSizeDown(levelNotional / bid, szDecimals));
            askSz[k] = Math.Max(lot, PriceMath.RoundSizeDown(levelNotional / ask, szDecimals));
        }

        return new SyntheticBook(bidPx, bidSz, askPx, askSz);
    }

    /// <summary>The mid the venue would report: halfway between the best bid and ask.</summary>
    public decimal Mid => MidOf((BestBid, BestAsk));
}
