using Halyard.Domain;
using Halyard.Hyperliquid.LiveState;
using Halyard.Hyperliquid.WebSocket;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Streaming;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Hyperliquid.LiveState;

/// <summary>The shadow state through the real clients against the paper exchange's in-process <c>/ws</c>.</summary>
public sealed class AccountShadowTests
{
    internal static AccountShadow CreateShadow(PaperSut sut) => new(new AccountShadowOptions(
        sut.Info,
        sut.Account,
        sut.Engine.InProcessWebSocket(TimeProvider.System),
        new HyperliquidSocketOptions { Time = TimeProvider.System, PingInterval = null, ReconnectDelay = TimeSpan.Zero },
        sut.Clock));

    [Fact]
    public async Task Shadow_FollowsPushedOrdersFillsAndPositions_AndAgreesWithThePoll()
    {
        using var sut = new PaperSut();
        await using var shadow = CreateShadow(sut);
        var events = new List<ShadowEvent>();
        shadow.Listener = e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return ValueTask.CompletedTask;
        };
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await shadow.StartAsync(start.Token);
        Assert.True(shadow.View.IsSynced);
        Assert.Empty(shadow.View.Orders);

        var mid = (await sut.MidsAsync())["ETH"];
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), CancellationToken.None);
        Assert.True(await shadow.FlushAsync(CancellationToken.None));

        var view = shadow.View;
        Assert.True(view.IsSynced);
        Assert.Equal(2, view.Orders.Count);
        Assert.True(view.Account!.PositionOf("ETH")!.Size > 0);
        Assert.NotEmpty(view.FillsSinceSnapshot);
        Assert.Empty(await shadow.CrossCheckAsync(CancellationToken.None) ?? throw new InvalidOperationException("poll failed"));
        Assert.Single(shadow.Resyncs);
        lock (events)
        {
            Assert.Contains(events, e => e is ShadowPositionChanged { Coin: "ETH", Before: 0m });
            Assert.Equal(2, events.OfType<ShadowOrderOpened>().Count());
        }
    }

    [Fact]
    public async Task Shadow_ForcedDisconnectWithDroppedMessages_ResyncsAndEqualsThePolledState()
    {
        // Half of all pushes are lost: the shadow must notice (fills that do not explain a position, or the reconnect) and resync.
        using var sut = new PaperSut(new PaperExchangeOptions { Faults = new FaultOptions { Seed = 3, Socket = new SocketFaultOptions(Drop: 0.5) } });
        await using var shadow = CreateShadow(sut);
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await shadow.StartAsync(start.Token);

        var mids = await sut.MidsAsync();
        await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mids["ETH"] * 0.98m, mids["ETH"] * 1.04m, 1), CancellationToken.None);
        await sut.Orchestrator.OpenAsync(PaperSut.Open("BTC", PositionSide.Short, 2_000m, mids["BTC"] * 1.02m, mids["BTC"] * 0.96m, 1), CancellationToken.None);
        sut.Clock.Advance(TimeSpan.FromMinutes(5));
        sut.Engine.Synchronize();
        await sut.Orchestrator.CloseAsync(PaperSut.Close("BTC", PositionSide.Short, 2), CancellationToken.None);
        await shadow.FlushAsync(CancellationToken.None);
        Assert.True(sut.Engine.SocketFaults.Dropped > 0);

        var connections = shadow.Connections;
        Assert.Equal(1, sut.Engine.DropWebSockets());
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (shadow.Connections == connections || !shadow.View.IsSynced || !await shadow.FlushAsync(wait.Token))
        {
            await Task.Delay(10, wait.Token);
        }

        Assert.Contains(shadow.Resyncs, r => r.Reason == "reconnect");
        var polledAccount = await sut.StateAsync();
        var polledOrders = await sut.OpenOrdersAsync();
        Assert.Empty(ShadowComparison.Compare(shadow.View, polledAccount, polledOrders));
        Assert.Equal(polledOrders.Select(o => o.Oid).Order(), shadow.View.Orders.Keys.Order());
    }
}
