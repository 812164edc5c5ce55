using System.Net;
using System.Text;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Audit;
using Halyard.PaperExchange.Clock;
using Halyard.PaperExchange.Hosting;
using Halyard.Tests.PaperExchange.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.PaperExchange.Hosting;

/// <summary>The standalone hosting serves the same engine over loopback HTTP.</summary>
public sealed class PaperExchangeServerTests
{
    [Fact]
    public async Task Server_ServesInfoAndExchangeOnLoopback()
    {
        var clock = new FakeTimeProvider(PaperHarness.T0);
        using var engine = new PaperExchangeEngine(
            new PaperExchangeOptions { Accounts = [new FundedAccount(PaperHarness.Alice, 1000m)] }, clock, null, new FakeSignerRecovery(), null);
        await using var server = await PaperExchangeServer.StartAsync(engine, 0, CancellationToken.None);
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var info = await http.PostAsync(new Uri("info", UriKind.Relative), Json("{\"type\":\"allMids\"}"));
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Contains("\"BTC\"", await info.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var envelope = "{\"action\":{\"type\":\"noop\"},\"nonce\":" + clock.GetUtcNow().ToUnixTimeMilliseconds() + ",\"signature\":"
            + FakeSignerRecovery.SignatureFor(PaperHarness.Alice) + "}";
        using var exchange = await http.PostAsync(new Uri("exchange", UriKind.Relative), Json(envelope));
        Assert.Equal("{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}", await exchange.Content.ReadAsStringAsync());

        using var get = await http.GetAsync(new Uri("info", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task Server_LostResponse_AbortsTheConnection()
    {
        var clock = new ReplayClock(PaperHarness.T0); // the hang is spent in virtual time, so nothing waits for real time
        var options = new PaperExchangeOptions
        {
            Accounts = [new FundedAccount(PaperHarness.Alice, 1000m)],
            Faults = new FaultOptions { Exchange = new EndpointFaultOptions(ResponseLost: 1) },
        };
        using var audit = new StringWriter();
        using var engine = new PaperExchangeEngine(options, clock, null, new FakeSignerRecovery(), new AuditLog(audit));
        await using var server = await PaperExchangeServer.StartAsync(engine, 0, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var envelope = "{\"action\":{\"type\":\"noop\"},\"nonce\":" + clock.GetUtcNow().ToUnixTimeMilliseconds() + ",\"signature\":"
            + FakeSignerRecovery.SignatureFor(PaperHarness.Alice) + "}";
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri("exchange", UriKind.Relative), Json(envelope)));
        Assert.Contains("response_lost", audit.ToString(), StringComparison.Ordinal);
        Assert.Equal(PaperHarness.T0 + options.Faults.TimeoutAfter, clock.GetUtcNow());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
