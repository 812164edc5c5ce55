using CsCheck;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Market;

namespace Halyard.Tests.PaperExchange.Market;

public sealed class SyntheticBookTests
{
    [Fact]
    public void Build_AnyMid_ValidMonotonicLevelsAroundTheMid()
    {
        var options = new BookOptions();
        Gen.Select(Gen.Decimal[0.01m, 150_000m], Gen.Int[0, 5]).Sample((mid, szDecimals) =>
        {
            var book = SyntheticBook.Build(mid, szDecimals, options);
            if (!(book.BestBid < mid || book.BestBid == PriceMath.Tick(book.BestBid, szDecimals)) || book.BestAsk <= mid || book.Levels != options.Levels)
            {
                return false;
            }

            for (var k = 0; k < book.Levels; k++)
            {
                if (!PriceMath.IsValidPrice(book.BidPx[k], szDecimals) || !PriceMath.IsValidPrice(book.AskPx[k], szDecimals)
                    || book.BidSz[k] <= 0 || book.AskSz[k] <= 0
                    || (k > 0 && (book.BidPx[k] >= book.BidPx[k - 1] || book.AskPx[k] <= book.AskPx[k - 1])))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Build_Btc_LevelsHoldTheConfiguredNotional()
    {
        var book = SyntheticBook.Build(107_141m, 5, new BookOptions(Levels: 5, LevelNotionalUsd: 10_000m, SpreadBps: 2m, LevelStepBps: 1m));
        Assert.Equal(107_130m, book.BestBid);
        Assert.Equal(107_152m, book.BestAsk);
        Assert.Equal(107_141m, book.Mid);
        Assert.All(Enumerable.Range(0, 5), k => Assert.InRange(book.AskSz[k] * book.AskPx[k], 9_999m, 10_000m));
    }
}
