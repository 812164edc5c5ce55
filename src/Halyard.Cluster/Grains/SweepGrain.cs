using Halyard.Cluster.Contracts;
using Halyard.Cluster.Hosting;
using Orleans.Runtime;

namespace Halyard.Cluster.Grains;

/// <summary>The persisted job table of one sweep.</summary>
[GenerateSerializer]
public sealed class SweepGrainState
{
    [Id(0)] public List<ClusterJobState> Jobs { get; set; } = [];
    [Id(1)] public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);
    [Id(2)] public List<EndpointLimitDto> Endpoints { get; set; } = [];
}

/// <inheritdoc cref="ISweepGrain"/>
public sealed class SweepGrain(
    [PersistentState("sweep", ClusterNames.Storage)] IPersistentState<SweepGrainState> state,
    TimeProvider time) : Grain, ISweepGrain
{
    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Leases outlive a move of this grain: give running jobs one full timeout to renew with the new activation.
        var now = time.GetUtcNow();
        state.State.Jobs = state.State.Jobs.Select(j => j.Status == ClusterJobStatus.Running ? j with { LeaseExpires = now + state.State.LeaseTimeout } : j).ToList();
        EnsureTimer();
        return Task.CompletedTask;
    }

    public async Task Submit(SweepSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var now = time.GetUtcNow();
        var jobs = state.State.Jobs.ToDictionary(j => j.Job.Name, StringComparer.Ordinal);
        foreach (var job in submission.Jobs)
        {
            var old = jobs.GetValueOrDefault(job.Name);
            if (old is not null && old.Job.Digest == job.Digest && old.Status is ClusterJobStatus.Done or ClusterJobStatus.Running or ClusterJobStatus.Pending)
            {
                continue;
            }

            jobs[job.Name] = new ClusterJobState { Job = job, SubmittedAt = now, Attempts = old?.Job.Digest == job.Digest ? old.Attempts : 0 };
        }

        var order = state.State.Jobs.Select(j => j.Job.Name).Concat(submission.Jobs.Select(j => j.Name)).Distinct(StringComparer.Ordinal);
        state.State.Jobs = order.Select(n => jobs[n]).ToList();
        state.State.LeaseTimeout = submission.LeaseTimeout;
        state.State.Endpoints = [.. submission.Endpoints];
        await state.WriteStateAsync().ConfigureAwait(true);
        await GrainFactory.GetGrain<ISweepRegistryGrain>(0).Register(this.GetPrimaryKeyString()).ConfigureAwait(true);
        EnsureTimer();
    }

    public async Task<JobLease?> Lease(string worker)
    {
        await ExpireAsync().ConfigureAwait(true);
        var at = state.State.Jobs.FindIndex(j => j.Status == ClusterJobStatus.Pending);
        if (at < 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var lease = Guid.NewGuid();
        var job = state.State.Jobs[at];
        state.State.Jobs[at] = job with
        {
            Status = ClusterJobStatus.Running,
            Attempts = job.Attempts + 1,
            Worker = worker,
            StartedAt = now,
            Lease = lease,
            LeaseExpires = now + state.State.LeaseTimeout,
        };
        await state.WriteStateAsync().ConfigureAwait(true);
        return new JobLease(this.GetPrimaryKeyString(), job.Job, lease, state.State.LeaseTimeout, state.State.Endpoints);
    }

    public Task<bool> Renew(string name, Guid lease)
    {
        var at = state.State.Jobs.FindIndex(j => j.Job.Name == name);
        if (at < 0 || state.State.Jobs[at] is not { Status: ClusterJobStatus.Running } job || job.Lease != lease)
        {
            return Task.FromResult(false);
        }

        // Not persisted: a new activation grants every running lease a full timeout anyway.
        state.State.Jobs[at] = job with { LeaseExpires = time.GetUtcNow() + state.State.LeaseTimeout };
        return Task.FromResult(true);
    }

    public async Task<bool> Complete(JobCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var at = state.State.Jobs.FindIndex(j => j.Job.Name == completion.Name);
        if (at < 0 || state.State.Jobs[at].Job.Digest != completion.Digest)
        {
            return false;
        }

        var job = state.State.Jobs[at];
        if (job.Status is ClusterJobStatus.Done or ClusterJobStatus.Failed)
        {
            // A second completion (a silo presumed dead finished after all): the result is the same replay; record it once.
            state.State.Jobs[at] = job with { Completions = job.Completions + 1 };
            await state.WriteStateAsync().ConfigureAwait(true);
            return false;
        }

        state.State.Jobs[at] = job with
        {
            Status = completion.SummaryJson is null ? ClusterJobStatus.Failed : ClusterJobStatus.Done,
            Worker = completion.Worker,
            StartedAt = completion.StartedAt,
            FinishedAt = completion.FinishedAt,
            SummaryJson = completion.SummaryJson,
            Error = completion.Error,
            Lease = null,
            LeaseExpires = null,
            Completions = job.Completions + 1,
            RecordedAt = time.GetUtcNow(),
        };
        await state.WriteStateAsync().ConfigureAwait(true);
        if (state.State.Jobs.All(j => j.Status is ClusterJobStatus.Done or ClusterJobStatus.Failed))
        {
            await GrainFactory.GetGrain<ISweepRegistryGrain>(0).Unregister(this.GetPrimaryKeyString()).ConfigureAwait(true);
        }

        return true;
    }

    public Task<IReadOnlyList<ClusterJobState>> Jobs() => Task.FromResult<IReadOnlyList<ClusterJobState>>([.. state.State.Jobs]);

    private void EnsureTimer()
    {
        if (_timer is null && state.State.Jobs.Any(j => j.Status is ClusterJobStatus.Pending or ClusterJobStatus.Running))
        {
            _timer = this.RegisterGrainTimer(ExpireAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        }
    }

    /// <summary>Running jobs whose lease was not renewed in time (their silo died) go back to pending.</summary>
    private async Task ExpireAsync()
    {
        var now = time.GetUtcNow();
        var changed = false;
        for (var i = 0; i < state.State.Jobs.Count; i++)
        {
            if (state.State.Jobs[i] is { Status: ClusterJobStatus.Running, LeaseExpires: { } expires } job && expires <= now)
            {
                state.State.Jobs[i] = job with { Status = ClusterJobStatus.Pending, Lease = null, LeaseExpires = null, Error = $"lease expired on {job.Worker}: its silo stopped answering" };
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync().ConfigureAwait(true);
        }
    }
}
