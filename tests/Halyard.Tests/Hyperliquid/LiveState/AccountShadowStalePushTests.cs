using Halyard.Domain;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.LiveState;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.WebSocket;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Hyperliquid.LiveState;

/// <summary>
/// Pushes generated while the shadow took an HTTP snapshot arrive after it, older than the state in hand. They are
/// stale, not lost: re-polling for each of them spent the whole weight budget on a standalone paper exchange
/// (every resync's snapshot was newer than the push queued meanwhile, so the next push resynced again).
/// </summary>
public sealed class AccountShadowStalePushTests
{
    [Fact]
    public async Task PushesOlderThanTheSnapshot_AreSkipped_WithoutPollingAgain()
    {
        using var sut = new PaperSut();
        using var race = new RacingHandler(sut, tricks: 5, race: _ =>
        {
            // A push at T+1 s is queued (the shadow's receive loop is busy in this very poll), then the snapshot is read at T+2 s.
            sut.Clock.Advance(TimeSpan.FromSeconds(1));
            sut.Engine.Synchronize();
            sut.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.CompletedTask;
        });
        await using var shadow = CreateShadow(sut, race);
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await shadow.StartAsync(start.Token);
        Assert.True(await shadow.FlushAsync(start.Token));

        Assert.True(shadow.View.IsSynced);
        Assert.True(shadow.StalePushes >= 1);
        Assert.Equal(1, race.AccountPolls);
        Assert.Equal("initial snapshot", Assert.Single(shadow.Resyncs).Reason);
    }

    [Fact]
    public async Task FillsAlreadyInTheSnapshot_AreNotCountedAgain_WhenTheyArriveAfterIt()
    {
        using var sut = new PaperSut();
        using var race = new RacingHandler(sut, tricks: 1, race: async ct =>
        {
            // A position opens (its fills and account pushes queue up behind this poll), then the snapshot is read.
            var mid = (await sut.MidsAsync())["ETH"];
            await sut.Orchestrator.OpenAsync(PaperSut.Open("ETH", PositionSide.Long, 1_000m, mid * 0.98m, mid * 1.04m, 1), ct);
            sut.Clock.Advance(TimeSpan.FromSeconds(1));
        });
        await using var shadow = CreateShadow(sut, race);
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await shadow.StartAsync(start.Token);
        Assert.True(await shadow.FlushAsync(start.Token));

        // One more account push after the queued fills: the position must still be explained by the snapshot alone.
        sut.Clock.Advance(TimeSpan.FromSeconds(1));
        sut.Engine.Synchronize();
        Assert.True(await shadow.FlushAsync(start.Token));

        var view = shadow.View;
        Assert.True(view.IsSynced);
        Assert.NotEmpty(view.FillsSinceSnapshot);
        Assert.Equal(1, race.AccountPolls);
        Assert.Single(shadow.Resyncs);
        Assert.Equal((await sut.StateAsync()).PositionOf("ETH")!.Size, view.Account!.PositionOf("ETH")!.Size);
        Assert.Empty(ShadowComparison.Compare(view, await sut.StateAsync(), await sut.OpenOrdersAsync()));
    }

    private static AccountShadow CreateShadow(PaperSut sut, RacingHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: false);
        var transport = new HyperliquidHttp(
            http,
            new HyperliquidHttpOptions
            {
                Endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true),
                Timeout = TimeSpan.FromSeconds(10),
                Budget = new WeightBudgetOptions { Capacity = 1_000_000, Mode = WeightBudgetMode.Fail },
            },
            sut.Clock);
        return new AccountShadow(new AccountShadowOptions(
            new InfoClient(transport),
            sut.Account,
            sut.Engine.InProcessWebSocket(TimeProvider.System),
            new HyperliquidSocketOptions { Time = TimeProvider.System, PingInterval = null, ReconnectDelay = TimeSpan.Zero },
            sut.Clock));
    }

    /// <summary>The shadow's HTTP path to the paper exchange: runs <c>race</c> before each of the first account polls.</summary>
    private sealed class RacingHandler(PaperSut sut, int tricks, Func<CancellationToken, Task> race) : DelegatingHandler(sut.Engine.CreateHandler())
    {
        private int _polls;

        public int AccountPolls => Volatile.Read(ref _polls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            if (body.Contains("\"clearinghouseState\"", StringComparison.Ordinal) && Interlocked.Increment(ref _polls) <= tricks)
            {
                await race(cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
