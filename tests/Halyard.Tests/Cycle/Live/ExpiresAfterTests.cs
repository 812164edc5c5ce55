using System.Net;
using System.Text;
using System.Text.Json;
using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Signing;
using Halyard.Tests.Execution.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Cycle.Live;

public class ExpiresAfterTests
{
    [Fact]
    public async Task VenueConnection_DefaultExecutionConfig_EverySignedActionCarriesASignedExpiresAfter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        var handler = new CapturingHandler();
        var ttl = new ExecutionConfig().ExpiresAfter;
        using var connection = new VenueConnection(new VenueConnectionOptions
        {
            Handler = handler,
            Endpoint = new HyperliquidEndpoint(new Uri("http://venue.test"), isMainnet: false),
            Identity = SigningIdentity.ForAccount(ScriptedSut.Key),
            Clock = clock,
            Wall = clock,
            ExpiresAfter = ttl,
        });

        await connection.Exchange.NoopAsync(CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(handler.Bodies));
        var root = body.RootElement;
        var nonce = root.GetProperty("nonce").GetInt64();
        var expiresAfter = root.GetProperty("expiresAfter").GetInt64();
        Assert.Equal(TimeSpan.FromSeconds(15), ttl);
        Assert.Equal(nonce + 15_000, expiresAfter);
        Assert.True(Signature.TryFromJson(root.GetProperty("signature"), out var signature));
        var signed = SignatureRecovery.RecoverL1Signer(root.GetProperty("action"), nonce, null, expiresAfter, signature!, isMainnet: false);
        var unsigned = SignatureRecovery.RecoverL1Signer(root.GetProperty("action"), nonce, null, null, signature!, isMainnet: false);
        Assert.Equal(ScriptedSut.Key.Address, signed.Value);
        Assert.NotEqual(ScriptedSut.Key.Address, unsigned.Value);
    }

    [Theory]
    [InlineData(1_003, 1_000, 1.0)]
    [InlineData(1_400, 1_000, 1.0)]
    [InlineData(119_400, 1_000, 119.0)]
    [InlineData(60_200, 1_004, 60.0)]
    public void VenueRate_TwoReadsOneSecondApart_IsTheWholeSpeedOfThePaperExchange(int venueMs, int realMs, double expected) =>
        Assert.Equal(expected, Halyard.Cycle.Live.LiveVenue.VenueRate(TimeSpan.FromMilliseconds(venueMs), TimeSpan.FromMilliseconds(realMs)));

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"status\":\"ok\",\"response\":{\"type\":\"default\"}}", Encoding.UTF8, "application/json") };
        }
    }
}
