using Halyard.Cycle.Reporting;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cli;

public class ReplayCommandTests
{
    [Fact]
    public async Task Replay_ShortWindow_WritesEveryRunFolderFileAndPrintsTheSummary()
    {
        using var dir = new TempDirectory();

        var (code, output) = await Cli.RunAsync("replay", "--from", "2025-07-02", "--to", "2025-07-02T02:00:00Z", "--out", dir.Path);

        Assert.True(code == 0, output);
        foreach (var file in new[] { "cycles.jsonl", "journal.db", "exchange.jsonl", "summary.json", "equity.png" })
        {
            Assert.True(File.Exists(dir.File(file)), file + " missing\n" + output);
        }

        var summary = RunSummary.FromJson(await File.ReadAllTextAsync(dir.File("summary.json")));
        Assert.Equal(40, summary.Cycles);
        Assert.Equal(["baseline"], summary.DecisionMakers);
        Assert.Contains("Run summary", output, StringComparison.Ordinal);
        Assert.Contains("decision → order", output, StringComparison.Ordinal);
        Assert.Contains("Run folder:", output, StringComparison.Ordinal);

        var report = await Cli.RunAsync("report", dir.Path);
        Assert.Equal(0, report.Code);
    }

    [Theory]
    [InlineData("--from", "yesterday")]
    [InlineData("--from", "2025-07-03", "--to", "2025-07-02")]
    public async Task Replay_BadWindow_ExitsWithUsageError(params string[] args)
    {
        using var dir = new TempDirectory();
        var (code, _) = await Cli.RunAsync(["replay", "--out", dir.Path, .. args]);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Replay_ConfigWithErrors_PrintsThemAndExits()
    {
        using var dir = new TempDirectory();
        var config = dir.File("bad.yaml");
        await File.WriteAllTextAsync(config, "traders:\n  - id: t01\n    allocation_pct: 150\n");

        var (code, output) = await Cli.RunAsync("replay", "--config", config, "--out", dir.Path);

        Assert.Equal(2, code);
        Assert.Contains("traders[0].allocation_pct", output, StringComparison.Ordinal);
    }
}
