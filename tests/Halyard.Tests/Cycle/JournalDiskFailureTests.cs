using Halyard.Cycle;
using Halyard.Cycle.Scheduling;
using Halyard.Domain;
using Halyard.Journal;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

/// <summary>
/// A full disk under the journal: the trader's loop goes on (it is not faulted), the cycle's orders are out
/// before the record is written, the trader opens nothing while records are held in memory, and the journal
/// says so once the disk returns. A bug in the journal still faults the loop, and the Manager reports it.
/// </summary>
public class JournalDiskFailureTests
{
    [Fact]
    public async Task RunCycle_JournalDiskFull_TheCycleCompletesAndTheNextOpensNothing()
    {
        var journal = new FailingJournal { Full = true };
        var h = new CycleHarness(s => s with { Limits = s.Limits with { MaxNewPositionsPerCycle = 3 } }, journal: journal);
        h.Maker.Then(h.Open("SOL"));

        var first = await h.StepAsync();
        h.Maker.Then(h.Open("AVAX"));
        var second = await h.StepAsync();

        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
        Assert.Contains(first.Actions, a => a is { Action: ActionNames.Journal, Result: ActionNames.Unwritable });
        Assert.Contains(second.Actions, a => a is { Action: "entry", Result: "blocked_journal", Symbol: "AVAX" });
        Assert.Contains("journal_unwritable", second.Gating.PausedBy);
        Assert.False(second.Gating.OpensAllowed);
        Assert.Empty(journal.Records);
        Assert.Equal(3, journal.Refused); // the first record; then the held one at the start of the second cycle, and again at its end
    }

    [Fact]
    public async Task RunCycle_DiskReturns_HeldRecordsAreWrittenInOrderAndTheJournalSaysSo()
    {
        var journal = new FailingJournal { Full = true };
        var h = new CycleHarness(journal: journal);
        await h.StepAsync();
        await h.StepAsync();

        journal.Full = false;
        h.Maker.Then(h.Open("SOL"));
        var back = await h.StepAsync();

        Assert.Equal([1L, 2L, 3L], journal.Records.Select(r => r.Cycle));
        Assert.Contains(journal.Records[0].Actions, a => a is { Action: ActionNames.Journal, Result: ActionNames.Unwritable });
        var again = Assert.Single(back.Actions, a => a.Action == ActionNames.Journal);
        Assert.Equal(ActionNames.WritableAgain, again.Result);
        Assert.Contains("2 record(s) held", again.ErrorDetail, StringComparison.Ordinal);
        Assert.Null(h.Cycle.State.JournalProblem);
        Assert.Equal(["SOL"], h.Venue.Intents.Select(i => i.Symbol));
    }

    [Fact]
    public async Task RunCycle_JournalDiskFull_ReconciliationStillProtectsAndClosesStillGo()
    {
        var journal = new FailingJournal { Full = true };
        var h = new CycleHarness(journal: journal);
        h.Holds("AVAX", 500m, 20m);
        await h.StepAsync();
        var reconcilesBefore = h.Venue.Reconciles;

        h.Maker.Then(new TradingDecision("AVAX", DecisionAction.CloseLong, Confidence: 80));
        await h.StepAsync();

        Assert.True(h.Venue.Reconciles > reconcilesBefore);
        Assert.Equal(["AVAX"], h.Venue.Intents.Select(i => i.Symbol));
    }

    [Fact]
    public async Task Manager_JournalBug_FaultsTheLoopAndSaysWhich()
    {
        var journal = new FailingJournal { Bug = true };
        var h = new CycleHarness(journal: journal);
        var faulted = new List<string>();
        var manager = new Manager([h.Cycle], new WallClockScheduler(h.Clock)) { TraderFaulted = (id, _) => faulted.Add(id) };

        var run = manager.RunAsync(h.Clock.GetUtcNow(), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["t01"], faulted);
    }
}
