using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Hosting;
using Halyard.PaperExchange.Streaming;
using Halyard.Tests.PaperExchange.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.PaperExchange.Streaming;

/// <summary>The paper exchange's <c>/ws</c> through the real <see cref="HyperliquidSocket"/>: in-process and on loopback.</summary>
public sealed class PaperStreamTests
{
    private const string Cloid = "0x0000000000000000000000000000c0de";

    [Fact]
    public async Task InProcess_RestingEntryFills_PushesOrderUpdatesFillsAndAccountOnTheReplayClock()
    {
        using var harness = new PaperHarness();
        await using var probe = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await probe.StartAsync(WsSubscription.OrderUpdates(PaperHarness.Alice), WsSubscription.UserFills(PaperHarness.Alice), WsSubscription.ClearinghouseState(PaperHarness.Alice));
        Assert.True((await probe.WaitForAsync<WsUserFills>()).IsSnapshot);

        var mid = await harness.MidAsync("ETH");
        var price = decimal.Round(mid * 0.999m, 1);
        var status = await harness.OrderAsync(PaperHarness.Eth, isBuy: true, price.ToString(System.Globalization.CultureInfo.InvariantCulture), "0.1", cloid: Cloid);
        Assert.True(status.TryGetProperty("resting", out _), status.ToString());
        var open = await probe.WaitForAsync<WsOrderUpdates>(u => u.Updates.Any(x => x.IsOpen));
        Assert.Equal(price, open.Updates.Single().Order.LimitPrice);

        // Walk the replay clock until the mark trades through the limit: the push carries the fill's own time.
        for (var i = 0; i < 24 * 12 && await harness.PositionAsync("ETH") == 0; i++)
        {
            harness.Advance(TimeSpan.FromMinutes(5));
            harness.Engine.Synchronize();
        }

        Assert.True(await probe.Socket.FlushAsync(CancellationToken.None));
        var fill = Assert.Single(probe.All<WsUserFills>().Where(f => !f.IsSnapshot).SelectMany(f => f.Fills));
        Assert.Equal(Cloid, fill.Cloid?.ToString());
        Assert.True(fill.Time <= harness.Clock.GetUtcNow());
        var filled = probe.All<WsOrderUpdates>().SelectMany(u => u.Updates).Single(u => u.IsFilled);
        Assert.Equal(fill.Time, filled.StatusTimestamp);
        var account = probe.All<WsClearinghouseState>().Last().Account;
        Assert.Equal(0.1m, account.Positions.Single().Size);
    }

    [Fact]
    public async Task InProcess_ProtocolErrorsAndPing_AnswerInTheVenuesShapes()
    {
        using var harness = new PaperHarness();
        await using var probe = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await probe.StartAsync(WsSubscription.AllMids(), WsSubscription.Candle("ETH", "5m"), WsSubscription.L2Book("ETH"));
        Assert.True((await probe.WaitForAsync<WsAllMids>()).Mids.ContainsKey("BTC"));
        Assert.Equal("ETH", (await probe.WaitForAsync<WsL2Book>()).Book.Coin);
        Assert.Equal("5m", (await probe.WaitForAsync<WsCandle>()).Interval);
        Assert.True(await probe.Socket.FlushAsync(CancellationToken.None));
        harness.Advance(TimeSpan.FromMinutes(1));
        harness.Engine.Synchronize();
        Assert.True(await probe.Socket.FlushAsync(CancellationToken.None));
        Assert.Equal(2, probe.All<WsAllMids>().Count());
    }

    [Fact]
    public async Task InProcess_ForcedDisconnect_ReconnectsAndResubscribes()
    {
        using var harness = new PaperHarness();
        await using var probe = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await probe.StartAsync(WsSubscription.UserFills(PaperHarness.Alice));
        Assert.Equal(1, harness.Engine.DropWebSockets());
        await probe.WaitForAsync<WsDisconnected>();
        await probe.WaitForAsync<WsConnected>(c => c.Generation == 2);
        Assert.Equal(2, (await WaitCount(probe, 2)).Count(f => f.IsSnapshot));
    }

    [Fact]
    public async Task InProcess_DropFault_LosesDataButNeverPongs()
    {
        var options = new PaperExchangeOptions { Faults = new FaultOptions { Seed = 7, Socket = new SocketFaultOptions(Drop: 1) } };
        using var harness = new PaperHarness(options);
        await using var probe = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await probe.StartAsync(WsSubscription.AllMids());
        Assert.True(await probe.Socket.FlushAsync(CancellationToken.None));
        Assert.Empty(probe.All<WsAllMids>());
        Assert.True(harness.Engine.SocketFaults.Dropped >= 1);
    }

    [Fact]
    public async Task Loopback_ServesWsOnTheSamePort_AndAnswersPost()
    {
        var clock = new FakeTimeProvider(PaperHarness.T0);
        using var engine = new PaperExchangeEngine(
            new PaperExchangeOptions { Accounts = [new FundedAccount(PaperHarness.Alice, 1000m)] }, clock, null, new FakeSignerRecovery(), null);
        await using var server = await PaperExchangeServer.StartAsync(engine, 0, CancellationToken.None);
        var url = new Halyard.Hyperliquid.HyperliquidEndpoint(server.BaseAddress, isMainnet: false).WebSocketUrl;
        Assert.Equal("ws", url.Scheme);
        await using var probe = new SocketProbe(HyperliquidSocket.ClientConnector(url), clock);
        await probe.StartAsync(WsSubscription.ClearinghouseState(PaperHarness.Alice));
        Assert.Equal(1000m, (await probe.WaitForAsync<WsClearinghouseState>()).Account.AccountValue);

        using var raw = new System.Net.WebSockets.ClientWebSocket();
        await raw.ConnectAsync(url, CancellationToken.None);
        await SendText(raw, "{\"method\":\"post\",\"id\":3,\"request\":{\"type\":\"info\",\"payload\":{\"type\":\"allMids\"}}}");
        var post = Assert.IsType<WsPostResponse>(WsMessageParser.Parse(await ReceiveText(raw)));
        Assert.Equal((3L, "info"), (post.Id, post.Type));
        Assert.Contains("\"type\":\"allMids\"", post.PayloadJson, StringComparison.Ordinal);
        await SendText(raw, "{\"method\":\"subscribe\",\"subscription\":{\"type\":\"l2Book\"}}");
        Assert.StartsWith("Invalid subscription", Assert.IsType<WsError>(WsMessageParser.Parse(await ReceiveText(raw))).Text, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<WsUserFills>> WaitCount(SocketProbe probe, int count)
    {
        for (var i = 0; i < 200 && probe.All<WsUserFills>().Count() < count; i++)
        {
            await probe.Socket.FlushAsync(CancellationToken.None);
        }

        return [.. probe.All<WsUserFills>()];
    }

    private static Task SendText(System.Net.WebSockets.ClientWebSocket socket, string text) =>
        socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveText(System.Net.WebSockets.ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 20];
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(total), timeout.Token);
            total += result.Count;
            if (result.EndOfMessage)
            {
                return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
            }
        }
    }
}
