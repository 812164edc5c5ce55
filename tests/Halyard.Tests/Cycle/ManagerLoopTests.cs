using Halyard.Cycle;
using Halyard.Cycle.Scheduling;
using Halyard.Tests.Cycle.Support;
using Microsoft.Extensions.Time.Testing;

namespace Halyard.Tests.Cycle;

public class ManagerLoopTests
{
    private readonly SemaphoreSlim _cycles = new(0);

    private (Manager Manager, MemoryJournal Journal, FakeTimeProvider Clock) TwoTraders(Func<FakeTimeProvider, ICycleScheduler> scheduler, TimeSpan? secondInterval = null)
    {
        var clock = new FakeTimeProvider(CycleHarness.Start);
        var journal = new MemoryJournal();
        var venue = new FakeVenue(clock);
        var ownership = new PositionOwnership();
        var a = new CycleHarness(traderId: "alpha", clock: clock, venue: venue, ownership: ownership, journal: journal);
        var b = new CycleHarness(s => s with { DecisionInterval = secondInterval ?? s.DecisionInterval }, traderId: "beta", clock: clock, venue: venue, ownership: ownership, journal: journal);
        return (new Manager([a.Cycle, b.Cycle], scheduler(clock)) { CycleCompleted = _ => _cycles.Release() }, journal, clock);
    }

    [Fact]
    public async Task RunAsync_Cancelled_EveryLoopEndsCleanly()
    {
        var (manager, journal, clock) = TwoTraders(c => new WallClockScheduler(c));
        using var cts = new CancellationTokenSource();
        var run = manager.RunAsync(clock.GetUtcNow(), cts.Token);
        await WaitUntil(() => journal.Records.Count >= 2);
        clock.Advance(TimeSpan.FromMinutes(3));
        await WaitUntil(() => journal.Records.Count >= 4);

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(manager.RunningTraders);
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunAsync_ReplaySchedule_RunsEveryCycleInTimeThenTraderOrderAndEndsAtTheEnd()
    {
        var end = CycleHarness.Start.AddMinutes(12);
        var (manager, journal, _) = TwoTraders(c => new ReplayScheduler(c, c.SetUtcNow, end), secondInterval: TimeSpan.FromMinutes(6));

        await manager.RunAsync(CycleHarness.Start, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var order = journal.Records.Select(r => (r.Timestamp.Minute, r.TraderId)).ToArray();
        Assert.Equal(
            [(0, "alpha"), (0, "beta"), (3, "alpha"), (6, "alpha"), (6, "beta"), (9, "alpha")],
            order);
        Assert.Empty(manager.RunningTraders);
    }

    [Fact]
    public async Task RunAsync_ReplayCancelled_EndsEveryLoop()
    {
        var clock = new FakeTimeProvider(CycleHarness.Start);
        var h = new CycleHarness(clock: clock);
        using var cts = new CancellationTokenSource();
        var manager = new Manager([h.Cycle], new ReplayScheduler(clock, clock.SetUtcNow, CycleHarness.Start.AddDays(365)))
        {
            CycleCompleted = r =>
            {
                if (r.Cycle == 5)
                {
                    cts.Cancel();
                }
            },
        };

        await manager.RunAsync(CycleHarness.Start, cts.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, ((MemoryJournal)h.Journal).Records.Count);
        Assert.Empty(manager.RunningTraders);
    }

    [Theory]
    [InlineData(0, 3, 3)]
    [InlineData(0, 2, 3)]
    [InlineData(0, 7, 9)]
    [InlineData(0, 9, 9)]
    [InlineData(0, 0, 3)]
    public void NextDue_SkipsMissedSlots(int previousMinute, int nowMinute, int expectedMinute)
    {
        var at = CycleHarness.Start;
        var next = TraderLoop.NextDue(at.AddMinutes(previousMinute), TimeSpan.FromMinutes(3), at.AddMinutes(nowMinute));
        Assert.Equal(at.AddMinutes(expectedMinute), next);
    }

    /// <summary>Waits for journaled cycles (signalled by the loops) until the condition holds.</summary>
    private async Task WaitUntil(Func<bool> condition)
    {
        while (!condition())
        {
            Assert.True(await _cycles.WaitAsync(TimeSpan.FromSeconds(10)), "no cycle completed");
        }
    }
}
