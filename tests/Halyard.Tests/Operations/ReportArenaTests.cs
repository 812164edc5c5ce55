using Halyard.Tests.Journal;
using CliRunner = Halyard.Tests.Cli.Cli;

namespace Halyard.Tests.Operations;

/// <summary><c>halyard report</c> on a live journal (no summary.json) and on several run folders (the arena).</summary>
public class ReportArenaTests(ReplayRunFixture replay) : IClassFixture<ReplayRunFixture>
{
    [Fact]
    public async Task Report_OnAJournalWithoutSummary_PrintsTheSummaryComputedFromTheJournal()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(replay.Folder, "cycles.jsonl"), dir.File("cycles.jsonl"));

        var (code, output) = await CliRunner.RunAsync("report", dir.Path);

        Assert.True(code == 0, output);
        Assert.Contains("Run summary", output, StringComparison.Ordinal);
        Assert.Contains("A live journal: summary computed from cycles.jsonl", output, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("equity.png")));
    }

    [Fact]
    public async Task Report_OnSeveralFolders_PrintsTheArenaAndOneChartWithEveryCurve()
    {
        using var dir = new TempDirectory();
        var copy = dir.File("second");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(replay.Folder, "cycles.jsonl"), Path.Combine(copy, "cycles.jsonl"));
        var png = dir.File("arena.png");

        var (code, output) = await CliRunner.RunAsync("report", replay.Folder, copy, "--png", png);

        Assert.True(code == 0, output);
        Assert.Contains("Arena", output, StringComparison.Ordinal);
        foreach (var label in new[] { "run/alpha", "run/beta", "second/alpha", "second/beta" })
        {
            Assert.Contains(label, output, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(png));
    }
}
