using System.Text.Json;
using Halyard.PaperExchange;
using Halyard.Tests.PaperExchange.Support;
using static Halyard.Tests.PaperExchange.Support.PaperHarness;

namespace Halyard.Tests.PaperExchange.Faults;

public sealed class FaultTests
{
    private static readonly string Order = OrderJson([Limit(Btc, true, "100000", "0.001")]);

    [Fact]
    public async Task Http5xx_NotExecuted_AuditedWithoutResponse()
    {
        using var h = Faulty(new EndpointFaultOptions(Http5xx: 1));
        var (status, _) = await h.PostAsync("exchange", h.Envelope(Order, Alice, h.NextNonce()));
        Assert.Equal(500, status);
        Assert.Equal(0, await OpenOrders(h));
        var line = AuditLines(h).Single();
        Assert.Equal("http_5xx", line.GetProperty("fault").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("response").ValueKind);
    }

    [Fact]
    public async Task RateLimited_Http429WithRetryAfter_NotExecuted()
    {
        using var h = Faulty(new EndpointFaultOptions(RateLimited: 1), retryAfter: TimeSpan.FromSeconds(3));
        using var content = new StringContent(h.Envelope(Order, Alice, h.NextNonce()));
        using var response = await h.Http.PostAsync(new Uri("exchange", UriKind.Relative), content);
        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
        Assert.Equal(0, await OpenOrders(h));
    }

    [Fact]
    public async Task Timeout_NoAnswerAndNotExecuted()
    {
        using var h = Faulty(new EndpointFaultOptions(Timeout: 1));
        var request = h.PostAsync("exchange", h.Envelope(Order, Alice, h.NextNonce()));
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => Drive(h, request));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(0, await OpenOrders(h));
        Assert.Equal("timeout", AuditLines(h).Single().GetProperty("fault").GetString());
    }

    [Fact]
    public async Task ResponseLost_ExecutedButNoAnswer()
    {
        using var h = Faulty(new EndpointFaultOptions(ResponseLost: 1));
        var request = h.PostAsync("exchange", h.Envelope(Order, Alice, h.NextNonce()));
        await Assert.ThrowsAsync<TaskCanceledException>(() => Drive(h, request));
        Assert.Equal(1, await OpenOrders(h));
        var line = AuditLines(h).Single();
        Assert.Equal("response_lost", line.GetProperty("fault").GetString());
        Assert.Equal("ok", line.GetProperty("response").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Malformed_ExecutedAndTheJsonIsTruncated()
    {
        using var h = Faulty(new EndpointFaultOptions(Malformed: 1));
        var (status, body) = await h.PostAsync("exchange", h.Envelope(Order, Alice, h.NextNonce()));
        Assert.Equal(200, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        Assert.Equal(1, await OpenOrders(h));
    }

    [Fact]
    public async Task DownForAPeriod_Http503ThenBack()
    {
        using var h = new PaperHarness(new PaperExchangeOptions
        {
            Faults = new FaultOptions { DownAfter = TimeSpan.FromMinutes(1), DownFor = TimeSpan.FromMinutes(2) },
        });
        Assert.Equal(200, (await h.PostAsync("info", "{\"type\":\"allMids\"}")).Status);
        h.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(503, (await h.PostAsync("info", "{\"type\":\"allMids\"}")).Status);
        Assert.Equal(503, (await h.PostAsync("exchange", h.Envelope(Order, Alice, h.NextNonce()))).Status);
        h.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(200, (await h.PostAsync("info", "{\"type\":\"allMids\"}")).Status);
    }

    [Fact]
    public async Task Latency_AddedBeforeExecution()
    {
        using var h = Faulty(new EndpointFaultOptions(Latency: TimeSpan.FromSeconds(2)));
        var request = h.PostAsync("exchange", h.Envelope("{\"type\":\"noop\"}", Alice, h.NextNonce()));
        var (status, _) = await Drive(h, request);
        Assert.Equal(200, status);
        Assert.Equal(T0.AddSeconds(2).ToUnixTimeMilliseconds(), AuditLines(h).Single().GetProperty("time").GetInt64());
    }

    [Fact]
    public async Task InfoFaults_ConfiguredSeparately()
    {
        using var h = new PaperHarness(new PaperExchangeOptions { Faults = new FaultOptions { Info = new EndpointFaultOptions(Http5xx: 1) } });
        Assert.Equal(500, (await h.PostAsync("info", "{\"type\":\"allMids\"}")).Status);
        Assert.Equal(200, (await h.PostAsync("exchange", h.Envelope("{\"type\":\"noop\"}", Alice, h.NextNonce()))).Status);
        Assert.Single(AuditLines(h));
    }

    [Fact]
    public async Task SameSeed_SameFaultsOnTheSameRequests()
    {
        var first = await FaultSequence(seed: 7);
        Assert.Equal(first, await FaultSequence(seed: 7));
        Assert.NotEqual(first, await FaultSequence(seed: 8));
        Assert.Contains("http_5xx", first);
        Assert.Contains("rate_limited", first);
        Assert.Contains(null, first);
    }

    [Fact]
    public async Task Audit_OneCompactLinePerExchangeRequest()
    {
        using var h = new PaperHarness();
        await h.OrderAsync(Btc, true, "100000", "0.001");
        await h.InfoAsync("{\"type\":\"allMids\"}");
        await h.PostAsync("exchange", "{broken");
        var lines = AuditLines(h);
        Assert.Equal(2, lines.Length);
        Assert.Equal(["time", "request", "response", "fault"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("order", lines[0].GetProperty("request").GetProperty("action").GetProperty("type").GetString());
        Assert.Equal("{broken", lines[1].GetProperty("request").GetString());
        Assert.Equal("Failed to deserialize the JSON body into the target type", lines[1].GetProperty("response").GetString());
    }

    [Fact]
    public void Options_ProbabilitiesAboveOne_Invalid()
    {
        var errors = new PaperExchangeOptions { Faults = new FaultOptions { Exchange = new EndpointFaultOptions(Http5xx: 0.7, Timeout: 0.5) } }.Validate();
        Assert.Contains(errors, e => e.StartsWith("paper_exchange.faults:", StringComparison.Ordinal));
    }

    private static async Task<List<string?>> FaultSequence(int seed)
    {
        using var h = new PaperHarness(new PaperExchangeOptions
        {
            Faults = new FaultOptions { Seed = seed, Exchange = new EndpointFaultOptions(Http5xx: 0.3, RateLimited: 0.3) },
        });
        for (var i = 0; i < 40; i++)
        {
            await h.PostAsync("exchange", h.Envelope("{\"type\":\"noop\"}", Alice, h.NextNonce()));
        }

        return [.. AuditLines(h).Select(l => l.GetProperty("fault").GetString())];
    }

    private static PaperHarness Faulty(EndpointFaultOptions exchange, TimeSpan? retryAfter = null) =>
        new(new PaperExchangeOptions { Faults = new FaultOptions { Exchange = exchange, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1) } });

    /// <summary>Advances the fake clock until the request completes (it waits on that clock).</summary>
    private static async Task<T> Drive<T>(PaperHarness h, Task<T> request)
    {
        for (var i = 0; i < 120 && !request.IsCompleted; i++)
        {
            await Task.Yield();
            h.Advance(TimeSpan.FromSeconds(1));
        }

        return await request;
    }

    private static async Task<int> OpenOrders(PaperHarness h) =>
        (await h.InfoAsync("{\"type\":\"openOrders\",\"user\":\"" + Alice + "\"}")).GetArrayLength();

    private static JsonElement[] AuditLines(PaperHarness h) =>
        [.. h.AuditText.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
