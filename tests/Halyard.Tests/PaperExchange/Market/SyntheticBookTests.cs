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
            // The venue lists no asset whose price is only a few hundred of its own ticks: a book of options.Levels
            // distinct levels below such a mid cannot exist.
            if (mid < 500m * PriceMath.Tick(mid, szDecimals))
            {
                return true;
            }

            var book = SyntheticBook.Build(mid, szDecimals, options, 50_000m);
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
        var options = new BookOptions(Levels: 5, LevelNotionalUsd: 10_000m, SpreadBps: 2m, LevelStepBps: 1m);
        var book = SyntheticBook.Build(107_141m, 5, options, options.LevelNotional(dayNotionalVolume: 1e9m));
        Assert.Equal(107_130m, book.BestBid);
        Assert.Equal(107_152m, book.BestAsk);
        Assert.Equal(107_141m, book.Mid);
        Assert.All(Enumerable.Range(0, 5), k => Assert.InRange(book.AskSz[k] * book.AskPx[k], 9_999m, 10_000m));
    }

    [Fact]
    public void LevelNotional_ByDefault_IsTheShareOfTheDayVolume_WithAFloor()
    {
        var options = new BookOptions();
        Assert.Equal(600_000m, options.LevelNotional(3_000_000_000m));   // BTC-like: 2e-4 of $3B a day
        Assert.Equal(3_000m, options.LevelNotional(15_000_000m));        // ARB-like
        Assert.Equal(1_000m, options.LevelNotional(0m));                 // no recorded volume: the floor
    }

    [Fact]
    public void Book_DepthFollowsTheRecordedVolume_ThinnerForSmallCoins()
    {
        var market = new MarketView(Halyard.PaperExchange.Data.MarketDataSet.Embedded, "5m", new BookOptions());
        var t = new DateTimeOffset(2025, 7, 10, 12, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var btc = market.FindAsset("BTC")!.Value;
        var arb = market.FindAsset("ARB")!.Value;
        var btcLevel = market.LevelNotional(btc, t);
        var arbLevel = market.LevelNotional(arb, t);
        Assert.Equal(market.DayVolume(btc, t).Notional * 0.0002m, btcLevel);
        Assert.True(btcLevel > 50 * arbLevel, $"BTC level {btcLevel} vs ARB level {arbLevel}");
        var book = market.Book(arb, market.Mark(arb, t)!.Value, t);
        Assert.InRange(book.AskSz[0] * book.AskPx[0], arbLevel * 0.99m, arbLevel);
    }
}
