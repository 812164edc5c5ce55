using System.Globalization;
using Halyard.Cycle.Replay;
using Halyard.Domain;
using Halyard.Execution;
using Halyard.Execution.Ledger;
using Halyard.Execution.Reconciliation;
using Halyard.Hyperliquid;
using Halyard.Hyperliquid.Exchange;
using Halyard.Hyperliquid.Http;
using Halyard.Hyperliquid.Info;
using Halyard.Hyperliquid.RateLimit;
using Halyard.Hyperliquid.Signing;
using Halyard.PaperExchange;
using Halyard.PaperExchange.Audit;
using Halyard.PaperExchange.Clock;
using Halyard.Tests.Execution.Support;

namespace Halyard.Tests.Execution;

/// <summary>
/// The kill/restart invariants in-process, at every send of an open and of a close: the "process" (client,
/// Orchestrator, intent ledger on disk) dies right after the venue received its k-th <c>/exchange</c> request
/// (executed, answer never read), then a new one starts on the same ledger file and venue and reconciles, as
/// <c>halyard run</c> does at start. After the restart's reconciliation every position has a stop covering it,
/// no cloid was accepted twice, and no intent ever had two live entry orders. The real-process version
/// (SIGKILL at random moments, ≥ 20 kills, a standalone paper exchange) is <c>scripts/kill-restart.sh</c>, run
/// by <c>.ci/checks/kill-restart.sh</c>; this one walks every send point deterministically in a few seconds.
/// </summary>
public sealed class KillRestartInProcessTests
{
    public static TheoryData<EntryMode, int> OpenKillPoints { get; } = new()
    {
        // An open sends: the leverage update, the entry, the stop (the assertion below fails if one goes missing).
        { EntryMode.Ioc, 1 }, { EntryMode.Ioc, 2 }, { EntryMode.Ioc, 3 },
        { EntryMode.Gtc, 1 }, { EntryMode.Gtc, 2 }, { EntryMode.Gtc, 3 },
    };

    [Theory]
    [MemberData(nameof(OpenKillPoints))]
    public async Task OpenKilledAtTheKthSend_Restart_EveryPositionProtectedNoDuplicate(EntryMode entry, int killAt)
    {
        using var world = new World(new OrchestratorOptions { Entry = entry });
        var first = world.Start(killAt);
        var open = PaperSut.Open("BTC", PositionSide.Long, 2_000m, stop: null, target: null, cycle: 1);
        var stopPrice = await world.StopBelowAsync(first, 0.97m);
        await RunUntilKilled(() => first.Orchestrator.OpenAsync(open with { StopLoss = stopPrice }, first.Kill.Token), first);
        Assert.True(first.Kill.IsCancellationRequested, $"the open made fewer than {killAt} sends: the process was not killed");
        first.Die();

        var second = world.Start(killAt: null);
        var report = await second.Orchestrator.ReconcileAsync(new ReconcileRequest(2), CancellationToken.None);

        Assert.False(report.FailsCycle, report.Error);
        await world.AssertInvariantsAsync(second);
        second.Die();
    }

    [Theory]
    [InlineData(1)] // the reduce-only IOC
    [InlineData(2)] // the stop's cancel once flat
    public async Task CloseKilledAtTheKthSend_Restart_FlatOrStillProtected(int killAt)
    {
        using var world = new World(new OrchestratorOptions());
        var opener = world.Start(killAt: null);
        var stopPrice = await world.StopBelowAsync(opener, 0.97m);
        var opened = await opener.Orchestrator.OpenAsync(PaperSut.Open("BTC", PositionSide.Long, 2_000m, stopPrice, null, cycle: 1), CancellationToken.None);
        Assert.Equal(ProtectionStatus.Protected, opened.Protection.Status);
        opener.Die();

        var closer = world.Start(killAt);
        await RunUntilKilled(() => closer.Orchestrator.CloseAsync(PaperSut.Close("BTC", PositionSide.Long, cycle: 2), closer.Kill.Token), closer);
        Assert.True(closer.Kill.IsCancellationRequested, $"the close made fewer than {killAt} sends: the process was not killed");
        closer.Die();

        var restarted = world.Start(killAt: null);
        var report = await restarted.Orchestrator.ReconcileAsync(new ReconcileRequest(3), CancellationToken.None);

        Assert.False(report.FailsCycle, report.Error);
        await world.AssertInvariantsAsync(restarted);
        restarted.Die();
    }

