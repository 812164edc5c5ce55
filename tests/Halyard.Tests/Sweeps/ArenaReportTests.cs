using Halyard.Sweeps.Arena;
using Halyard.Sweeps.Index;

namespace Halyard.Tests.Sweeps;

public class ArenaReportTests
{
    private static JobEntry Job(string model, string window, decimal pnl, decimal drawdown, JobStatus status = JobStatus.Done) => new()
    {
        Name = model + "_" + window,
        Digest = "d",
        Axes = new Dictionary<string, string> { ["model"] = model, ["window"] = window },
        RunFolder = "jobs/" + model + "_" + window,
        WindowFrom = DateTimeOffset.UnixEpoch,
        WindowTo = DateTimeOffset.UnixEpoch.AddHours(1),
        Status = status,
        Figures = status == JobStatus.Done ? new JobFigures { NetPnlUsd = pnl, MaxDrawdownPct = drawdown } : null,
    };

    private static readonly JobEntry[] Jobs =
    [
        Job("a", "w1", 100m, 5m), Job("a", "w2", -20m, 9m), Job("a", "w3", 40m, 2m),
        Job("b", "w1", 10m, 1m), Job("b", "w2", 12m, 3m), Job("b", "w3", 8m, 4m),
        Job("c", "w1", 0m, 0m, JobStatus.Failed),
    ];

    [Fact]
    public void Rank_NetPnl_HighestFirst_FinishedJobsOnly()
    {
        var ranked = ArenaReport.Rank(Jobs, ArenaFigure.Find("net_pnl_usd")!);

        Assert.Equal(["a_w1", "a_w3", "b_w2", "b_w1", "b_w3", "a_w2"], ranked.Select(r => r.Job.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Rank_Drawdown_LowestFirst()
    {
        var ranked = ArenaReport.Rank(Jobs, ArenaFigure.Find("max_drawdown_pct")!);

        Assert.Equal("b_w1", ranked[0].Job.Name);
        Assert.Equal("a_w2", ranked[^1].Job.Name);
    }

    [Fact]
    public void Group_ByModel_MeanAndSpreadAcrossWindows()
    {
        var groups = ArenaReport.Group(Jobs, "model", ArenaFigure.Find("net_pnl_usd")!);

        Assert.Equal(["a", "b"], groups.Select(g => g.Label));
        var a = groups[0];
        Assert.Equal(3, a.Jobs);
        Assert.Equal(40d, a.Mean, 9);
        Assert.Equal(60d, a.StdDev!.Value, 9);
        Assert.Equal((-20d, 100d), (a.Min, a.Max));
        Assert.Equal(2d, groups[1].StdDev!.Value, 9);
    }

    [Fact]
    public void Group_UnknownAxis_IsEmpty() => Assert.Empty(ArenaReport.Group(Jobs, "nope", ArenaFigure.Find("sharpe")!));
}
