using Halyard.Domain;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Tests.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>Real values from the recorded responses arrive intact in the domain records.</summary>
public sealed class InfoClientSpotCheckTests
{
    private const string Account = "0x5e9ee1089755c3435139848e47e6635505d5a13a";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task GetMeta_Mainnet2025_BtcAndEthRulesByIndex()
    {
        var rules = Ok(await Client("mainnet_meta_2025-12-13.json").GetMetaAsync(None));

        Assert.Equal(223, rules.Count);
        Assert.Equal(new InstrumentRules("BTC", 0, 5, 40), rules[0]);
        Assert.Equal(new InstrumentRules("ETH", 1, 4, 25), rules[1]);
        Assert.Equal(Enumerable.Range(0, rules.Count), rules.Select(r => r.AssetId));
        Assert.Equal(37, rules.Count(r => r.IsDelisted));
        Assert.Equal(10, rules.Count(r => r.OnlyIsolated));
    }

    [Fact]
    public async Task GetMeta_Testnet_AssetIdIsTheTestnetIndex()
    {
        var rules = Ok(await Client("testnet_meta_2025-08-22.json").GetMetaAsync(None));

        Assert.Equal(183, rules.Count);
        Assert.Equal(new InstrumentRules("BTC", 3, 5, 40), rules.Single(r => r.Name == "BTC"));
        Assert.True(rules.Single(r => r.Name == "UNIBOT") is { OnlyIsolated: true, IsDelisted: true });
    }

    [Fact]
    public async Task GetMeta_2023Schema_WithoutOptionalFields()
    {
        var rules = Ok(await Client("mainnet_meta_2023-07-17.json").GetMetaAsync(None));

        Assert.Equal(28, rules.Count);
        Assert.Equal(new InstrumentRules("BTC", 0, 5, 50), rules[0]);
    }

    [Fact]
    public async Task GetMetaAndAssetContexts_2026_BtcContext()
    {
        var universe = Ok(await Client("mainnet_metaAndAssetCtxs_2026-02-06.json").GetMetaAndAssetContextsAsync(None));

        Assert.Equal(228, universe.Instruments.Count);
        Assert.Equal(228, universe.Contexts.Count);
        var btc = universe.Context("BTC")!;
        Assert.Equal(new AssetContext("BTC", 66344.0m, 66371.5m, 66383.0m, 22727.78266m, -0.000003688m, 69557.0m, 12377419030.3486595154m, -0.0001657051m), btc);
        Assert.Equal(0, universe.Instrument("BTC")!.AssetId);
    }

    [Fact]
    public async Task GetMetaAndAssetContexts_HipDex_StrictIsolatedAndNoCrossAreOnlyIsolated()
    {
        var universe = Ok(await Client("mainnet_metaAndAssetCtxs_2026-02-06_2.json").GetMetaAndAssetContextsAsync(None));

        Assert.Equal(43, universe.Instruments.Count);
        Assert.All(universe.Instruments, i => Assert.True(i.OnlyIsolated));
        Assert.Equal("xyz:XYZ100", universe.Instruments[0].Name);
    }

    [Fact]
    public async Task GetClearinghouseState_2023_PositionsAndNoVenueTime()
    {
        var clock = TestHttp.Clock();
        var account = Ok(await Client("mainnet_clearinghouseState_2023-03-27.json", clock).GetClearinghouseStateAsync(Account, None));

        Assert.Equal(1182.312496m, account.AccountValue);
        Assert.Equal(171.740766m, account.TotalMarginUsed);
        Assert.Equal(3434.815334m, account.TotalNotionalPosition);
        Assert.Equal(1010.57173m, account.Withdrawable);
        Assert.Equal(12, account.Positions.Count);
        Assert.Equal(new Position("BTC", -0.00785m, 26951.0m, 211.64542m, -0.08007m, 10.582271m, 20, true, 173198.69592357m), account.Positions[0]);
        Assert.Equal(PositionSide.Short, account.Positions[0].Side);
        Assert.Null(account.PositionOf("ETH")!.LiquidationPrice);
        Assert.Equal(clock.GetUtcNow(), account.Time);
    }

