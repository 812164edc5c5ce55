using Halyard.Cluster.Contracts;
using Halyard.Cluster.Hosting;
using Halyard.PaperExchange.Data;
using Halyard.Sweeps.Index;
using Halyard.Sweeps.Planning;
using Halyard.Sweeps.Running;
using Halyard.Tests.Journal;
using Halyard.Tests.Sweeps;
using Orleans.TestingHost;

namespace Halyard.Tests.Cluster;

/// <summary>
/// Sweeps on an in-process Orleans cluster of three silos (TestingHost): jobs spread over the silos' workers,
/// a resubmitted sweep runs nothing again, and a silo killed mid-sweep loses no job and doubles none — each
/// finishes once in the index with the orders of the same job run locally. Real 1-hour replays.
/// </summary>
[Collection(nameof(ClusterCollection))]
public class ClusterSweepTests(TestClusterFixture fixture)
{
    private static readonly ClusterSweepOptions Options = new() { LeaseTimeout = TimeSpan.FromSeconds(3), Follow = TimeSpan.FromMilliseconds(100) };

    private static string Sweep(string outDir, string name, string leverages, int hours = 1) => $"""
        name: {name}
        out: {outDir}
        axes:
          - key: traders[*].risk_params.altcoin_leverage
            name: lev
            values: {leverages}
          - key: replay
            name: window
            labels: [d2, d3]
            values:
              - {"{"} from: "2025-07-02T00:00:00Z", to: "2025-07-02T{hours:00}:00:00Z" {"}"}
              - {"{"} from: "2025-07-03T00:00:00Z", to: "2025-07-03T{hours:00}:00:00Z" {"}"}
        """;

    private static async Task<Dictionary<string, string?>> LocalShas(string text, string dir)
    {
        var plan = SweepFiles.Plan(text, dir) with { OutDirectory = Path.Combine(dir, "local") };
        await LocalSweepRunner.RunAsync(plan, new LocalSweepOptions { Workers = 2, Runner = new JobRunnerOptions { Data = MarketDataSet.Embedded } }, null, CancellationToken.None);
        return SweepIndex.Read(plan.OutDirectory)!.Jobs.ToDictionary(j => j.Name, j => j.ActionsSha256);
    }

    [Fact]
    public async Task Sweep_OnThreeSilos_EveryJobDoneOnceWithTheLocalOrders_AndAResubmissionRunsNothing()
    {
        using var dir = new TempDirectory();
        var text = Sweep(dir.File("cluster"), "spread", "[3, 5, 10]");
        var plan = SweepFiles.Plan(text, dir.Path);

        var outcome = await ClusterSweep.RunAsync(fixture.Cluster.Client, plan, Options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal((6, 0, 0), (outcome.Done, outcome.Failed, outcome.Skipped));
        var index = SweepIndex.Read(plan.OutDirectory)!.Jobs;
        Assert.Equal(plan.Jobs.Select(j => j.Name), index.Select(j => j.Name));
        Assert.All(index, j => Assert.Equal(JobStatus.Done, j.Status));
        Assert.True(index.Select(j => j.Worker).Distinct().Count() >= 2, "the jobs ran on one silo only: " + string.Join(", ", index.Select(j => j.Worker)));
        Assert.All(index, j => Assert.NotNull(j.IndexedAt));
        var local = await LocalShas(text, dir.Path);
        Assert.All(index, j => Assert.Equal(local[j.Name], j.ActionsSha256));

        var again = await ClusterSweep.RunAsync(fixture.Cluster.Client, plan, Options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal((6, 0), (again.Skipped, again.Done));

        // The coordinator, asked again directly, keeps finished jobs finished.
        var sweep = fixture.Cluster.Client.GetGrain<ISweepGrain>(ClusterSweep.Key(plan));
        await sweep.Submit(new SweepSubmission([.. plan.Jobs.Select(j => ClusterJob.Of(JobSpec.Of(j, plan.OutDirectory)))], TimeSpan.FromSeconds(3), []));
        Assert.All(await sweep.Jobs(), s => Assert.Equal((ClusterJobStatus.Done, 1), (s.Status, s.Completions)));
    }

    [Fact]
    public async Task Sweep_SiloKilledWhileRunningAJob_TheJobRestartsElsewhereAndFinishesOnce()
    {
        using var dir = new TempDirectory();
        // Jobs of 12 hours (240 cycles): long enough that the job seen running is still running when its silo dies.
        var text = Sweep(dir.File("cluster"), "lost", "[4, 6, 8]", hours: 12);
        var plan = SweepFiles.Plan(text, dir.Path);
        var sweep = fixture.Cluster.Client.GetGrain<ISweepGrain>(ClusterSweep.Key(plan));
        using var follow = new CancellationTokenSource();
        var following = ClusterSweep.RunAsync(fixture.Cluster.Client, plan, Options, null, follow.Token);

        // Wait until a secondary silo runs a job, then kill that silo.
        var victims = fixture.Cluster.SecondarySilos.ToDictionary(s => s.Name);
        SiloHandle? victim = null;
        string? job = null;
        for (var i = 0; i < 600 && victim is null; i++)
        {
            foreach (var s in await sweep.Jobs())
            {
                if (s.Status == ClusterJobStatus.Running && s.Worker is { } w && victims.TryGetValue(w, out var handle))
                {
                    (victim, job) = (handle, s.Job.Name);
                    break;
                }
            }

            await Task.Delay(50);
        }

        Assert.NotNull(victim);
        await fixture.Cluster.KillSiloAsync(victim);

        var outcome = await following.WaitAsync(TimeSpan.FromMinutes(4));

        Assert.Equal((6, 0), (outcome.Done, outcome.Failed));
        var index = SweepIndex.Read(plan.OutDirectory)!.Jobs;
        Assert.Equal(plan.Jobs.Select(j => j.Name), index.Select(j => j.Name));
        var lost = index.Single(j => j.Name == job);
        Assert.True(lost.Attempts >= 2, $"{job} ran {lost.Attempts} time(s)");
        Assert.NotEqual(victim.Name, lost.Worker);
        Assert.All(await sweep.Jobs(), s => Assert.Equal(ClusterJobStatus.Done, s.Status));
        var local = await LocalShas(text, dir.Path);
        Assert.All(index, j => Assert.Equal(local[j.Name], j.ActionsSha256));
    }
}

[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection : ICollectionFixture<TestClusterFixture>;