    /// <summary>Runs the work of a process that is killed mid-send (or finishes before the k-th send: then it simply ends).</summary>
    private static async Task RunUntilKilled(Func<Task<ExecutionOutcome>> work, Process process)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (process.Kill.IsCancellationRequested)
        {
            // Killed: nothing after the k-th request ran.
        }
    }

    /// <summary>The venue and the ledger file that outlive the processes.</summary>
    private sealed class World : IDisposable
    {
        private readonly StringWriter _audit = new(CultureInfo.InvariantCulture);
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "halyard-kr-" + Guid.NewGuid().ToString("N"));
        private readonly OrchestratorOptions _options;

        public World(OrchestratorOptions options)
        {
            _options = options;
            Directory.CreateDirectory(_folder);
            Clock = new ReplayClock(PaperSut.Start);
            Engine = new PaperExchangeEngine(
                new PaperExchangeOptions { Accounts = [new FundedAccount(PaperSut.Key.Address.Value, 10_000m)] }, Clock, null, new AuditLog(_audit));
        }

        public ReplayClock Clock { get; }

        public PaperExchangeEngine Engine { get; }

        public string LedgerPath => Path.Combine(_folder, "ledger-" + PaperSut.Trader + ".jsonl");

        /// <summary>A new process: its own client, nonces, Orchestrator and ledger (reopened from the file).</summary>
        public Process Start(int? killAt)
        {
            Clock.Advance(TimeSpan.FromSeconds(1)); // a restart takes time: the new nonces come after the old ones
            return new Process(this, killAt, _options);
        }

        public async Task<decimal> StopBelowAsync(Process process, decimal factor)
        {
            var mids = await process.Info.GetAllMidsAsync(CancellationToken.None);
            Assert.True(mids.IsSuccess, mids.Error?.Message);
            return decimal.Round(mids.Value["BTC"] * factor, 0);
        }

        public async Task AssertInvariantsAsync(Process process)
        {
            var state = await process.Info.GetClearinghouseStateAsync(process.Account, CancellationToken.None);
            var open = await process.Info.GetFrontendOpenOrdersAsync(process.Account, CancellationToken.None);
            Assert.True(state.IsSuccess && open.IsSuccess);
            foreach (var position in state.Value.Positions.Where(p => p.Size != 0m))
            {
                var cover = Reconciler.StopCoverage(position, open.Value);
                Assert.True(cover >= position.AbsSize, $"{position.Coin} {position.Size} covered by stops for {cover} only");
            }

            var audit = AuditCheck.Run(_audit.ToString(), process.Ledger.Entries(PaperSut.Trader));
            Assert.Empty(audit.CloidsAcceptedTwice);
            Assert.Empty(audit.IntentsWithTwoLiveOrders);
        }

        public void Dispose()
        {
            Engine.Dispose();
            _audit.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>One run of the trader's process; <see cref="Die"/> drops it as a kill would (the ledger file stays as written).</summary>
    private sealed class Process
    {
        private readonly HttpClient _http;

        public Process(World world, int? killAt, OrchestratorOptions options)
        {
            Kill = new CancellationTokenSource();
            _http = new HttpClient(new DyingHandler(world.Engine.CreateHandler(), killAt, Kill));
            var transport = new HyperliquidHttp(
                _http,
                new HyperliquidHttpOptions
                {
                    Endpoint = new HyperliquidEndpoint(new Uri("http://paper.local/"), isMainnet: true),
                    Budget = new WeightBudgetOptions { Capacity = 1_000_000, Mode = WeightBudgetMode.Fail },
                },
                world.Clock);
            var exchange = new ExchangeClient(transport, SigningIdentity.ForAccount(PaperSut.Key), new NonceGenerator(world.Clock), new ExchangeClientOptions { IsMainnet = true });
            Info = new InfoClient(transport);
            Account = PaperSut.Key.Address.Value;
            Ledger = JsonlIntentLedger.Open(world.LedgerPath, fsync: false);
            Orchestrator = new Orchestrator(new OrchestratorSetup(
                PaperSut.Trader, exchange, Info, Ledger, new ReplayWaitClock(world.Clock, TimeProvider.System), options, new Random(11)));
        }

        public CancellationTokenSource Kill { get; }

        public InfoClient Info { get; }

        public string Account { get; }

        public JsonlIntentLedger Ledger { get; }

        public Orchestrator Orchestrator { get; }

        public void Die()
        {
            Ledger.Dispose();
            _http.Dispose();
            Kill.Dispose();
        }
    }

    /// <summary>Forwards every request; after the venue executed the k-th <c>/exchange</c> request the process dies (its answer is never read).</summary>
    private sealed class DyingHandler(HttpMessageHandler inner, int? killAt, CancellationTokenSource kill) : DelegatingHandler(inner)
    {
        private int _exchange;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, CancellationToken.None);
            if (request.RequestUri!.AbsolutePath.EndsWith("/exchange", StringComparison.Ordinal) && ++_exchange == killAt)
            {
                response.Dispose();
                await kill.CancelAsync();
                throw new OperationCanceledException(kill.Token);
            }

            return response;
        }
    }
}