    [Fact]
    public async Task GetClearinghouseState_Whale_34PositionsAndVenueTime()
    {
        var account = Ok(await Client("mainnet_fixture_clearinghouse_whale.json").GetClearinghouseStateAsync(Account, None));

        Assert.Equal(34, account.Positions.Count);
        Assert.Equal(12985854.2078639995m, account.AccountValue);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1782131344381), account.Time);
        Assert.Equal(new Position("ATOM", -62371.56m, 3.1584m, 114295.8837m, 82704.012138m, 22859.17674m, 5, true, 183.1564999823m), account.Positions[0]);
        Assert.Null(account.PositionOf("HYPE")!.LiquidationPrice);
    }

    [Fact]
    public async Task GetClearinghouseState_EmptyAccount_Zeros()
    {
        var account = Ok(await Client("mainnet_clearinghouseState_2025-12-13.json").GetClearinghouseStateAsync(Account, None));

        Assert.Equal(0m, account.AccountValue);
        Assert.Empty(account.Positions);
    }

    [Fact]
    public async Task GetFrontendOpenOrders_TriggersAndParent()
    {
        var orders = Ok(await Client("mainnet_frontendOpenOrders_2023-11-16.json").GetFrontendOpenOrdersAsync(Account, None));

        Assert.Equal(3, orders.Count);
        var takeProfit = orders[0];
        Assert.Equal(
            new OpenOrder("INJ", OrderSide.Sell, 9.2037m, 12.5m, 3184595907, null, true, true, 10.004m, "Take Profit Market", DateTimeOffset.FromUnixTimeMilliseconds(1700126022555)),
            takeProfit);
        Assert.Equal("Stop Market", orders[1].OrderType);
        Assert.Equal(9.995m, orders[1].TriggerPrice);
        Assert.True(orders[2] is { OrderType: "Limit", IsTrigger: false, TriggerPrice: null, Side: OrderSide.Buy, ReduceOnly: false, LimitPrice: 10.0m });
    }

    [Fact]
    public async Task GetOpenOrders_BasicFields_OrderTypeUnreported()
    {
        var orders = Ok(await Client("mainnet_openOrders_2023-03-27.json").GetOpenOrdersAsync(Account, None));

        Assert.Equal(196, orders.Count);
        Assert.Equal(
            new OpenOrder("MATIC", OrderSide.Buy, 1.0357m, 208.7m, 62269971, null, false, false, null, InfoClient.UnreportedOrderType, DateTimeOffset.FromUnixTimeMilliseconds(1679940217356)),
            orders[0]);
    }

    [Fact]
    public async Task GetOrderStatus_Filled_ReportsOriginalAndRemainingSize()
    {
        var lookup = Ok(await Client("testnet_orderStatus_2025-08-22.json").GetOrderStatusAsync(Account, 37907159219, None));

        Assert.True(lookup.Found);
        Assert.True(lookup.Report.IsFilled);
        Assert.False(lookup.Report.IsOpen || lookup.Report.IsCanceled || lookup.Report.IsRejected);
        Assert.Equal(37907159219, lookup.Report.Order.Oid);
        Assert.Equal(0.0025m, lookup.Report.OriginalSize);
        Assert.Equal(0.0025m, lookup.Report.FilledSize);
        Assert.Equal("FrontendMarket", lookup.Report.TimeInForce);
        Assert.Equal(4650.4m, lookup.Report.Order.LimitPrice);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1755857898644), lookup.Report.StatusTimestamp);
    }

    [Fact]
    public async Task GetOrderStatus_UnknownOid_NotFound()
    {
        var lookup = Ok(await Client("mainnet_orderStatus_2025-08-22.json").GetOrderStatusAsync(Account, 141622259364, None));

        Assert.False(lookup.Found);
        Assert.Same(OrderLookup.UnknownOid, lookup);
    }

    [Fact]
    public async Task GetHistoricalOrders_OidsAboveTwoToThe32_AndRejectedStatus()
    {
        var orders = Ok(await Client("mainnet_historicalOrders_2025-08-22.json").GetHistoricalOrdersAsync(Account, None));

        Assert.Equal(5, orders.Count);
        Assert.Equal(141682155424, orders[0].Order.Oid);
        Assert.Equal("iocCancelRejected", orders[0].Status);
        Assert.True(orders[0].IsRejected);
        Assert.Equal("Ioc", orders[0].TimeInForce);
    }

    [Fact]
    public async Task GetUserFills_2023_500FillsWithoutTid()
    {
        var fills = Ok(await Client("mainnet_userFills_2023-07-17.json").GetUserFillsAsync(Account, None));

        Assert.Equal(500, fills.Count);
        var first = fills[0];
        Assert.Equal(("SUI", 1.3189m, 142.7m, OrderSide.Sell, "Close Long"), (first.Coin, first.Price, first.Size, first.Side, first.Direction));
        Assert.Equal((-0.25686m, 0.0m, true, 189324432L, 4623.5m), (first.ClosedPnl, first.Fee, first.Crossed, first.Oid, first.StartPosition!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1683245884863), first.Time);
        Assert.All(fills, f => Assert.Null(f.Tid));
    }

    [Fact]
    public async Task GetUserFillsByTime_Testnet_TidFeeAndClosedPnl()
    {
        var fills = Ok(await Client("testnet_userFillsByTime_2025-08-22.json")
            .GetUserFillsByTimeAsync(Account, DateTimeOffset.FromUnixTimeMilliseconds(1755857880000), null, None));

        Assert.Equal(2, fills.Count);
        Assert.Equal(1070455675927460, fills[0].Tid);
        Assert.Equal(0.004845m, fills[0].Fee);
        Assert.Equal("USDC", fills[0].FeeToken);
        Assert.Equal(-0.00925m, fills[1].ClosedPnl);
        Assert.Equal(-0.00925m - 0.004841m, fills[1].NetPnl);
        Assert.Equal(37907165748, fills[1].Oid);
        Assert.Null(fills[1].Cloid);
    }

    [Fact]
    public async Task GetCandles_Kpepe_24HourlyCandles()
    {
        var candles = Ok(await Client("mainnet_candleSnapshot_2023-07-17.json").GetCandlesAsync(
            "kPEPE", "1h", DateTimeOffset.FromUnixTimeMilliseconds(1684702007000), DateTimeOffset.FromUnixTimeMilliseconds(1684784807000), None));

        Assert.Equal(24, candles.Count);
        Assert.Equal(new Halyard.Domain.Candle(1684699200000, 0.001601m, 0.001616m, 0.001601m, 0.001604m, 520665683.0m), candles[0]);
        Assert.All(candles.Zip(candles.Skip(1)), pair => Assert.Equal(3_600_000, pair.Second.OpenTimeMs - pair.First.OpenTimeMs));
    }

    [Fact]
    public async Task GetL2Book_Dydx_TwentyLevelsPerSide()
    {
        var book = Ok(await Client("mainnet_l2Book_2023-07-17.json").GetL2BookAsync("DYDX", None));

        Assert.Equal(("DYDX", 20, 20), (book.Coin, book.Bids.Count, book.Asks.Count));
        Assert.Equal(new L2Level(2.111m, 134.4m, 1), book.Bids[0]);
        Assert.Equal(new L2Level(2.1124m, 352.3m, 2), book.Asks[0]);
        Assert.Equal((2.111m + 2.1124m) / 2, book.Mid);
        Assert.True(book.BestBid < book.BestAsk);
    }

    [Fact]
    public async Task GetL2Book_Aggregated_BtcLevels()
    {
        var book = Ok(await Client("mainnet_fixture_l2book_btc_nsf5_m5.json").GetL2BookAsync("BTC", 5, 5, None));

        Assert.Equal(new L2Level(64900.0m, 12.40866m, 34), book.Bids[0]);
        Assert.Equal(new L2Level(64905.0m, 5.9392m, 41), book.Asks[0]);
    }

    [Fact]
    public async Task GetAllMids_2025_BtcAndSpotIndices()
    {
        var mids = Ok(await Client("mainnet_allMids_2025-12-13.json").GetAllMidsAsync(None));

        Assert.Equal(482, mids.Count);
        Assert.Equal(89926.5m, mids["BTC"]);
        Assert.Equal(3102.75m, mids["ETH"]);
        Assert.Equal(0.004376m, mids["kPEPE"]);
    }

    [Fact]
    public async Task GetFundingHistory_Btc_RatesAndPremiums()
    {
        var funding = Ok(await Client("mainnet_fundingHistory_2023-07-17.json").GetFundingHistoryAsync(
            "BTC", DateTimeOffset.FromUnixTimeMilliseconds(1681923833000), DateTimeOffset.FromUnixTimeMilliseconds(1684811870000), None));

        Assert.Equal(34, funding.Count);
        Assert.Equal(new FundingRateEntry("BTC", -0.00061334m, -0.00091334m, DateTimeOffset.FromUnixTimeMilliseconds(1683849600048)), funding[0]);
    }

    [Fact]
    public async Task GetUserFunding_PaymentsWithSamples()
    {
        var funding = Ok(await Client("mainnet_userFunding_2024-02-20.json").GetUserFundingAsync(
            Account, DateTimeOffset.FromUnixTimeMilliseconds(1681923833000), null, None));

        Assert.Equal(13, funding.Count);
        Assert.Equal(("APE", 0.145796m, 40.13333333m, -0.00029319m, 3), (funding[0].Coin, funding[0].Usdc, funding[0].PositionSize, funding[0].FundingRate, funding[0].Samples));
    }

    [Fact]
    public async Task GetUserRateLimit_LargeCountsAndVolume()
    {
        var limit = Ok(await Client("mainnet_userRateLimit_2025-08-22.json").GetUserRateLimitAsync(Account, None));

        Assert.Equal(new UserRateLimit(170043721737.450012207m, 36589831368, 170043731737), limit);
        Assert.Equal(170043731737 - 36589831368, limit.RequestsRemaining);
    }

    private static InfoClient Client(string file, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null) =>
        new(TestHttp.Create(StubHandler.Returning(Fixtures.Bytes(file)), clock ?? TestHttp.Clock()));

    private static T Ok<T>(Result<T> result)
        where T : notnull
    {
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
