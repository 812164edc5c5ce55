using System.Collections.Concurrent;
using System.Globalization;
using Halyard.Cycle.Reporting;
using Halyard.Domain;
using Halyard.Sweeps.Endpoints;
using Halyard.Sweeps.Index;
using Halyard.Sweeps.Planning;

namespace Halyard.Sweeps.Running;

/// <summary>How to run a sweep on this machine.</summary>
public sealed record LocalSweepOptions
{
    /// <summary>Replays at once (default: one per core).</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    public JobRunnerOptions Runner { get; init; } = new();

    /// <summary>Model-call limits per endpoint, shared by every worker.</summary>
    public IReadOnlyList<EndpointLimit> Endpoints { get; init; } = [];
}

/// <summary>
/// Runs a sweep's jobs on N workers in this process, recording each in the index as it starts and ends.
/// Resuming: jobs finished with the same configuration digest are skipped; failed and interrupted ones run
/// again. Cancellation (Ctrl-C) stops the running replays, puts them back to pending and leaves the index
/// consistent; nothing half-written counts as done.
/// </summary>
public static class LocalSweepRunner
{
    public static async Task<SweepOutcome> RunAsync(SweepPlan plan, LocalSweepOptions options, IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var wall = options.Runner.Wall;
        using var index = SweepIndex.Open(plan.OutDirectory, plan.Name, wall);
        var toRun = index.Reconcile(plan);
        var runner = options.Endpoints.Count == 0
            ? options.Runner
            : options.Runner with { DecorateChatClient = EndpointGateDecorator.For(new LocalEndpointGate(options.Endpoints, wall), wall) };
        var counts = new Counts(plan.Jobs.Count, plan.Jobs.Count - toRun.Count, wall);
        var workers = new ConcurrentQueue<int>(Enumerable.Range(1, Math.Max(1, options.Workers)));
        progress?.Report(counts.Snapshot(null));
        var cancelled = false;
        try
        {
            await Parallel.ForEachAsync(
                toRun,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Workers), CancellationToken = cancellationToken },
                async (job, ct) =>
                {
                    workers.TryDequeue(out var worker);
                    try
                    {
                        await RunOneAsync(index, JobSpec.Of(job, plan.OutDirectory), worker, runner, counts, progress, ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        workers.Enqueue(worker);
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }

        return counts.Outcome(cancelled);
    }

    private static async Task RunOneAsync(SweepIndex index, JobSpec spec, int worker, JobRunnerOptions runner, Counts counts, IProgress<SweepProgress>? progress, CancellationToken ct)
    {
        var wall = runner.Wall;
        var entry = index.Find(spec.Name)!;
        var started = wall.GetUtcNow();
        entry = index.Record(entry with
        {
            Status = JobStatus.Running,
            Attempts = entry.Attempts + 1,
            Worker = string.Create(CultureInfo.InvariantCulture, $"local-{worker}"),
            SubmittedAt = entry.SubmittedAt ?? started,
            StartedAt = started,
            FinishedAt = null,
            Error = null,
        });
        var startedView = counts.Start(spec.Name);
        progress?.Report(startedView);
        Result<RunSummary> outcome;
        try
        {
            outcome = await JobRunner.RunAsync(spec, runner, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            index.Record(entry with { Status = JobStatus.Pending, Error = "interrupted", StartedAt = null });
            var interrupted = counts.Interrupt();
            progress?.Report(interrupted);
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = new Error(ErrorClass.Unknown, $"{e.GetType().Name}: {e.Message}");
        }

        index.Record(Finished(entry, outcome, wall.GetUtcNow()));
        // Counted whether or not anyone listens (a null-conditional call would skip the count).
        var finished = counts.Finish(spec.Name, outcome.IsSuccess);
        progress?.Report(finished);
    }

    /// <summary>The entry of a job that ended: done with its figures and orders digest, or failed with its error.</summary>
    public static JobEntry Finished(JobEntry entry, Result<RunSummary> outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.IsSuccess
            ? entry with { Status = JobStatus.Done, FinishedAt = at, Figures = JobFigures.From(outcome.Value), ActionsSha256 = outcome.Value.ActionsSha256, Error = null }
            : entry with { Status = JobStatus.Failed, FinishedAt = at, Error = outcome.Error.Message };
    }

    private sealed class Counts(int total, int skipped, TimeProvider wall)
    {
        private readonly object _gate = new();
        private readonly long _start = wall.GetTimestamp();
        private int _done;
        private int _failed;
        private int _running;

        public SweepProgress Start(string name)
        {
            lock (_gate)
            {
                _running++;
                return Snapshot(name);
            }
        }

        public SweepProgress Finish(string name, bool succeeded)
        {
            lock (_gate)
            {
                _running--;
                if (succeeded)
                {
                    _done++;
                }
                else
                {
                    _failed++;
                }

                return Snapshot(name);
            }
        }

        public SweepProgress Interrupt()
        {
            lock (_gate)
            {
                _running--;
                return Snapshot(null);
            }
        }

        public SweepProgress Snapshot(string? last)
        {
            var elapsed = wall.GetElapsedTime(_start);
            var finished = _done + _failed;
            return new SweepProgress(total, skipped, _done, _running, _failed, elapsed, SweepProgress.Estimate(elapsed, finished, total - skipped - finished), last);
        }

        public SweepOutcome Outcome(bool cancelled)
        {
            lock (_gate)
            {
                return new SweepOutcome(total, skipped, _done, _failed, cancelled, wall.GetElapsedTime(_start));
            }
        }
    }
}
