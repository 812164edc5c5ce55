using Halyard.Cycle;
using Halyard.Decisions;
using Halyard.Domain;

namespace Halyard.Tests.Cycle;

/// <summary>The plans as journaled: one list while they stand still, mapped again after every change.</summary>
public class TraderMemoryTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PlanRecords_Unchanged_TheSameList_ChangedByAPlanAnAddOrAClose_MappedAgain()
    {
        var memory = new TraderMemory();
        Assert.Null(memory.PlanRecords());

        memory.RememberPlan("SOL", new PositionPlan("trend", "close < 140", 140m, 170m, 3, At));
        memory.RememberPlan("BTC", new PositionPlan("breakout", null, 60000m, null, 4, At));
        var first = memory.PlanRecords();
        Assert.Equal(["BTC", "SOL"], first!.Select(p => p.Symbol));
        Assert.Same(first, memory.PlanRecords());
        memory.BeginCycle(Account("BTC", "SOL"));
        Assert.Same(first, memory.PlanRecords());

        memory.RememberAdd("SOL", new PositionPlan("add", null, 145m, null, 5, At));
        var added = memory.PlanRecords();
        Assert.NotSame(first, added);
        Assert.Equal(1, Assert.Single(added!, p => p.Symbol == "SOL").Adds);
        Assert.Equal(145m, Assert.Single(added!, p => p.Symbol == "SOL").StopLoss);

        memory.BeginCycle(Account("SOL"));
        var closed = memory.PlanRecords();
        Assert.Equal(["SOL"], closed!.Select(p => p.Symbol));
        Assert.Equal(CycleRecordMapping.ToRecords(memory.Plans), closed);

        memory.RememberPlan("ETH", new PositionPlan("range", null, 2400m, 2600m, 6, At));
        Assert.Equal(["ETH", "SOL"], memory.PlanRecords()!.Select(p => p.Symbol));
    }

    private static AccountSnapshot Account(params string[] coins) => new(
        10_000m, 0m, 0m, 10_000m, [.. coins.Select(c => new Position(c, 1m, 100m, 100m, 0m, 10m, 10, true, null))], At);
}
