using Halyard.Cycle;
using Halyard.Execution;
using Halyard.Tests.Cycle.Support;

namespace Halyard.Tests.Cycle;

public class ShutdownTests
{
    [Fact]
    public async Task FinishAsync_Keep_ChecksEveryStopOnceAndClosesNothing()
    {
        var h = new CycleHarness();
        h.Holds("SOL", 10m, 150m);
        h.Venue.ReportsPositions = true;

        var line = await h.Cycle.FinishAsync(StopPolicy.Keep, CancellationToken.None);

        Assert.Equal(1, h.Venue.Reconciles);
        Assert.Empty(h.Venue.Intents);
        Assert.Contains("1 of 1 position(s) with a live stop", line, StringComparison.Ordinal);
        var record = Assert.Single(((MemoryJournal)h.Journal).Records);
        Assert.True(record.Success);
        Assert.StartsWith("stopped", record.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishAsync_Flatten_ClosesEveryPosition()
    {
        var h = new CycleHarness();
        h.Holds("SOL", 10m, 150m);
        h.Holds("AVAX", -20m, 20m);
        h.Venue.ReportsPositions = true;

        var line = await h.Cycle.FinishAsync(StopPolicy.Flatten, CancellationToken.None);

        Assert.Equal(["AVAX", "SOL"], h.Venue.Intents.OfType<CloseIntent>().Select(i => i.Symbol).Order(StringComparer.Ordinal));
        Assert.Empty(h.Venue.Positions);
        Assert.Contains("2 of 2 position(s) closed", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_StoppedThenForced_SaysWhatIsInHand()
    {
        var h = new CycleHarness();
        var manager = new Manager([h.Cycle], new Halyard.Cycle.Scheduling.WallClockScheduler(h.Clock));
        h.Cycle.State.InHand = "open SOL Long";

        Assert.Equal(["t01: open SOL Long in hand"], manager.Unfinished());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => manager.FinishAsync(StopPolicy.Keep, new CancellationToken(canceled: true)));
    }
}
