using System.Security.Cryptography;
using System.Text;
using Halyard.Cluster.Contracts;
using Halyard.Cycle.Reporting;
using Halyard.Sweeps.Definition;
using Halyard.Sweeps.Index;
using Halyard.Sweeps.Planning;
using Halyard.Sweeps.Running;

namespace Halyard.Cluster.Hosting;

/// <summary>How to submit a sweep to a cluster and follow it.</summary>
public sealed record ClusterSweepOptions
{
    public TimeSpan LeaseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<EndpointLimitDto> Endpoints { get; init; } = [];

    /// <summary>How often the follower reads the coordinator's job table into the index.</summary>
    public TimeSpan Follow { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeProvider Wall { get; init; } = TimeProvider.System;

    public static ClusterSweepOptions From(ClusterConfig config, SweepDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(definition);
        return new ClusterSweepOptions
        {
            LeaseTimeout = config.LeaseTimeout,
            Endpoints = definition.Endpoints.Select(e => new EndpointLimitDto(e.Endpoint, e.MaxConcurrency, e.RequestsPerMinute)).ToArray(),
        };
    }
}

/// <summary>
/// <c>halyard sweep --cluster</c>: reconciles the sweep folder's index (finished jobs are not submitted again),
/// submits the rest to the sweep's coordinator grain, and follows it, recording each job in the index as the
/// cluster starts and finishes it. Stopping the follower (Ctrl-C) leaves the cluster working; following
/// again picks up where it is.
/// </summary>
public static class ClusterSweep
{
    /// <summary>The coordinator's key: the sweep's name and its folder (two folders never share a coordinator).</summary>
    public static string Key(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var folder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(plan.OutDirectory))))[..12];
        return plan.Name + "@" + folder;
    }

    public static async Task<SweepOutcome> RunAsync(IGrainFactory grains, SweepPlan plan, ClusterSweepOptions options, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var wall = options.Wall;
        var start = wall.GetTimestamp();
        using var index = SweepIndex.Open(plan.OutDirectory, plan.Name, wall);
        var toRun = index.Reconcile(plan);
        var skipped = plan.Jobs.Count - toRun.Count;
        var sweep = grains.GetGrain<ISweepGrain>(Key(plan));
        var names = toRun.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        if (toRun.Count > 0)
        {
            await sweep.Submit(new SweepSubmission(toRun.Select(j => ClusterJob.Of(JobSpec.Of(j, plan.OutDirectory))).ToArray(), options.LeaseTimeout, options.Endpoints)).ConfigureAwait(false);
        }

        int done = 0, failed = 0;
        try
        {
            while (true)
            {
                ClusterJobState[] states;
                try
                {
                    states = (await sweep.Jobs().WaitAsync(cancellationToken).ConfigureAwait(false)).Where(s => names.Contains(s.Job.Name)).ToArray();
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    // The coordinator's silo was lost: it is activated again elsewhere once the cluster declares that silo dead.
                    await Task.Delay(options.Follow, wall, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var s in states)
                {
                    Record(index, s);
                }

                done = states.Count(s => s.Status == ClusterJobStatus.Done);
                failed = states.Count(s => s.Status == ClusterJobStatus.Failed);
                var running = states.Count(s => s.Status == ClusterJobStatus.Running);
                var elapsed = wall.GetElapsedTime(start);
                progress?.Report(new SweepProgress(plan.Jobs.Count, skipped, done, running, failed, elapsed, SweepProgress.Estimate(elapsed, done + failed, toRun.Count - done - failed), null));
                if (done + failed >= toRun.Count)
                {
                    return new SweepOutcome(plan.Jobs.Count, skipped, done, failed, false, elapsed);
                }

                await Task.Delay(options.Follow, wall, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SweepOutcome(plan.Jobs.Count, skipped, done, failed, true, wall.GetElapsedTime(start));
        }
    }

    /// <summary>Copies the coordinator's view of a job into the index when it changed; a finish is recorded once.</summary>
    private static void Record(SweepIndex index, ClusterJobState s)
    {
        var entry = index.Find(s.Job.Name);
        if (entry is null || entry.Digest != s.Job.Digest || entry.Status == JobStatus.Done)
        {
            return;
        }

        var status = s.Status switch
        {
            ClusterJobStatus.Running => JobStatus.Running,
            ClusterJobStatus.Done => JobStatus.Done,
            ClusterJobStatus.Failed => JobStatus.Failed,
            _ => JobStatus.Pending,
        };
        var next = entry with
        {
            Status = status,
            Attempts = s.Attempts,
            Worker = s.Worker,
            SubmittedAt = s.SubmittedAt,
            StartedAt = s.StartedAt,
            FinishedAt = s.FinishedAt,
            Error = s.Error,
        };
        if (s.Status == ClusterJobStatus.Done && s.SummaryJson is { } json)
        {
            var summary = RunSummary.FromJson(json);
            next = next with { Figures = JobFigures.From(summary), ActionsSha256 = summary.ActionsSha256, Error = null };
        }

        if (next != entry)
        {
            index.Record(next);
        }
    }
}
