using System.Net;
using System.Text.Json;
using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Tests.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Info;

/// <summary>Every InfoClient call returns a value: a malformed or unexpected answer is a classified error, never an exception.</summary>
public sealed class InfoClientErrorTests
{
    private const string Account = "0x31ca8395cf837de08b24da3f660e77761dfb974b";
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, string> UnexpectedShapes() => new()
    {
        { "clearinghouseState", """{"foo":1}""" },
        { "clearinghouseState", """[]""" },
        { "clearinghouseState", """{"marginSummary":{"accountValue":"x","totalNtlPos":"0","totalRawUsd":"0","totalMarginUsed":"0"},"withdrawable":"0","assetPositions":[]}""" },
        { "clearinghouseState", """{"marginSummary":{"accountValue":"1","totalNtlPos":"0","totalRawUsd":"0","totalMarginUsed":"0"},"withdrawable":"0","assetPositions":[{"position":{"coin":"BTC","szi":"1","leverage":{"type":"portfolio","value":3},"entryPx":"1","positionValue":"1","unrealizedPnl":"0","marginUsed":"1"}}]}""" },
        { "clearinghouseState", """{"marginSummary":{"accountValue":"1","totalNtlPos":"0","totalRawUsd":"0","totalMarginUsed":"0"},"withdrawable":null,"assetPositions":[]}""" },
        { "userFills", """[{"coin":"BTC","px":"1","sz":"1","side":"X","time":1,"dir":"Open Long","closedPnl":"0","hash":"0x","oid":1,"crossed":true,"fee":"0"}]""" },
        { "userFills", """[{"coin":"BTC","px":"1","sz":"1","side":"B","time":1,"dir":"Open Long","closedPnl":"0","hash":"0x","oid":1,"crossed":true,"fee":"0","cloid":"0x12"}]""" },
        { "userFills", """[{"coin":"BTC","sz":"1","side":"B","time":1,"dir":"Open Long","closedPnl":"0","hash":"0x","oid":1,"crossed":true,"fee":"0"}]""" },
        { "userFills", """[{"coin":"BTC","px":"1","sz":"1","side":"B","time":1,"dir":"Open Long","closedPnl":"0","hash":"0x","oid":"1","crossed":true,"fee":"0"}]""" },
        { "orderStatus", """{"status":"weird"}""" },
        { "orderStatus", """{"status":"order"}""" },
        { "metaAndAssetCtxs", """[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[]]""" },
        { "metaAndAssetCtxs", """[{"universe":[]},[],[]]""" },
        { "metaAndAssetCtxs", """{"universe":[]}""" },
        { "metaAndAssetCtxs", """[{"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}]},[{"funding":"0","openInterest":"0","prevDayPx":"1","dayNtlVlm":"0","oraclePx":"1","markPx":null}]]""" },
        { "l2Book", """{"coin":"BTC","time":1,"levels":[[]]}""" },
        { "allMids", """{"BTC":"abc"}""" },
        { "userRateLimit", """null""" },
    };

