using Halyard.Domain;
using Halyard.Hyperliquid.Http;

namespace Halyard.Tests.Hyperliquid.Http;

/// <summary>The same classification against a real socket on 127.0.0.1: refused, reset, cut short, silent, rate limited.</summary>
public sealed class HyperliquidHttpLoopbackTests
{
    private static readonly byte[] Order = """{"action":{"type":"noop"},"nonce":1}"""u8.ToArray();

    [Fact]
    public async Task PostAsync_ConnectionRefused_ExchangeDownAndKnownNotExecuted()
    {
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: LoopbackServer.ClosedPortUrl());

        var outcome = await http.PostAsync("/exchange", Order, 1, CancellationToken.None).WaitAsync(LoopbackServer.Guard);

        Assert.Equal(ErrorClass.ExchangeDown, outcome.Error!.Class);
        Assert.False(outcome.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PostAsync_ResetAfterTheRequestArrived_TemporaryAndOutcomeUnknown()
    {
        using var server = new LoopbackServer();
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: server.Url);

        var pending = http.PostAsync("/exchange", Order, 1, CancellationToken.None);
        var (socket, request) = await server.AcceptRequestAsync();
        LoopbackServer.Reset(socket);
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);

        Assert.StartsWith("POST /exchange HTTP/1.1", request, StringComparison.Ordinal);
        Assert.EndsWith("""{"action":{"type":"noop"},"nonce":1}""", request, StringComparison.Ordinal);
        Assert.Equal(ErrorClass.Temporary, outcome.Error!.Class);
        Assert.True(outcome.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PostAsync_BodyCutShort_TemporaryAndOutcomeUnknown()
    {
        using var server = new LoopbackServer();
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: server.Url);

        var pending = http.PostAsync("/exchange", Order, 1, CancellationToken.None);
        var (socket, _) = await server.AcceptRequestAsync();
        await LoopbackServer.SendAsync(socket, LoopbackServer.Response(200, "OK", """{"status":"ok","resp""", contentLength: 200));
        socket.Close();
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);

        Assert.Equal(ErrorClass.Temporary, outcome.Error!.Class);
        Assert.True(outcome.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PostAsync_CompleteButMalformedJson_TheExchangeParseMakesItUnknownAndOutcomeUnknown()
    {
        // No separate well-formedness pass in the transport: the body is handed on whole, and the typed parse of
        // the /exchange answer rejects it as an error value (the order may have executed: outcome unknown).
        using var server = new LoopbackServer();
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: server.Url);

        var pending = http.PostAsync("/exchange", Order, 1, CancellationToken.None);
        var (socket, _) = await server.AcceptRequestAsync();
        await LoopbackServer.SendAsync(socket, LoopbackServer.Response(200, "OK", """{"status":"ok","resp"""));
        socket.Close();
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("""{"status":"ok","resp"""u8.ToArray(), outcome.Value);
        var parsed = Halyard.Hyperliquid.Exchange.ExchangeResponseParser.ParseOrders(outcome.Value, 1);
        Assert.False(parsed.IsSuccess);
        Assert.Equal(ErrorClass.Unknown, parsed.Error.Class);
        Assert.True(parsed.Error.OutcomeUnknown);
        Assert.Contains("unparseable", parsed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ServerNeverAnswers_TimesOutOnTheInjectedClock()
    {
        using var server = new LoopbackServer();
        var clock = TestHttp.Clock();
        var http = TestHttp.Create(new SocketsHttpHandler(), clock, timeout: TimeSpan.FromSeconds(5), baseUrl: server.Url);

        var pending = http.PostAsync("/exchange", Order, 1, CancellationToken.None);
        var (socket, _) = await server.AcceptRequestAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);
        socket.Dispose();

        Assert.Equal(ErrorClass.Temporary, outcome.Error!.Class);
        Assert.True(outcome.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfter_RateLimitedKnownNotExecuted()
    {
        using var server = new LoopbackServer();
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: server.Url);

        var pending = http.PostAsync("/exchange", Order, 1, CancellationToken.None);
        var (socket, _) = await server.AcceptRequestAsync();
        await LoopbackServer.SendAsync(socket, LoopbackServer.Response(429, "Too Many Requests", "", "Retry-After: 12\r\n"));
        socket.Close();
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);

        Assert.Equal((ErrorClass.RateLimited, TimeSpan.FromSeconds(12), 429), (outcome.Error!.Class, outcome.Error.RetryAfter, outcome.Error.HttpStatus));
        Assert.False(outcome.Error.OutcomeUnknown);
    }

    [Fact]
    public async Task PostAsync_RealAnswer_BodyReturnedAndJsonContentTypeSent()
    {
        using var server = new LoopbackServer();
        var http = TestHttp.Create(new SocketsHttpHandler(), TestHttp.Clock(), baseUrl: server.Url);

        var pending = http.PostAsync("/info", """{"type":"allMids"}"""u8.ToArray(), 2, CancellationToken.None);
        var (socket, request) = await server.AcceptRequestAsync();
        await LoopbackServer.SendAsync(socket, LoopbackServer.Response(200, "OK", """{"BTC":"30135.0"}"""));
        socket.Close();
        var outcome = await pending.WaitAsync(LoopbackServer.Guard);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("""{"BTC":"30135.0"}"""u8.ToArray(), outcome.Value);
        Assert.Contains("Content-Type: application/json", request, StringComparison.OrdinalIgnoreCase);
    }
}
