using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.RateLimit;

namespace Halyard.Tests.Hyperliquid.Http;

/// <summary>Transport classification and the "possibly executed" rule, over a fake handler and a fake clock.</summary>
public sealed class HyperliquidHttpTests
{
    private static readonly byte[] Body = """{"type":"meta"}"""u8.ToArray();

    public static TheoryData<string, ErrorClass, bool, int?> Failures() => new()
    {
        // scenario, class, outcome unknown on /exchange, HTTP status
        { "429", ErrorClass.RateLimited, false, 429 },
        { "422", ErrorClass.InvalidParam, false, 422 },
        { "400 unknown text", ErrorClass.InvalidParam, false, 400 },
        { "400 venue text", ErrorClass.Insufficient, false, 400 },
        { "404", ErrorClass.InvalidParam, false, 404 },
        { "500", ErrorClass.ExchangeDown, true, 500 },
        { "502", ErrorClass.ExchangeDown, true, 502 },
        { "503", ErrorClass.ExchangeDown, true, 503 },
        { "504", ErrorClass.ExchangeDown, true, 504 },
        { "connection refused", ErrorClass.ExchangeDown, false, null },
        { "name resolution", ErrorClass.ExchangeDown, false, null },
        { "TLS handshake", ErrorClass.ExchangeDown, false, null },
        { "response ended", ErrorClass.Temporary, true, null },
        { "connection reset (IOException)", ErrorClass.Temporary, true, null },
        { "body cut off while reading", ErrorClass.Temporary, true, null },
        { "HttpClient.Timeout", ErrorClass.Temporary, true, null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task PostAsync_Failure_IsClassifiedAndOnlyExchangeCanBeUnknown(string scenario, ErrorClass expected, bool unknownOnExchange, int? status)
    {
        foreach (var path in new[] { "/exchange", "/info" })
        {
            var http = TestHttp.Create(Scenario(scenario), TestHttp.Clock());

            var outcome = await http.PostAsync(path, Body, 1, CancellationToken.None);

            Assert.False(outcome.IsSuccess);
            Assert.Equal(expected, outcome.Error.Class);
            Assert.Equal(status, outcome.Error.HttpStatus);
            Assert.Equal(path == "/exchange" && unknownOnExchange, outcome.Error.OutcomeUnknown);
        }
    }

    [Theory]
    [InlineData("200 truncated JSON")]
    [InlineData("200 empty body")]
    [InlineData("200 HTML from a proxy")]
    [InlineData("200 two JSON documents")]
    public async Task MalformedBody_PassedOnWhole_IsAnErrorValueOfTheTypedParse(string scenario)
    {
        // The transport makes no separate well-formedness pass: the typed parse of each caller rejects the body,
        // as Unknown; on /exchange the order may have executed, so its outcome is unknown.
        var exchange = await TestHttp.Create(Scenario(scenario), TestHttp.Clock()).PostAsync("/exchange", Body, 1, CancellationToken.None);
        Assert.True(exchange.IsSuccess);
        var orders = Halyard.Hyperliquid.Exchange.ExchangeResponseParser.ParseOrders(exchange.Value, 1);
        Assert.False(orders.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, orders.Error.Class);
        Assert.True(orders.Error.OutcomeUnknown);

        var info = new Halyard.Hyperliquid.Info.InfoClient(TestHttp.Create(Scenario(scenario), TestHttp.Clock()));
        var mids = await info.GetAllMidsAsync(CancellationToken.None);
        Assert.False(mids.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, mids.Error.Class);
        Assert.False(mids.Error.OutcomeUnknown);
        var universe = await info.GetMetaAndAssetContextsAsync(CancellationToken.None);
        Assert.False(universe.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, universe.Error.Class);
    }

    [Fact]
    public async Task PostAsync_Success_PostsJsonToTheResolvedPath()
    {
        var handler = StubHandler.Returning("""{"status":"ok","response":{"type":"default"}}""");
        var http = TestHttp.Create(handler, TestHttp.Clock());

        var outcome = await http.PostAsync("/exchange", Body, 1, CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("""{"status":"ok","response":{"type":"default"}}""", Encoding.UTF8.GetString(outcome.Value));
        var sent = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, "http://venue.test/exchange", "application/json"), (sent.Method, sent.Uri.ToString(), sent.MediaType));
        Assert.Equal(Body, sent.Body);
    }

    [Fact]
    public async Task PostAsync_JsonWithByteOrderMark_Success()
    {
        var http = TestHttp.Create(StubHandler.Returning([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']), TestHttp.Clock());

        Assert.True((await http.PostAsync("/info", Body, 1, CancellationToken.None)).IsSuccess);
    }

    [Theory]
    [InlineData("/exchange", true)]
    [InlineData("/info", false)]
    public async Task PostAsync_NoAnswerWithinTheConfiguredTimeout_TemporaryAndUnknownOnlyForExchange(string path, bool unknown)
    {
        var clock = TestHttp.Clock();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StubHandler(async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var http = TestHttp.Create(handler, clock, timeout: TimeSpan.FromSeconds(3));

        var pending = http.PostAsync(path, Body, 1, CancellationToken.None);
        await entered.Task;
        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var outcome = await pending;

        Assert.Equal(ErrorClass.Temporary, outcome.Error!.Class);
        Assert.Equal(unknown, outcome.Error.OutcomeUnknown);
        Assert.Contains("within 3 s", outcome.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new StubHandler(async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var http = TestHttp.Create(handler, TestHttp.Clock());
        using var cts = new CancellationTokenSource();

        var pending = http.PostAsync("/exchange", Body, 1, cts.Token);
        await entered.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfterSeconds_CarriesItAndBlocksTheBudget()
    {
        var clock = TestHttp.Clock();
        var handler = new StubHandler((_, _) =>
        {
            var response = StubHandler.Response("Too many requests"u8.ToArray(), HttpStatusCode.TooManyRequests, "text/plain");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
            return Task.FromResult(response);
        });
        var http = TestHttp.Create(handler, clock, new WeightBudgetOptions { Mode = WeightBudgetMode.Fail });

        var first = await http.PostAsync("/info", Body, 2, CancellationToken.None);
        var second = await http.PostAsync("/info", Body, 2, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(7));
        var third = await http.PostAsync("/info", Body, 2, CancellationToken.None);

        Assert.Equal((ErrorClass.RateLimited, TimeSpan.FromSeconds(7), 429), (first.Error!.Class, first.Error.RetryAfter, first.Error.HttpStatus));
        Assert.Equal((ErrorClass.RateLimited, TimeSpan.FromSeconds(7), (int?)null), (second.Error!.Class, second.Error.RetryAfter, second.Error.HttpStatus));
        Assert.Equal(429, third.Error!.HttpStatus);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(-30, 0)]
    public async Task PostAsync_429WithRetryAfterDate_RelativeToTheInjectedClock(int secondsFromNow, int expectedSeconds)
    {
        var clock = TestHttp.Clock();
        var handler = new StubHandler((_, _) =>
        {
            var response = StubHandler.Response([], HttpStatusCode.TooManyRequests, "text/plain");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(secondsFromNow));
            return Task.FromResult(response);
        });
        var http = TestHttp.Create(handler, clock);

        var outcome = await http.PostAsync("/info", Body, 2, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), outcome.Error!.RetryAfter);
    }

    [Fact]
    public async Task PostAsync_429WithoutRetryAfter_NoRetryAfter()
    {
        var http = TestHttp.Create(StubHandler.Returning("rate limited", HttpStatusCode.TooManyRequests, "text/plain"), TestHttp.Clock());

        var outcome = await http.PostAsync("/info", Body, 2, CancellationToken.None);

        Assert.Null(outcome.Error!.RetryAfter);
        Assert.Equal("HTTP 429: rate limited", outcome.Error.Message);
    }

    [Fact]
    public async Task PostAsync_TakesTheWeightFromTheBudget()
    {
        var http = TestHttp.Create(StubHandler.Returning("{}"), TestHttp.Clock());

        await http.PostAsync("/info", Body, 20, CancellationToken.None);
        await http.PostAsync("/exchange", Body, 2, CancellationToken.None);

        Assert.Equal(1200 - 22, http.Budget.Available);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1201)]
    public async Task PostAsync_ImpossibleWeight_Throws(int weight)
    {
        var http = TestHttp.Create(StubHandler.Returning("{}"), TestHttp.Clock());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => http.PostAsync("/info", Body, weight, CancellationToken.None));
    }

    [Fact]
    public void Constructor_TwoInstances_DoNotShareABudget()
    {
        var clock = TestHttp.Clock();
        var a = TestHttp.Create(StubHandler.Returning("{}"), clock);
        var b = TestHttp.Create(StubHandler.Returning("{}"), clock);

        a.Budget.Charge(1000);

        Assert.Equal((200, 1200), (a.Budget.Available, b.Budget.Available));
    }

    [Theory]
    [InlineData("https://api.hyperliquid.xyz", true)]
    [InlineData("https://api.hyperliquid-testnet.xyz", false)]
    public void Constructor_LegacyUrl_InfersTheNetworkOfTheOfficialHosts(string url, bool mainnet)
    {
        using var client = new HttpClient();

        var http = new HyperliquidHttp(client, new Uri(url));

        Assert.Equal((new Uri(url), mainnet), (http.BaseUrl, http.Endpoint.IsMainnet));
        Assert.Equal((WeightBudgetMode.Wait, 1200), (http.Budget.Options.Mode, http.Budget.Options.Capacity));
    }

    [Fact]
    public void Constructor_InvalidTimeout_Throws()
    {
        using var client = new HttpClient();
        var options = new HyperliquidHttpOptions { Endpoint = HyperliquidEndpoint.Testnet, Timeout = TimeSpan.Zero };

        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperliquidHttp(client, options, TimeProvider.System));
    }

    private static StubHandler Scenario(string scenario) => scenario switch
    {
        "200 truncated JSON" => StubHandler.Returning("""{"status":"ok","response":{"type":"order","data":{"statuses":[{"resting":{"oid":1"""),
        "200 empty body" => StubHandler.Returning(string.Empty),
        "200 HTML from a proxy" => StubHandler.Returning("<html><body>Bad gateway</body></html>", HttpStatusCode.OK, "text/html"),
        "200 two JSON documents" => StubHandler.Returning("{} {}"),
        "429" => StubHandler.Returning("", HttpStatusCode.TooManyRequests, "text/plain"),
        "422" => StubHandler.Returning("Failed to deserialize the JSON body into the target type: missing field `type`", HttpStatusCode.UnprocessableEntity, "text/plain"),
        "400 unknown text" => StubHandler.Returning("bad request", HttpStatusCode.BadRequest, "text/plain"),
        "400 venue text" => StubHandler.Returning("Insufficient margin to place order.", HttpStatusCode.BadRequest, "text/plain"),
        "404" => StubHandler.Returning("not found", HttpStatusCode.NotFound, "text/plain"),
        "500" => StubHandler.Returning("internal", HttpStatusCode.InternalServerError, "text/plain"),
        "502" => StubHandler.Returning("bad gateway", HttpStatusCode.BadGateway, "text/plain"),
        "503" => StubHandler.Returning("unavailable", HttpStatusCode.ServiceUnavailable, "text/plain"),
        "504" => StubHandler.Returning("gateway timeout", HttpStatusCode.GatewayTimeout, "text/plain"),
        "connection refused" => StubHandler.Throwing(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)")),
        "name resolution" => StubHandler.Throwing(new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")),
        "TLS handshake" => StubHandler.Throwing(new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established")),
        "response ended" => StubHandler.Throwing(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")),
        "connection reset (IOException)" => StubHandler.Throwing(new IOException("Connection reset by peer")),
        "body cut off while reading" => new StubHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new FailingContent() })),
        "HttpClient.Timeout" => StubHandler.Throwing(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException())),
        _ => throw new ArgumentException(scenario),
    };

    /// <summary>A response body that breaks after a few bytes, as a connection reset mid-body does.</summary>
    private sealed class FailingContent : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("""{"status":"ok","""u8.ToArray());
            throw new IOException("Connection reset by peer");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
