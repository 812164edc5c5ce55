using Halyard.Domain;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Info;
using static Halyard.Tests.PaperExchange.Conformance.ConformanceVenue;

namespace Halyard.Tests.PaperExchange.Conformance;

/// <summary>Every <c>/info</c> answer the client uses parses with the real <see cref="InfoClient"/> and says what happened.</summary>
public sealed class ConformanceInfoTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task MarketQueries_ParseAndAgree()
    {
        using var venue = new ConformanceVenue();
        var universe = Ok(await venue.Info.GetMetaAndAssetContextsAsync(None));
        var btc = universe.Instrument("BTC")!;
        Assert.Equal((0, 5, 40), (btc.AssetId, btc.SzDecimals, btc.MaxLeverage));
        Assert.Equal(10, universe.Contexts.Count(c => c.OpenInterest > 0));
        var context = universe.Context("BTC")!;
        var mids = Ok(await venue.Info.GetAllMidsAsync(None));
        Assert.Equal(mids["BTC"], context.MidPrice);
        Assert.Equal(Ok(await venue.Info.GetMetaAsync(None)).Count, universe.Instruments.Count);

        var book = Ok(await venue.Info.GetL2BookAsync("BTC", None));
        Assert.Equal(20, book.Bids.Count);
        Assert.Equal(mids["BTC"], book.Mid);

        var candles = Ok(await venue.Info.GetCandlesAsync("ETH", "4h", Start.AddDays(-10), Start, None));
        Assert.Equal(61, candles.Count);
        Assert.Equal(Start.ToUnixTimeMilliseconds(), candles[^1].OpenTimeMs);

        var funding = Ok(await venue.Info.GetFundingHistoryAsync("SOL", Start.AddDays(-1), null, None));
        Assert.InRange(funding.Count, 23, 25);
        Assert.All(funding, f => Assert.Equal("SOL", f.Coin));
    }

    [Fact]
    public async Task AccountQueries_ParseAndAgree()
    {
        using var venue = new ConformanceVenue();
        var cloid = Cloid.FromInt(77);
        await venue.PlaceAsync(Limit(0, true, "110000", "0.01", TimeInForce.Ioc));
        await venue.PlaceAsync(Limit(1, true, "2000", "0.5", TimeInForce.Gtc, cloid: cloid));
        await venue.Client.PlaceOrdersAsync(Grouped(OrderGrouping.PositionTpsl, Trigger(0, false, "90000", "0", "100000", TpSl.StopLoss)), None);
        venue.Clock.Advance(TimeSpan.FromHours(2));

        var account = Ok(await venue.Info.GetClearinghouseStateAsync(venue.Account, None));
        var position = account.PositionOf("BTC")!;
        Assert.Equal(0.01m, position.Size);
        Assert.True(position.IsCross);
        Assert.Equal(20, position.Leverage);
        Assert.Equal(account.AccountValue - account.TotalMarginUsed - Math.Max(0, position.UnrealizedPnl), account.Withdrawable);

        var open = Ok(await venue.Info.GetFrontendOpenOrdersAsync(venue.Account, None));
        Assert.Equal(2, open.Count);
        Assert.Contains(open, o => o.IsTrigger && o.TriggerPrice == 100000m && o.OrderType == "Stop Market");
        Assert.Contains(open, o => o.Cloid == cloid && o.LimitPrice == 2000m);
        Assert.Equal(2, Ok(await venue.Info.GetOpenOrdersAsync(venue.Account, None)).Count);

        var status = (await venue.StatusAsync(cloid)).Report!;
        Assert.True(status.IsOpen);
        Assert.Equal(0.5m, status.OriginalSize);

        var fills = await venue.FillsAsync();
        Assert.Single(fills);
        Assert.Equal(OrderSide.Buy, fills[0].Side);
        Assert.True(fills[0].Crossed);

        var fundings = Ok(await venue.Info.GetUserFundingAsync(venue.Account, Start, null, None));
        Assert.Equal(2, fundings.Count);
        Assert.All(fundings, f => Assert.Equal(0.01m, f.PositionSize));

        var history = Ok(await venue.Info.GetHistoricalOrdersAsync(venue.Account, None));
        Assert.Equal(3, history.Count);
        var limit = Ok(await venue.Info.GetUserRateLimitAsync(venue.Account, None));
        Assert.Equal(3, limit.RequestsUsed);
        Assert.Equal(10_000 + (long)decimal.Floor(limit.CumulativeVolume), limit.RequestsCap);
    }
}
