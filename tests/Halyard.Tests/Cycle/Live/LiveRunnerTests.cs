using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cycle.Live;

public class LiveRunnerTests
{
    [Fact]
    public async Task RunAsync_EmbeddedPaper_RunsTheFirstCycleAtOnceAndStopsCleanlyWithEveryPositionProtected()
    {
        using var dir = new TempDirectory();
        var config = HalyardConfig.Default() with { Journal = new JournalConfig { Dir = dir.File("journal") } };
        using var stop = new CancellationTokenSource();
        string? venue = null;

        var run = await LiveRunner.RunAsync(
            new LiveRequest { Config = config, Connected = v => venue = v, CycleCompleted = _ => stop.Cancel() },
            stop.Token).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(run.IsSuccess, run.Error?.Message);
        var result = run.Value;
        Assert.Equal(1, result.Cycles);
        Assert.Contains("embedded paper exchange", venue, StringComparison.Ordinal);
        var records = JsonlJournal.Read(dir.File("journal/cycles.jsonl")).Records;
        Assert.Equal([1L, 2L], records.Select(r => r.Cycle));
        Assert.StartsWith("stopped (t01: on_stop keep:", records[1].ErrorMessage, StringComparison.Ordinal);
        Assert.False(result.Forced);
        Assert.Contains("position(s) with a live stop", Assert.Single(result.Stopped), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("journal/journal.db")));
        Assert.True(File.Exists(dir.File("journal/ledger-t01.jsonl")));
        Assert.True(File.Exists(dir.File("journal/exchange.jsonl")));
    }

    [Fact]
    public async Task RunAsync_WithAShadowTrader_ItTradesItsOwnPaperAccountAtTheLiveEquityAndTheLiveLogHasNothingOfIt()
    {
        using var dir = new TempDirectory();
        var starter = HalyardConfig.Default();
        var live = starter.Traders[0] with { Id = "live", Name = "live", AllocationPct = 50m };
        var config = starter with
        {
            Traders = [live, live with { Id = "paper", Name = "paper", Shadow = true }],
            Journal = new JournalConfig { Dir = dir.File("journal") },
        };
        using var stop = new CancellationTokenSource();
        var seen = 0;

        var run = await LiveRunner.RunAsync(
            new LiveRequest { Config = config, CycleCompleted = _ => { if (Interlocked.Increment(ref seen) == 2) { stop.Cancel(); } } },
            stop.Token).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(run.IsSuccess, run.Error?.Message);
        var records = JsonlJournal.Read(dir.File("journal/cycles.jsonl")).Records;
        var paper = records.Where(r => r.TraderId == "paper").ToArray();
        Assert.NotEmpty(paper);
        Assert.All(paper, r => Assert.True(r.Gating.Shadow));
        Assert.All(records.Where(r => r.TraderId == "live"), r => Assert.False(r.Gating.Shadow));

        // Its own account, funded with the live account's equity at the start (shadow_equity unset); the record shows its 50 % share.
        Assert.Equal(config.PaperExchange.InitialEquity * 0.5m, paper[0].AccountSnapshot!.AccountValue);
        Assert.True(File.Exists(dir.File("journal/shadow-paper.exchange.jsonl")));
        var liveLog = await File.ReadAllTextAsync(dir.File("journal/exchange.jsonl"));
        foreach (var cloid in paper.SelectMany(r => r.Actions).Where(a => a.Cloid is not null).Select(a => a.Cloid!))
        {
            Assert.DoesNotContain(cloid, liveLog, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(paper.SelectMany(r => r.Actions), a => Assert.Equal("shadow", a.Venue));
    }

    [Fact]
    public async Task RunAsync_EmbeddedPaperOnAnExistingJournal_RefusesToMixRuns()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("journal"));
        await File.WriteAllTextAsync(dir.File("journal/cycles.jsonl"), string.Empty);
        var config = HalyardConfig.Default() with { Journal = new JournalConfig { Dir = dir.File("journal") } };

        var run = await LiveRunner.RunAsync(new LiveRequest { Config = config }, CancellationToken.None);

        Assert.False(run.IsSuccess);
        Assert.Contains("already holds a run", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MainnetWithoutItsKey_ReportsTheMissingVariableWithoutConnecting()
    {
        using var dir = new TempDirectory();
        var variable = "HALYARD_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        var config = HalyardConfig.Default() with
        {
            Exchange = new ExchangeConfig
            {
                Provider = ExchangeProvider.Mainnet,
                AccountAddress = "0x0000000000000000000000000000000000000001",
                Signer = new SignerConfig { KeyEnv = variable },
            },
            Journal = new JournalConfig { Dir = dir.File("journal") },
        };

        var run = await LiveRunner.RunAsync(new LiveRequest { Config = config }, CancellationToken.None);

        Assert.False(run.IsSuccess);
        Assert.Contains(variable, run.Error.Message, StringComparison.Ordinal);
        Assert.Contains("not set", run.Error.Message, StringComparison.Ordinal);
    }
}
