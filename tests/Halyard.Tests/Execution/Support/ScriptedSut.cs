using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Execution.Support;

/// <summary>An Orchestrator over the REAL ExchangeClient/InfoClient in front of a <see cref="ScriptedVenue"/>, on a fake clock.</summary>
internal sealed class ScriptedSut : IDisposable
{
    public const string Trader = "t01";

    /// <summary>The public test key of the signing vectors (never a real account).</summary>
    public static readonly PrivateKey Key = PrivateKey.FromHex("0x822e9959e022b78423eb653a62ea0020cd283e71a2a8133a6ff2aeffaf373cff");

    private readonly HttpClient _client;

    public ScriptedSut(OrchestratorOptions? options = null, IIntentLedger? ledger = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        Venue = new ScriptedVenue(Clock);
        _client = new HttpClient(Venue);
        var http = new HyperliquidHttp(
            _client,
            new HyperliquidHttpOptions
            {
                Endpoint = new HyperliquidEndpoint(new Uri("http://venue.test"), isMainnet: false),
                Budget = new WeightBudgetOptions { Capacity = 1_000_000 },
                Timeout = TimeSpan.FromSeconds(10),
            },
            Clock);
        Exchange = new ExchangeClient(http, SigningIdentity.ForAccount(Key), new NonceGenerator(Clock), new ExchangeClientOptions { IsMainnet = false });
        Info = new InfoClient(http);
        Ledger = ledger ?? new InMemoryIntentLedger();
        Options = options ?? new OrchestratorOptions();
        Orchestrator = new Orchestrator(new OrchestratorSetup(Trader, Exchange, Info, Ledger, Clock, Options, new Random(7)));
        Orchestrator.UpdateInstruments(Instruments);
    }

    public static IReadOnlyList<InstrumentRules> Instruments { get; } =
    [
        new("BTC", 0, SzDecimals: 5, MaxLeverage: 40),
        new("ETH", 1, SzDecimals: 4, MaxLeverage: 25),
        new("SOL", 2, SzDecimals: 2, MaxLeverage: 20),
    ];

    public FakeTimeProvider Clock { get; }

    public ScriptedVenue Venue { get; }

    public ExchangeClient Exchange { get; }

    public InfoClient Info { get; }

    public IIntentLedger Ledger { get; }

    public OrchestratorOptions Options { get; }

    public Orchestrator Orchestrator { get; }

    public static OpenIntent Long(string symbol = "ETH", decimal usd = 1_000m, decimal? stop = 2_400m, decimal? target = 2_700m, long cycle = 1, int leverage = 5) => new()
    {
        TraderId = Trader,
        Cycle = cycle,
        DecisionId = "d" + cycle,
        Symbol = symbol,
        Side = PositionSide.Long,
        Size = OrderSize.Usd(usd),
        Leverage = leverage,
        StopLoss = stop,
        TakeProfit = target,
    };

    public static CloseIntent CloseLong(string symbol = "ETH", long cycle = 2) => new()
    {
        TraderId = Trader,
        Cycle = cycle,
        DecisionId = "c" + cycle,
        Symbol = symbol,
        Side = PositionSide.Long,
    };

    public Task<ExecutionOutcome> OpenAsync(OpenIntent intent) => Drive(Orchestrator.OpenAsync(intent, CancellationToken.None));

    public Task<ExecutionOutcome> CloseAsync(CloseIntent intent) => Drive(Orchestrator.CloseAsync(intent, CancellationToken.None));

    public Task<T> Drive<T>(Task<T> task) => ClockDriver.RunAsync(Clock, task);

    public void Dispose() => _client.Dispose();
}

/// <summary>
/// Runs a task that waits on a <see cref="FakeTimeProvider"/> (backoff, timeouts, GTC polls) by advancing the
/// fake clock in small steps until the task completes; no real time is waited for.
/// </summary>
internal static class ClockDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan? step = null, int maxSteps = 100_000)
    {
        var delta = step ?? TimeSpan.FromMilliseconds(50);
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Yield();
            if (!task.IsCompleted)
            {
                clock.Advance(delta);
            }
        }

        Assert.True(task.IsCompleted, "the task did not complete within the virtual time allowed");
        return await task;
    }
}
