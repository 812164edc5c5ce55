using Halyard.Cycle.Reporting;
using Halyard.Journal;
using Halyard.Tests.Journal;

namespace Halyard.Tests.Cli;

public class ReportCommandTests
{
    [Fact]
    public async Task Report_LiveJournalWithAShadowTrader_ShowsItsPaperFiguresBesideTheLiveOnes()
    {
        using var dir = new TempDirectory();
        using (var journal = JsonlJournal.Open(dir.File(CompositeJournal.JsonlFileName)))
        {
            for (var i = 1; i <= 10; i++)
            {
                journal.Append(JournalSamples.Record(i, "live") with { AccountSnapshot = new AccountRecord(10_000m - i, 0m, 0m, 10_000m, JournalSamples.Start.AddMinutes(3 * i)) });
                journal.Append(JournalSamples.Record(i, "paper") with
                {
                    AccountSnapshot = new AccountRecord(5_000m + (10 * i), 0m, 0m, 5_000m, JournalSamples.Start.AddMinutes(3 * i)),
                    Gating = GatingRecord.Open with { Shadow = true },
                });
            }
        }

        var (code, output) = await Cli.RunAsync("report", dir.Path);

        Assert.Equal(0, code);
        Assert.Contains("shadow traders", output, StringComparison.Ordinal);
        Assert.Contains("paper: equity", output, StringComparison.Ordinal);
        Assert.Contains("5,010.00 → 5,100.00 USD (live: 9,999.00 → 9,990.00)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_RunFolder_PrintsTheSummaryTableAndWritesTheChartPng()
    {
        using var dir = new TempDirectory();
        var records = Enumerable.Range(1, 40).Select(i => JournalSamples.Record(i) with
        {
            AccountSnapshot = new AccountRecord(10_000m + (i % 7 * 25m) - i, 0m, 0m, 10_000m, JournalSamples.Start.AddMinutes(3 * i)),
        }).ToArray();
        using (var journal = JsonlJournal.Open(dir.File(CompositeJournal.JsonlFileName)))
        {
            foreach (var record in records)
            {
                journal.Append(record);
            }
        }

        var summary = SummaryBuilder.Build(new SummaryInputs
        {
            Records = records,
            InitialEquityUsd = 10_000m,
            FinalEquityUsd = 9_990m,
            From = records[0].Timestamp,
            To = records[^1].Timestamp,
            DecisionMakers = ["baseline"],
            WallSeconds = 1.5,
        });
        await File.WriteAllTextAsync(dir.File("summary.json"), summary.ToJson());

        var (code, output) = await Cli.RunAsync("report", dir.Path);

        Assert.Equal(0, code);
        Assert.Contains("Run summary", output, StringComparison.Ordinal);
        Assert.Contains("cycles", output, StringComparison.Ordinal);
        Assert.Contains($"40 ({summary.CyclesFailed} failed)", output, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(dir.File("equity.png"));
        Assert.True(png.Length > 1000);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public async Task Report_NotARunFolder_ExitsNonZero()
    {
        using var dir = new TempDirectory();
        var (code, output) = await Cli.RunAsync("report", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("not a run folder", output, StringComparison.Ordinal);
    }
}
