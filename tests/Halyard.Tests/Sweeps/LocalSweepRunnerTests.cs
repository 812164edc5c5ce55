using System.Text.Json;
using Halyard.Cycle.Replay;
using Halyard.PaperExchange.Data;
using Halyard.Sweeps.Index;
using Halyard.Sweeps.Running;
using Halyard.Tests.Journal;
using Microsoft.Data.Sqlite;

namespace Halyard.Tests.Sweeps;

/// <summary>
/// Real replays (2-hour windows of the starter configuration) on local workers: the index, resumption,
/// cancellation, and that replays running side by side in one process share no mutable state.
/// </summary>
public class LocalSweepRunnerTests
{
    private static LocalSweepOptions Workers(int n) => new() { Workers = n, Runner = new JobRunnerOptions { Data = MarketDataSet.Embedded } };

    [Fact]
    public async Task Run_TwoWorkers_EveryJobDoneWithTheOrdersOfALoneReplay()
    {
        using var dir = new TempDirectory();
        var plan = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);

        var outcome = await LocalSweepRunner.RunAsync(plan, Workers(2), null, CancellationToken.None);

        Assert.Equal(new SweepOutcome(4, 0, 4, 0, false, outcome.Elapsed), outcome);
        var index = SweepIndex.Read(dir.Path)!;
        Assert.All(index.Jobs, j => Assert.Equal(JobStatus.Done, j.Status));
        foreach (var job in plan.Jobs)
        {
            using var lone = new TempDirectory();
            var run = await ReplayRunner.RunAsync(new ReplayRequest { Config = job.Config, From = job.Window.From, To = job.Window.To, OutDirectory = lone.Path, Data = MarketDataSet.Embedded }, null, CancellationToken.None);
            Assert.True(run.IsSuccess, run.Error?.Message);
            var result = run.Value;
            var entry = index.Jobs.Single(j => j.Name == job.Name);
            Assert.Equal(result.Summary.ActionsSha256, entry.ActionsSha256);
            Assert.Equal(result.Summary.NetPnlUsd, entry.Figures!.NetPnlUsd);
            Assert.Equal(job.Digest, entry.Digest);
            Assert.True(File.Exists(Path.Combine(dir.Path, entry.RunFolder, "summary.json")));
            Assert.True(File.Exists(Path.Combine(dir.Path, entry.RunFolder, JobRunner.ConfigFileName)));
        }

