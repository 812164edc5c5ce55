using Halyard.Cycle.Configuration;
using Halyard.Cycle.Shadow;
using Halyard.Cycle.Venue;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Hyperliquid.Info;
using Halyard.Tests.Journal;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Cycle.Shadow;

/// <summary>The shadow venue on its own: a scripted live venue, the paper account, the Orchestrator through the real clients.</summary>
public class ShadowVenuesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Orchestrator_OnTheShadowVenue_FillsAtTheLivePrice_AndItsStopFiresWhenTheLivePriceFalls()
    {
        using var dir = new TempDirectory();
        var clock = new FakeTimeProvider(T0);
        var live = new ScriptedLive { Mids = { ["ETH"] = 3_000m, ["BTC"] = 100_000m } };
        var config = Config(shadowEquity: 10_000m);
        using var shadows = (await ShadowVenues.CreateAsync(config, new ShadowVenuesOptions(live, clock, dir.Path, (4.5m, 1.5m)), CancellationToken.None)).Value!;
        var venue = shadows.For("paper")!;
        var orchestrator = new Orchestrator(new OrchestratorSetup("paper", venue.Connection.Exchange, venue.Connection.Info, new InMemoryIntentLedger(), clock, new OrchestratorOptions()));

        var opened = await orchestrator.OpenAsync(Long(stop: 2_940m, target: 3_300m), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(IntentResult.Filled, opened.Result);
        Assert.Equal(ProtectionStatus.Protected, opened.Protection.Status);
        Assert.InRange(opened.AveragePrice!.Value, 3_000m, 3_003m); // the live price plus the synthetic book's half spread

        // The live price falls through the stop: the next poll moves the paper mark, the stop fires.
        clock.Advance(TimeSpan.FromSeconds(5));
        live.Mids["ETH"] = 2_990m;
        Assert.True(await shadows.PollAsync(CancellationToken.None));
        Assert.NotNull((await venue.Connection.Reader.GetAccountAsync(CancellationToken.None)).Value!.PositionOf("ETH"));
        clock.Advance(TimeSpan.FromSeconds(5));
        live.Mids["ETH"] = 2_930m;
        Assert.True(await shadows.PollAsync(CancellationToken.None));

        var account = (await venue.Connection.Reader.GetAccountAsync(CancellationToken.None)).Value!;
        Assert.Null(account.PositionOf("ETH"));
        Assert.True(account.AccountValue < 10_000m);
        var fills = (await venue.Connection.Reader.GetFillsAsync(T0, clock.GetUtcNow(), CancellationToken.None)).Value!;
        Assert.Equal(2, fills.Select(f => f.Oid).Distinct().Count());
        Assert.All(fills.Where(f => f.Side == OrderSide.Sell), f => Assert.True(f.Price < 2_940m));
        var figures = await venue.FiguresAsync([], T0, clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(1, figures.ClosedTrades);
        Assert.Equal(0m, figures.WinRatePct);
        Assert.Equal(account.AccountValue - 10_000m, figures.NetPnlUsd);
    }

    [Fact]
    public async Task CreateAsync_DefaultEquityIsTheLiveAccounts_AndAnEmptyLiveAccountNeedsShadowEquity()
    {
        var clock = new FakeTimeProvider(T0);
        var live = new ScriptedLive { Mids = { ["ETH"] = 3_000m }, Equity = 2_500m };
        using (var made = (await ShadowVenues.CreateAsync(Config(shadowEquity: null), new ShadowVenuesOptions(live, clock, null, (4.5m, 1.5m)), CancellationToken.None)).Value!)
        {
            Assert.Equal(2_500m, made.For("paper")!.StartingEquity);
            Assert.Null(made.For("live"));
        }

        live.Equity = 0m;
        var refused = await ShadowVenues.CreateAsync(Config(shadowEquity: null), new ShadowVenuesOptions(live, clock, null, (4.5m, 1.5m)), CancellationToken.None);
        Assert.False(refused.IsSuccess);
        Assert.Contains("shadow_equity", refused.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_AfterARestart_ThePaperAccountResumesAtItsLastJournaledEquity()
    {
        var clock = new FakeTimeProvider(T0);
        var live = new ScriptedLive { Mids = { ["ETH"] = 3_000m }, Equity = 2_500m };
        using var journal = new Halyard.Tests.Cycle.Support.MemoryJournal();
        journal.Append(Halyard.Tests.Journal.JournalSamples.Record(7, "paper") with
        {
            AccountSnapshot = new Halyard.Journal.AccountRecord(5_120m, 0m, 0m, 5_120m, T0),
            Gating = Halyard.Journal.GatingRecord.Open with { Shadow = true },
        });

        using var made = (await ShadowVenues.CreateAsync(Config(shadowEquity: 9_000m), new ShadowVenuesOptions(live, clock, null, (4.5m, 1.5m), Journal: journal), CancellationToken.None)).Value!;

        Assert.Equal(10_240m, made.For("paper")!.StartingEquity); // its 50 % share was 5,120
    }

    [Fact]
    public async Task PollAsync_LivePricesUnreadable_ReportsTheFailureAndKeepsTheLastMark()
    {
        var clock = new FakeTimeProvider(T0);
        var live = new ScriptedLive { Mids = { ["ETH"] = 3_000m } };
        using var shadows = (await ShadowVenues.CreateAsync(Config(10_000m), new ShadowVenuesOptions(live, clock, null, (4.5m, 1.5m)), CancellationToken.None)).Value!;

        live.MidsFail = true;
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await shadows.PollAsync(CancellationToken.None));
        Assert.Equal(1, shadows.PollCounts.Failed);
        var mids = await shadows.For("paper")!.Connection.Info.GetAllMidsAsync(CancellationToken.None);
        Assert.InRange(mids.Value!["ETH"], 2_999m, 3_001m);
    }

    private static HalyardConfig Config(decimal? shadowEquity)
    {
        var starter = HalyardConfig.Default();
        return starter with
        {
            Traders =
            [
                starter.Traders[0] with { Id = "live", AllocationPct = 50m },
                starter.Traders[0] with { Id = "paper", AllocationPct = 50m, Shadow = true, ShadowEquity = shadowEquity },
            ],
        };
    }

    private static OpenIntent Long(decimal stop, decimal target) => new()
    {
        TraderId = "paper",
        Cycle = 1,
        DecisionId = "d1",
        Symbol = "ETH",
        Side = PositionSide.Long,
        Size = OrderSize.Usd(1_000m),
        Leverage = 5,
        StopLoss = stop,
        TakeProfit = target,
    };

    /// <summary>The live venue's reads, scripted (the shadow venue reads only the market from it).</summary>
    private sealed class ScriptedLive : IVenueReader
    {
        public Dictionary<string, decimal> Mids { get; } = new(StringComparer.Ordinal);

        public decimal Equity { get; set; } = 10_000m;

        public bool MidsFail { get; set; }

        public Task<Result<AccountSnapshot>> GetAccountAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Result.Success(new AccountSnapshot(Equity, 0m, 0m, Equity, [], T0)));

        public Task<Result<IReadOnlyList<OpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Result.Success<IReadOnlyList<OpenOrder>>([]));

        public Task<Result<PerpUniverse>> GetUniverseAsync(CancellationToken cancellationToken) =>
            Task.FromResult(Result.Success(new PerpUniverse(
                [new InstrumentRules("BTC", 0, 5, 40), new InstrumentRules("ETH", 1, 4, 25)],
                [
                    new AssetContext("BTC", Mids.GetValueOrDefault("BTC", 100_000m), Mids.GetValueOrDefault("BTC"), 100_000m, 10m, 0.0000125m, 99_000m, 5_000_000_000m, 0m),
                    new AssetContext("ETH", Mids.GetValueOrDefault("ETH", 3_000m), Mids.GetValueOrDefault("ETH"), 3_000m, 1_000m, 0.0000125m, 2_950m, 2_000_000_000m, 0m),
                ])));

        public Task<Result<IReadOnlyDictionary<string, decimal>>> GetMidsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(MidsFail
                ? Result<IReadOnlyDictionary<string, decimal>>.Failure(new Error(ErrorClass.ExchangeDown, "down"))
                : Result.Success<IReadOnlyDictionary<string, decimal>>(new Dictionary<string, decimal>(Mids, StringComparer.Ordinal)));

        public Task<Result<IReadOnlyList<UserFill>>> GetFillsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult(Result.Success<IReadOnlyList<UserFill>>([]));

        public Task<Result<IReadOnlyList<UserFundingEntry>>> GetFundingAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
            Task.FromResult(Result.Success<IReadOnlyList<UserFundingEntry>>([]));
    }
}
