using Halyard.Sweeps.Index;
using Halyard.Tests.Journal;
using Halyard.Tests.Sweeps;

namespace Halyard.Tests.Cli;

public class SweepCommandTests
{
    [Fact]
    public async Task Sweep_DryRun_PrintsTheJobsAndRunsNothing()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("sweep.yaml"), SweepFiles.Grid(dir.File("out")));

        var (code, output) = await Cli.RunAsync("sweep", dir.File("sweep.yaml"), "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("lev=10_window=d3", output, StringComparison.Ordinal);
        Assert.Contains("4 job(s)", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task Sweep_BadKey_ExitsTwoNamingIt()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("sweep.yaml"), "axes:\n  - key: executor.modle\n    values: [x]\n");

        var (code, output) = await Cli.RunAsync("sweep", dir.File("sweep.yaml"), "--dry-run");

        Assert.Equal(2, code);
        Assert.Contains("modle", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepThenReport_RunsTheJobs_AndTheArenaRanksGroupsAndDrawsBestAndWorst()
    {
        using var dir = new TempDirectory();
        var folder = dir.File("out");
        File.WriteAllText(dir.File("sweep.yaml"), SweepFiles.Grid(folder));

        var (code, output) = await Cli.RunAsync("sweep", dir.File("sweep.yaml"), "--workers", "2");

        Assert.True(code == 0, output);
        Assert.Contains("4 done, 0 failed", output, StringComparison.Ordinal);
        Assert.Equal(4, SweepIndex.Read(folder)!.Jobs.Count(j => j.Status == JobStatus.Done));

        var (again, second) = await Cli.RunAsync("sweep", dir.File("sweep.yaml"));
        Assert.Equal(0, again);
        Assert.Contains("0 done, 0 failed, 4 already done before", second, StringComparison.Ordinal);

        var (reportCode, report) = await Cli.RunAsync("report", folder, "--by", "net_pnl_usd", "--group", "lev");
        Assert.Equal(0, reportCode);
        Assert.Contains("net_pnl_usd by lev", report, StringComparison.Ordinal);
        Assert.Contains("lev=5_window=d2", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "arena.png")));
        Assert.True(new FileInfo(Path.Combine(folder, "arena.png")).Length > 1000);
    }
}
