using Halyard.Cycle;
using Halyard.Cycle.Composition;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

public class RestoreTests
{
    [Fact]
    public async Task Restore_AfterARestart_ResumesNumberingAnalyticsAndOwnedPositions()
    {
        var journal = new MemoryJournal();
        var before = new CycleHarness(journal: journal);
        before.Maker.Then(before.Open("SOL"));
        for (var i = 0; i < 4; i++)
        {
            await before.StepAsync();
        }

        var ownership = new PositionOwnership();
        var after = new CycleHarness(journal: journal, ownership: ownership, clock: before.Clock, venue: before.Venue);
        TraderFactory.Restore(after.Cycle, journal, ownership);

        Assert.Equal(4, after.Cycle.State.Cycle);
        Assert.True(ownership.IsOwnedBy("SOL", "t01"));
        Assert.Equal(4, after.Cycle.State.History.Inputs(after.Cycle.State.Trades, []).EquityCurve.Count);
        var next = await after.RunAsync();
        Assert.Equal(5, next.Cycle);
        Assert.Equal("SOL", Assert.Single(next.PositionsSnapshot).Coin);
    }
}
