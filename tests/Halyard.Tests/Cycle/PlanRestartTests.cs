using Halyard.Cycle;
using Halyard.Cycle.Composition;
using Halyard.Decisions.Prompting;
using Halyard.Journal;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

/// <summary>The model's plan survives a restart: journaled each cycle, reloaded by the restarted trader, shown in its prompt.</summary>
public sealed class PlanRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("halyard-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Restore_AfterARestart_ThePromptStillCarriesThePlanOfTheHeldPosition()
    {
        var path = Path.Combine(_dir, "cycles.jsonl");
        var before = new CycleHarness(journal: JsonlJournal.Open(path));
        before.Maker.Then(before.Open("SOL") with { Reasoning = "breakout above the range with rising open interest", InvalidationCondition = "4h close back inside the range" });
        await before.StepAsync();
        await before.StepAsync();
        before.Journal.Dispose();

        // A new process: a new journal reader on the same file, a new trader, the same venue.
        using var journal = JsonlJournal.Open(path);
        var ownership = new PositionOwnership();
        var after = new CycleHarness(journal: journal, ownership: ownership, clock: before.Clock, venue: before.Venue);
        TraderFactory.Restore(after.Cycle, journal, ownership);
        await after.RunAsync();

        var context = Assert.Single(after.Maker.Contexts);
        var user = new PromptBuilder().Build(context).User;
        Assert.Contains("breakout above the range with rising open interest", user, StringComparison.Ordinal);
        Assert.Contains("invalidation: 4h close back inside the range", user, StringComparison.Ordinal);
        Assert.Contains("plan (opened cycle 1,", user, StringComparison.Ordinal);
        Assert.DoesNotContain("plan: not known", user, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restore_AfterManyCyclesWithAnUnchangedPlan_StillCarriesThePlan(bool indexCopiesRecords)
    {
        // The plan is stored once (schema 2) and later records refer to it; the restore reads a window that starts after it.
        var options = new JournalOptions(FsyncEachRecord: false, IndexCopiesRecords: indexCopiesRecords);
        static TraderSetup SmallWindow(TraderSetup s) => s with { AnalyticsWindow = 3 };
        var before = new CycleHarness(SmallWindow, journal: CompositeJournal.OpenRunFolder(_dir, options));
        before.Maker.Then(before.Open("SOL") with { Reasoning = "breakout above the range with rising open interest", InvalidationCondition = "4h close back inside the range" });
        for (var i = 0; i < 12; i++)
        {
            await before.StepAsync();
        }

        before.Journal.Dispose();
        var lines = File.ReadAllLines(Path.Combine(_dir, CompositeJournal.JsonlFileName));
        Assert.Single(lines, l => l.Contains("\"plans\":[", StringComparison.Ordinal));
        Assert.Equal(11, lines.Count(l => l.Contains("\"plans_since\":1,", StringComparison.Ordinal)));

        using var journal = CompositeJournal.OpenRunFolder(_dir, options);
        var ownership = new PositionOwnership();
        var after = new CycleHarness(SmallWindow, journal: journal, ownership: ownership, clock: before.Clock, venue: before.Venue);
        TraderFactory.Restore(after.Cycle, journal, ownership);
        await after.RunAsync();

        var context = Assert.Single(after.Maker.Contexts);
        var user = new PromptBuilder().Build(context).User;
        Assert.Contains("breakout above the range with rising open interest", user, StringComparison.Ordinal);
        Assert.Contains("plan (opened cycle 1,", user, StringComparison.Ordinal);
        var last = journal.ReadLast("t01", 1)[0];
        Assert.Equal(13, last.Cycle);
        Assert.Equal("breakout above the range with rising open interest", Assert.Single(last.Plans!).Reasoning);
    }

    [Fact]
    public async Task Restore_PlanOfACoinNoLongerHeld_IsNotShown()
    {
        var path = Path.Combine(_dir, "cycles.jsonl");
        var before = new CycleHarness(journal: JsonlJournal.Open(path));
        before.Maker.Then(before.Open("SOL") with { Reasoning = "old idea" });
        await before.StepAsync();
        before.Journal.Dispose();
        await before.Venue.CloseAsync(new Halyard.Execution.CloseIntent { TraderId = "t01", Cycle = 2, DecisionId = "c", Symbol = "SOL", Side = Halyard.Domain.PositionSide.Long }, CancellationToken.None);

        using var journal = JsonlJournal.Open(path);
        var after = new CycleHarness(journal: journal, clock: before.Clock, venue: before.Venue);
        TraderFactory.Restore(after.Cycle, journal, new PositionOwnership());
        await after.RunAsync();

        Assert.Empty(Assert.Single(after.Maker.Contexts).Memory.Plans);
    }

    [Fact]
    public async Task Journal_EachCycleWithAPosition_CarriesItsPlan()
    {
        var harness = new CycleHarness();
        harness.Maker.Then(harness.Open("SOL") with { Reasoning = "r", InvalidationCondition = "i" });

        var first = await harness.StepAsync();
        var second = await harness.StepAsync();

        var plan = Assert.Single(second.Plans!);
        Assert.Equal(("SOL", "r", "i", 1L), (plan.Symbol, plan.Reasoning, plan.InvalidationCondition, plan.OpenedCycle));
        Assert.NotNull(first.Plans);
    }
}