        Assert.Contains(index.Jobs, j => j.Figures!.OrdersSent > 0);
    }

    [Fact]
    public async Task Run_Index_IsAlsoInSqliteWithAxes()
    {
        using var dir = new TempDirectory();
        var plan = SweepFiles.Plan(SweepFiles.Grid(dir.Path, "[5]"), dir.Path);
        await LocalSweepRunner.RunAsync(plan, Workers(2), null, CancellationToken.None);

        using var db = new SqliteConnection($"Data Source={dir.File(SweepIndex.SqliteFileName)};Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT j.name, j.status, j.actions_sha256, j.net_pnl_usd, a.label FROM jobs j JOIN axes a ON a.job = j.name AND a.axis = 'window' ORDER BY j.name";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(4)));
        }

        var json = SweepIndex.Read(dir.Path)!.Jobs;
        Assert.Equal(json.Select(j => (j.Name, "done", j.ActionsSha256!, j.Axes["window"])).OrderBy(r => r.Name, StringComparer.Ordinal), rows);
    }

    [Fact]
    public async Task Rerun_FinishedJobsAreNeverRunAgain_FailedAndChangedOnesAre()
    {
        using var dir = new TempDirectory();
        var plan = SweepFiles.Plan(SweepFiles.Grid(dir.Path, "[5]"), dir.Path);
        await LocalSweepRunner.RunAsync(plan, Workers(1), null, CancellationToken.None);
        var first = SweepIndex.Read(dir.Path)!.Jobs.ToDictionary(j => j.Name);

        var again = await LocalSweepRunner.RunAsync(plan, Workers(1), null, CancellationToken.None);
        Assert.Equal(2, again.Skipped);
        Assert.Equal(0, again.Done);
        Assert.Equal(first.Values.Select(j => j.StartedAt), SweepIndex.Read(dir.Path)!.Jobs.Select(j => j.StartedAt));

        // A job recorded as failed runs again, keeping its attempt count.
        var path = dir.File(SweepIndex.JsonFileName);
        var document = IndexDocument.FromJson(File.ReadAllText(path));
        var failedName = document.Jobs[0].Name;
        document = document with { Jobs = [document.Jobs[0] with { Status = JobStatus.Failed, Error = "boom" }, .. document.Jobs.Skip(1)] };
        File.WriteAllText(path, document.ToJson());
        var retried = await LocalSweepRunner.RunAsync(plan, Workers(1), null, CancellationToken.None);
        Assert.Equal((1, 1), (retried.Skipped, retried.Done));
        var entry = SweepIndex.Read(dir.Path)!.Jobs.Single(j => j.Name == failedName);
        Assert.Equal((JobStatus.Done, 2, (string?)null), (entry.Status, entry.Attempts, entry.Error));

        // A changed base configuration is a new job under the same name: run again from attempt 0.
        var changed = SweepFiles.Plan(SweepFiles.Grid(dir.Path, "[5]").Replace("name: grid", "name: grid\njobs:\n  - name: v\n    set: { \"paper_exchange.fees.taker_bps\": 5 }", StringComparison.Ordinal), dir.Path);
        Assert.NotEqual(plan.Jobs[0].Digest, changed.Jobs[0].Digest);
    }

    [Fact]
    public async Task Rerun_ChangedValue_RunsThatJobOnly()
    {
        using var dir = new TempDirectory();
        var text = SweepFiles.Grid(dir.Path, "[5]");
        await LocalSweepRunner.RunAsync(SweepFiles.Plan(text, dir.Path), Workers(1), null, CancellationToken.None);

        var changed = SweepFiles.Plan(text.Replace("labels: [d2, d3]", "labels: [d2, d3]", StringComparison.Ordinal)
            .Replace("2025-07-03T02:00:00Z", "2025-07-03T01:00:00Z", StringComparison.Ordinal), dir.Path);
        var outcome = await LocalSweepRunner.RunAsync(changed, Workers(1), null, CancellationToken.None);

        Assert.Equal((1, 1), (outcome.Skipped, outcome.Done));
        var entry = SweepIndex.Read(dir.Path)!.Jobs.Single(j => j.Name == "lev=5_window=d3");
        Assert.Equal((1, new DateTimeOffset(2025, 7, 3, 1, 0, 0, TimeSpan.Zero)), (entry.Attempts, entry.WindowTo));
    }

    [Fact]
    public async Task Cancel_RunningJobsGoBackToPending_AndTheNextRunFinishesThem()
    {
        using var dir = new TempDirectory();
        var plan = SweepFiles.Plan(SweepFiles.Grid(dir.Path), dir.Path);
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnFirstStart(cts);

        var stopped = await LocalSweepRunner.RunAsync(plan, Workers(2), progress, cts.Token);

        Assert.True(stopped.Cancelled);
        var index = SweepIndex.Read(dir.Path)!;
        Assert.DoesNotContain(index.Jobs, j => j.Status == JobStatus.Running);
        Assert.Contains(index.Jobs, j => j.Status == JobStatus.Pending);
        var resumed = await LocalSweepRunner.RunAsync(plan, Workers(2), null, CancellationToken.None);
        Assert.False(resumed.Cancelled);
        Assert.Equal(4, resumed.Skipped + resumed.Done);
        Assert.All(SweepIndex.Read(dir.Path)!.Jobs, j => Assert.Equal(JobStatus.Done, j.Status));
    }

    [Fact]
    public void IndexJson_RoundTrips()
    {
        var entry = new JobEntry
        {
            Name = "a",
            Digest = "d",
            Axes = new Dictionary<string, string> { ["lev"] = "5" },
            RunFolder = "jobs/a",
            WindowFrom = DateTimeOffset.UnixEpoch,
            WindowTo = DateTimeOffset.UnixEpoch.AddHours(1),
            Status = JobStatus.Done,
            Figures = new JobFigures { NetPnlUsd = 1.25m, Sharpe = double.NaN },
        };
        var json = new IndexDocument("s", DateTimeOffset.UnixEpoch, [entry]).ToJson();

        Assert.Contains("\"status\": \"done\"", json, StringComparison.Ordinal);
        var back = IndexDocument.FromJson(json).Jobs[0];
        Assert.Equal(1.25m, back.Figures!.NetPnlUsd);
        Assert.Equal(JsonSerializer.Serialize(entry.Axes), JsonSerializer.Serialize(back.Axes));
    }

    private sealed class CancelOnFirstStart(CancellationTokenSource cts) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value)
        {
            if (value.Running > 0)
            {
                cts.Cancel();
            }
        }
    }
}
