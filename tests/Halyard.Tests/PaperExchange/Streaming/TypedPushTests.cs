using System.Text.Json;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Streaming;
using Halyard.Tests.PaperExchange.Support;

namespace Halyard.Tests.PaperExchange.Streaming;

/// <summary>
/// The typed pushes (<c>replay.pushes: typed</c>): one engine serving a typed and a JSON connection at once, both
/// subscribed alike, hands the typed client the very messages the JSON client parses, in the same order among the
/// acks and pongs, and with every decimal's scale as the venue's text has it.
/// </summary>
public sealed class TypedPushTests
{
    private const string Cloid = "0x0000000000000000000000000000c0de";

    private static readonly WsSubscription[] Subscriptions =
        [WsSubscription.OrderUpdates(PaperHarness.Alice), WsSubscription.ClearinghouseState(PaperHarness.Alice), WsSubscription.AllMids(), WsSubscription.UserFills(PaperHarness.Alice)];

    [Fact]
    public async Task InProcess_TypedAndJsonConnections_ReceiveTheSameMessagesInTheSameOrder()
    {
        using var harness = new PaperHarness();
        await using var typed = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System, typedPushes: true), harness.Clock);
        await using var json = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await typed.StartAsync(Subscriptions);
        await json.StartAsync(Subscriptions);
        Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));
        Assert.True(await json.Socket.FlushAsync(CancellationToken.None));

        // The snapshots of one virtual instant are equal.
        Assert.Equal(Text(json.All<WsClearinghouseState>().First()), Text(typed.All<WsClearinghouseState>().First()));
        Assert.Equal(Text(json.All<WsAllMids>().First()), Text(typed.All<WsAllMids>().First()));
        Assert.Equal(Text(json.All<WsUserFills>().First()), Text(typed.All<WsUserFills>().First()));
        var (typedStart, jsonStart) = (typed.Messages.Count, json.Messages.Count);

        // A resting entry, a protective stop, and the clock walked until the entry fills: order updates, fills, the account, mids.
        var mid = await harness.MidAsync("ETH");
        var price = decimal.Round(mid * 0.999m, 1);
        await harness.OrderAsync(PaperHarness.Eth, isBuy: true, PaperHarness.Str(price), "0.1", cloid: Cloid);
        var stop = PaperHarness.Trigger(PaperHarness.Eth, isBuy: false, PaperHarness.Str(decimal.Round(mid * 0.9m, 1)), "0.1", PaperHarness.Str(decimal.Round(mid * 0.95m, 1)), "sl");
        await harness.ExchangeAsync(PaperHarness.OrderJson([stop]));
        for (var i = 0; i < 24 * 12 && await harness.PositionAsync("ETH") == 0; i++)
        {
            harness.Advance(TimeSpan.FromMinutes(5));
            harness.Engine.Synchronize();
            if (i % 7 == 0)
            {
                Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));
                Assert.True(await json.Socket.FlushAsync(CancellationToken.None));
            }
        }

        harness.Advance(TimeSpan.FromMinutes(5));
        harness.Engine.Synchronize();
        Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));
        Assert.True(await json.Socket.FlushAsync(CancellationToken.None));

        var typedTail = typed.Messages.Skip(typedStart).Select(Text).ToList();
        var jsonTail = json.Messages.Skip(jsonStart).Select(Text).ToList();
        Assert.Equal(jsonTail, typedTail);
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsUserFills { IsSnapshot: false, Fills.Count: > 0 });
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsOrderUpdates);
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsClearinghouseState { Account.Positions.Count: > 0 });
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsPong);
        Assert.True(typed.All<WsAllMids>().Count() > 1);
        Assert.Empty(typed.All<WsMalformed>());
    }

    [Fact]
    public async Task InProcess_TypedFlush_ItsPongComesAfterEveryPushQueuedBefore()
    {
        using var harness = new PaperHarness();
        await using var typed = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System, typedPushes: true), harness.Clock);
        await typed.StartAsync(Subscriptions);
        Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));

        for (var i = 1; i <= 3; i++)
        {
            harness.Advance(TimeSpan.FromMinutes(5));
            harness.Engine.Synchronize(); // queues the account and the mids of the new time
            var now = harness.Clock.GetUtcNow();
            Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));

            var messages = typed.Messages;
            Assert.IsType<WsPong>(messages[^1]);
            Assert.Contains(messages.Take(messages.Count - 1), m => m is WsClearinghouseState { Account.Time: var at } && at == now);
            Assert.Equal(i + 1, messages.Count(m => m is WsPong));
        }
    }

    [Fact]
    public async Task InProcess_TypedPushesOfOnePublishAmongJsonDataFrames_KeepTheJsonConnectionsOrder()
    {
        // userEvents and l2Book stay JSON frames on a typed connection: a publish interleaves them with typed pushes,
        // which it queues together (one marker); the frames must still come where the JSON connection has them.
        WsSubscription[] subscriptions = [.. Subscriptions, WsSubscription.UserEvents(PaperHarness.Alice), WsSubscription.L2Book("ETH")];
        using var harness = new PaperHarness();
        await using var typed = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System, typedPushes: true), harness.Clock);
        await using var json = new SocketProbe(harness.Engine.InProcessWebSocket(TimeProvider.System), harness.Clock);
        await typed.StartAsync(subscriptions);
        await json.StartAsync(subscriptions);
        Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));
        Assert.True(await json.Socket.FlushAsync(CancellationToken.None));
        var (typedStart, jsonStart) = (typed.Messages.Count, json.Messages.Count);

        var mid = await harness.MidAsync("ETH");
        await harness.OrderAsync(PaperHarness.Eth, isBuy: true, PaperHarness.Str(decimal.Round(mid * 1.01m, 1)), "0.1", "Ioc");
        for (var i = 0; i < 3; i++)
        {
            harness.Advance(TimeSpan.FromMinutes(5));
            harness.Engine.Synchronize();
        }

        Assert.True(await typed.Socket.FlushAsync(CancellationToken.None));
        Assert.True(await json.Socket.FlushAsync(CancellationToken.None));
        var typedTail = typed.Messages.Skip(typedStart).Select(Text).ToList();
        Assert.Equal(json.Messages.Skip(jsonStart).Select(Text).ToList(), typedTail);
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsUserEvent);
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsL2Book);
        Assert.Contains(typed.Messages.Skip(typedStart), m => m is WsUserFills { IsSnapshot: false });
        Assert.Empty(typed.All<WsMalformed>());
    }

    [Fact]
    public void InProcess_TypedPushesWithSocketFaults_AreRefused()
    {
        var options = new PaperExchangeOptions { Faults = new FaultOptions { Seed = 7, Socket = new SocketFaultOptions(Drop: 0.5) } };
        using var harness = new PaperHarness(options);
        Assert.False(harness.Engine.ServesTypedPushes);
        Assert.Throws<ArgumentException>(() => harness.Engine.InProcessWebSocket(TimeProvider.System, typedPushes: true));
        using var plain = new PaperHarness();
        Assert.True(plain.Engine.ServesTypedPushes);
    }

    /// <summary>A message as JSON with its runtime type (decimals keep their scale, so a lost trailing zero is a difference).</summary>
    private static string Text(WsMessage message) => message.GetType().Name + " " + JsonSerializer.Serialize(message, message.GetType());
}
