using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Actions;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.Tests.PaperExchange.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.PaperExchange.Hosting;

/// <summary>
/// The standalone host's two clocks, through the real client: the market replays 2025 while nonces,
/// <c>expiresAfter</c> and <c>scheduleCancel</c> are judged on the protocol (wall) clock every SDK signs with.
/// </summary>
public sealed class ProtocolClockTests : IDisposable
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 2, 18, 0, 0, TimeSpan.Zero);

    private readonly ReplayClock _market = new(ConformanceVenue.Start);
    private readonly FakeTimeProvider _wall = new(Wall);
    private readonly PrivateKey _key = PrivateKey.FromHex(ConformanceVenue.AccountKeyHex);
    private readonly PaperExchangeEngine _engine;
    private readonly HttpClient _http;
    private readonly HyperliquidHttp _transport;

    public ProtocolClockTests()
    {
        var options = new PaperExchangeOptions { Accounts = [new FundedAccount(_key.Address.Value, 10_000m)], ScheduleCancelMinVolumeUsd = 0 };
        _engine = new PaperExchangeEngine(options, _market, protocolTime: _wall);
        _http = new HttpClient(_engine.CreateHandler());
        _transport = new HyperliquidHttp(_http, new HyperliquidHttpOptions { Endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true) }, _market);
    }

    [Fact]
    public async Task Nonce_OnTheWallClock_Accepted_OnTheReplayedClock_TooLow()
    {
        var wallSigned = await Client(_wall).NoopAsync(CancellationToken.None);
        var marketSigned = await Client(_market).NoopAsync(CancellationToken.None);

        Assert.True(wallSigned.IsSuccess, wallSigned.ToString());
        Assert.False(marketSigned.IsSuccess);
        Assert.StartsWith("Invalid nonce: nonce too low " + _market.GetUtcNow().ToUnixTimeMilliseconds() + " < ", marketSigned.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleCancel_WallTime_FiresAtTheMatchingMarketInstant()
    {
        var client = Client(_wall);
        var placed = await client.PlaceOrdersAsync(ConformanceVenue.Orders(ConformanceVenue.Limit(1, true, "1500", "0.01", TimeInForce.Gtc)), CancellationToken.None);
        Assert.True(placed.IsSuccess, placed.ToString());
        var at = _wall.GetUtcNow().AddSeconds(10).ToUnixTimeMilliseconds();
        Assert.True((await client.ScheduleCancelAsync(new ScheduleCancelAction(at), CancellationToken.None)).IsSuccess);
        var info = new InfoClient(_transport);

        _market.Advance(TimeSpan.FromSeconds(9));
        var before = ConformanceVenue.Ok(await info.GetOpenOrdersAsync(_key.Address.Value, CancellationToken.None));
        _market.Advance(TimeSpan.FromSeconds(2));
        var after = ConformanceVenue.Ok(await info.GetOpenOrdersAsync(_key.Address.Value, CancellationToken.None));

        Assert.Single(before);
        Assert.Empty(after);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _http.Dispose();
    }

    private ExchangeClient Client(TimeProvider nonces) =>
        new(_transport, SigningIdentity.ForAccount(_key), new NonceGenerator(nonces), new ExchangeClientOptions { IsMainnet = true });
}
