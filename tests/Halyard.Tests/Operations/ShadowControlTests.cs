using Halyard.Cycle.Configuration;
using Halyard.Cycle.Live;
using Halyard.Journal;
using Halyard.Operations.Control;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Operations;

/// <summary>
/// The operator's status and flatten of a shadow trader, on a real <c>halyard run</c> (embedded paper exchange as the
/// live venue). One trader only: two traders' first cycles (20 candle requests each, weight 20 apiece) spend most of the
/// client's own weight budget (1,200 a minute, as the venue's per-IP limit), and the operator's reads then wait for
/// the window (measured 2026-12-03: the same test with a live trader beside the shadow one took 61 s, 81 requests
/// served and no 429; the paper exchange's resync loop that once spent the budget too is gone).
/// </summary>
public class ShadowControlTests
{
    [Fact]
    public async Task StatusAndFlatten_ShadowTrader_AreItsOwnPaperAccounts()
    {
        using var dir = new TempDirectory();
        var starter = HalyardConfig.Default();
        var trader = starter.Traders[0] with { AllocationPct = 50m };
        var config = starter with
        {
            Traders = [trader with { Id = "paper", Name = "paper", Shadow = true, ShadowEquity = 7_000m }],
            Journal = new JournalConfig { Dir = dir.File("journal") },
        };
        var records = new LiveRecords();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sessionReady = new TaskCompletionSource<LiveSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        var run = LiveRunner.RunAsync(
            new LiveRequest
            {
                Config = config,
                Attach = (session, _) => { sessionReady.TrySetResult(session); return Task.FromResult<IAsyncDisposable?>(null); },
                CycleCompleted = r =>
                {
                    records.Add(r);
                    if (records.Of("paper").Count > 0)
                    {
                        both.TrySetResult();
                    }
                },
            },
            stop.Token);
        try
        {
            await both.Task.WaitAsync(TimeSpan.FromMinutes(2));
            var control = new ControlCenter(await sessionReady.Task, records, TimeProvider.System);

            var status = await control.StatusAsync(CancellationToken.None);

            var paper = Assert.Single(status.Traders, t => t.Id == "paper");
            Assert.Equal("shadow", paper.Gating);
            Assert.NotNull(paper.Shadow);
            Assert.Equal(7_000m, paper.Shadow.StartingEquity);
            Assert.Equal(paper.Shadow.Equity, paper.Equity);
            Assert.NotEqual(status.AccountValue, paper.Equity);
            Assert.NotEmpty(paper.Positions); // what the baseline opened in the first cycle, on the paper account

            var flattened = await control.FlattenAsync("paper", "test", CancellationToken.None);

            Assert.True(flattened.Ok, flattened.Detail);
            Assert.Empty((await control.StatusAsync(CancellationToken.None)).Traders.Single(t => t.Id == "paper").Positions);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromMinutes(2));
        }
    }
}
