using System.Collections.Concurrent;
using System.Text.Json;
using Halyard.Cycle;
using Halyard.Cycle.Composition;
using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Cycle.Scheduling;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.Hyperliquid.WebSocket;
using Halyard.Journal;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Clock;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle.LiveState;

/// <summary>
/// The replay's composition with the WebSocket live state, built from the production pieces (the paper exchange
/// in-process, the real clients, <see cref="LiveStateSession"/>, <see cref="ReplayEventDriver"/>, the Manager),
/// with a transport that counts every <c>/info</c> request by its <c>type</c>.
/// </summary>
internal sealed class LiveStateHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset From = new(2025, 7, 2, 0, 0, 0, TimeSpan.Zero);

    private LiveStateHarness(ReplayClock clock, PaperExchangeEngine engine, VenueConnection venue, CountingHandler counter, LiveStateSession live, HalyardConfig config)
    {
        Clock = clock;
        Engine = engine;
        Venue = venue;
        Counter = counter;
        Live = live;
        Config = config;
        Driver = new ReplayEventDriver(engine, clock, live);
    }

    public ReplayClock Clock { get; }

    public PaperExchangeEngine Engine { get; }

    public VenueConnection Venue { get; }

    public CountingHandler Counter { get; }

    public LiveStateSession Live { get; }

    public HalyardConfig Config { get; }

    public ReplayEventDriver Driver { get; }

    public MemoryJournal Journal { get; } = new();

    public static async Task<LiveStateHarness> StartAsync(HalyardConfig? config = null)
    {
        config ??= HalyardConfig.Default();
        var clock = new ReplayClock(From);
        var key = PaperAccount.Key();
        var engine = new PaperExchangeEngine(config.PaperExchange.ToOptions(key.Address.Value), clock);
        var counter = new CountingHandler(engine.CreateHandler());
        var venue = new VenueConnection(new VenueConnectionOptions
        {
            Handler = counter,
            Endpoint = new HyperliquidEndpoint(new Uri("http://paper.invalid/"), engine.Options.IsMainnet),
            Identity = SigningIdentity.ForAccount(key),
            Clock = clock,
            BudgetMode = WeightBudgetMode.Fail,
        });
        var options = new LiveStateSessionOptions(
            engine.InProcessWebSocket(TimeProvider.System),
            new HyperliquidSocketOptions { Time = TimeProvider.System, PingInterval = null, ReconnectDelay = TimeSpan.Zero },
            config.Features.WebSocketCrossCheck,
            engine.SynchronizeAndCountPushes)
        {
            FlushTimeout = TimeSpan.FromSeconds(60), // a loaded test machine must not turn a slow round trip into a poll
        };
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var live = await LiveStateSession.StartAsync(venue, options, clock, start.Token);
        Assert.True(live.IsSuccess, live.Error?.Message);
        return new LiveStateHarness(clock, engine, venue, counter, live.Value, config);
    }

    /// <summary>The traders of the configuration on this venue, reading the live state, their reactions attached.</summary>
    public IReadOnlyList<TraderCycle> Traders()
    {
        var created = TraderFactory.Create(Config, new TraderRuntime
        {
            Venue = Venue,
            LiveState = Live.Reader,
            Ledger = _ => new InMemoryIntentLedger(),
            OrchestratorTime = new ReplayWaitClock(Clock, TimeProvider.System),
            Journal = Journal,
            Clock = Clock,
        });
        Assert.True(created.IsSuccess, created.Error?.Message);
        Live.Attach(created.Value);
        return created.Value;
    }

    /// <summary>The Manager on the replay scheduler driven by the event driver, until <paramref name="to"/>.</summary>
    public Manager Manager(IReadOnlyList<TraderCycle> traders, DateTimeOffset to, Action<DecisionCycleRecord>? completed = null) =>
        new(traders, new ReplayScheduler(Clock, Driver.AdvanceToAsync, to)) { CycleCompleted = completed };

    public async ValueTask DisposeAsync()
    {
        await Live.DisposeAsync();
        Venue.Dispose();
        Engine.Dispose();
    }

    /// <summary>Counts the <c>/info</c> requests by <c>type</c>.</summary>
    internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

        public long Of(string type) => _counts.GetValueOrDefault(type);

        public long AccountPolls => Of("clearinghouseState") + Of("frontendOpenOrders");

        public long Info => _counts.Values.Sum();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/info", StringComparison.Ordinal) == true && request.Content is { } content)
            {
                using var body = JsonDocument.Parse(await content.ReadAsByteArrayAsync(cancellationToken));
                var type = body.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? "?" : "?";
                _counts.AddOrUpdate(type, 1, (_, n) => n + 1);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