    [Theory]
    [MemberData(nameof(UnexpectedShapes))]
    public async Task Call_UnexpectedResponseShape_IsUnknownErrorNotException(string type, string body)
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning(body), TestHttp.Clock()));

        var error = await FailureOf(client, type);

        Assert.Equal(ErrorClass.Unknown, error.Class);
        Assert.False(error.OutcomeUnknown);
        Assert.StartsWith("Unexpected " + type + " response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetClearinghouseState_MalformedJson_IsRejectedByTheTypedParseAsAnErrorValue()
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning("""{"marginSummary":{"accountVal"""), TestHttp.Clock()));

        var result = await client.GetClearinghouseStateAsync(Account, None);

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, result.Error.Class);
        Assert.False(result.Error.OutcomeUnknown);
        Assert.StartsWith("Unexpected clearinghouseState response", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metaAndAssetCtxs", "[{\"universe\":[]},[]")]
    [InlineData("metaAndAssetCtxs", "[{\"universe\":[]},[]] trailing")]
    [InlineData("allMids", "{\"BTC\":\"1\"} {}")]
    [InlineData("frontendOpenOrders", "")]
    public async Task Query_MalformedOrTrailingJson_IsAnErrorValueNamingTheRequest(string type, string body)
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning(body), TestHttp.Clock()));

        var error = type switch
        {
            "metaAndAssetCtxs" => (await client.GetMetaAndAssetContextsAsync(None)).Error,
            "allMids" => (await client.GetAllMidsAsync(None)).Error,
            _ => (await client.GetFrontendOpenOrdersAsync(Account, None)).Error,
        };

        Assert.NotNull(error);
        Assert.Equal(ErrorClass.Unknown, error.Class);
        Assert.StartsWith("Unexpected " + type + " response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAllMids_BodyWithByteOrderMark_Parses()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("""{"BTC":"30135.0"}"""u8.ToArray()).ToArray();
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning(body), TestHttp.Clock()));

        var result = await client.GetAllMidsAsync(None);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(30135.0m, result.Value["BTC"]);
    }

    [Fact]
    public async Task GetL2Book_UnknownCoinNull_IsInvalidParam()
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning("null"), TestHttp.Clock()));

        var result = await client.GetL2BookAsync("NOPE", None);

        Assert.Equal(ErrorClass.InvalidParam, result.Error!.Class);
        Assert.Contains("NOPE", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMeta_ServerError_PassesTheTransportErrorThrough()
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning("oops", HttpStatusCode.BadGateway), TestHttp.Clock()));

        var result = await client.GetMetaAsync(None);

        Assert.Equal(ErrorClass.ExchangeDown, result.Error!.Class);
        Assert.Equal(502, result.Error.HttpStatus);
        Assert.False(result.Error.OutcomeUnknown);
    }

    [Theory]
    [InlineData("0x31CA8395CF837DE08B24DA3F660E77761DFB974B")]
    [InlineData("0X31ca8395cf837de08b24da3f660e77761dfb974b")]
    public async Task UserQuery_MixedCaseAddress_SentLowercase(string account)
    {
        var handler = StubHandler.Returning(Fixtures.Bytes("mainnet_userRateLimit_2025-08-22.json"));
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        Assert.True((await client.GetUserRateLimitAsync(account, None)).IsSuccess);

        Assert.Equal("""{"type":"userRateLimit","user":"0x31ca8395cf837de08b24da3f660e77761dfb974b"}""", handler.Requests[0].BodyText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x31ca8395cf837de08b24da3f660e77761dfb974")]
    [InlineData("31ca8395cf837de08b24da3f660e77761dfb974b00")]
    [InlineData("0x31ca8395cf837de08b24da3f660e77761dfb974g")]
    public async Task UserQuery_NotAnAddress_Throws(string account)
    {
        var handler = StubHandler.Returning("{}");
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetClearinghouseStateAsync(account, None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GetOrderStatus_ByCloid_SendsTheCloidAsOid()
    {
        var handler = StubHandler.Returning("""{"status":"unknownOid"}""");
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        var result = await client.GetOrderStatusAsync(Account, Cloid.FromInt(1), None);

        Assert.False(result.Value!.Found);
        Assert.Equal(
            """{"type":"orderStatus","user":"0x31ca8395cf837de08b24da3f660e77761dfb974b","oid":"0x00000000000000000000000000000001"}""",
            handler.Requests[0].BodyText);
    }

    [Fact]
    public async Task GetL2Book_WithAggregation_SendsSigFigsAndMantissa()
    {
        var handler = StubHandler.Returning(Fixtures.Bytes("mainnet_fixture_l2book_btc_nsf5_m5.json"));
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock()));

        await client.GetL2BookAsync("BTC", 5, 5, None);

        Assert.Equal("""{"type":"l2Book","coin":"BTC","nSigFigs":5,"mantissa":5}""", handler.Requests[0].BodyText);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(6, null)]
    [InlineData(4, 5)]
    [InlineData(5, 3)]
    [InlineData(null, 2)]
    public async Task GetL2Book_InvalidAggregation_Throws(int? figures, int? mantissa)
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning("{}"), TestHttp.Clock()));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetL2BookAsync("BTC", figures, mantissa, None));
    }

    [Fact]
    public async Task GetCandles_UnknownInterval_Throws()
    {
        var client = new InfoClient(TestHttp.Create(StubHandler.Returning("[]"), TestHttp.Clock()));

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetCandlesAsync("BTC", "7m", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, None));
    }

    [Theory]
    [InlineData("clearinghouseState", "mainnet_clearinghouseState_2025-12-13.json", 2)]
    [InlineData("l2Book", "mainnet_l2Book_2023-07-17.json", 2)]
    [InlineData("allMids", "mainnet_allMids_2023-07-17.json", 2)]
    [InlineData("orderStatus", "mainnet_orderStatus_2025-08-22.json", 2)]
    [InlineData("meta", "mainnet_meta_2023-07-17.json", 20)]
    [InlineData("candleSnapshot", "mainnet_candleSnapshot_2023-07-17.json", 20)]
    [InlineData("userFills", "mainnet_userFills_2023-07-17.json", 20 + 25)]
    [InlineData("fundingHistory", "mainnet_fundingHistory_2023-07-17_2.json", 20 + 51)]
    [InlineData("userFunding", "mainnet_userFunding_2024-02-20_2.json", 20 + 10)]
    public async Task Call_TakesTheDocumentedWeightPlusItemSurcharge(string type, string file, int expectedWeight)
    {
        var http = TestHttp.Create(StubHandler.Returning(Fixtures.Bytes(file)), TestHttp.Clock());
        var client = new InfoClient(http);

        Assert.True((await CallAsync(client, type)).IsSuccess);

        Assert.Equal(WeightBudgetOptions.VenueCapacityPerMinute - expectedWeight, http.Budget.Available);
    }

    [Fact]
    public async Task Call_BaseUrlWithPathPrefix_PostsUnderThePrefix()
    {
        var handler = StubHandler.Returning(Fixtures.Bytes("mainnet_allMids_2023-07-17.json"));
        var client = new InfoClient(TestHttp.Create(handler, TestHttp.Clock(), baseUrl: new Uri("http://127.0.0.1:8080/paper/")));

        await client.GetAllMidsAsync(None);

        Assert.Equal("http://127.0.0.1:8080/paper/info", handler.Requests[0].Uri.ToString());
        Assert.Equal(HttpMethod.Post, handler.Requests[0].Method);
        Assert.Equal("application/json", handler.Requests[0].MediaType);
    }

    [Fact]
    public async Task Call_BudgetExhaustedInFailMode_RateLimitedWithoutSending()
    {
        var handler = StubHandler.Returning(Fixtures.Bytes("mainnet_meta_2023-07-17.json"));
        var http = TestHttp.Create(handler, TestHttp.Clock(), new WeightBudgetOptions { Mode = WeightBudgetMode.Fail, Capacity = 40 });
        var client = new InfoClient(http);

        Assert.True((await client.GetMetaAsync(None)).IsSuccess);
        Assert.True((await client.GetMetaAsync(None)).IsSuccess);
        var third = await client.GetMetaAsync(None);

        Assert.Equal(ErrorClass.RateLimited, third.Error!.Class);
        Assert.Equal(2, handler.Requests.Count);
    }

    private static async Task<Error> FailureOf(InfoClient client, string type)
    {
        var result = await CallAsync(client, type);
        Assert.False(result.IsSuccess);
        return result.Error;
    }

    private static async Task<Result<object>> CallAsync(InfoClient client, string type)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(1681923833000);
        return type switch
        {
            "clearinghouseState" => Box(await client.GetClearinghouseStateAsync(Account, None)),
            "userFills" => Box(await client.GetUserFillsAsync(Account, None)),
            "orderStatus" => Box(await client.GetOrderStatusAsync(Account, 1, None)),
            "metaAndAssetCtxs" => Box(await client.GetMetaAndAssetContextsAsync(None)),
            "meta" => Box(await client.GetMetaAsync(None)),
            "l2Book" => Box(await client.GetL2BookAsync("BTC", None)),
            "allMids" => Box(await client.GetAllMidsAsync(None)),
            "userRateLimit" => Box(await client.GetUserRateLimitAsync(Account, None)),
            "candleSnapshot" => Box(await client.GetCandlesAsync("kPEPE", "1h", start, start.AddDays(1), None)),
            "fundingHistory" => Box(await client.GetFundingHistoryAsync("BTC", start, null, None)),
            "userFunding" => Box(await client.GetUserFundingAsync(Account, start, null, None)),
            _ => throw new ArgumentException(type),
        };
    }

    private static Result<object> Box<T>(Result<T> result)
        where T : notnull => result.IsSuccess ? Result<object>.Success(result.Value) : Result<object>.Failure(result.Error);
}
