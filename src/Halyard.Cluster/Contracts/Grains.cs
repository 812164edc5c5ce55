using Halyard.Sweeps.Endpoints;

namespace Halyard.Cluster.Contracts;

/// <summary>
/// The coordinator of one sweep (key: the sweep's name): the durable job table. Workers lease pending jobs,
/// renew their leases while running and report completions; a lease not renewed in time (its silo died)
/// puts the job back to pending; the first completion of a job is recorded, any later one ignored.
/// </summary>
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>Adds the jobs: one already done with the same digest stays done; any other is (re)queued.</summary>
    Task Submit(SweepSubmission submission);

    /// <summary>A pending job for <paramref name="worker"/>, or null.</summary>
    Task<JobLease?> Lease(string worker);

    /// <summary>Extends the lease; false when it was lost (expired and re-leased, or the job finished).</summary>
    Task<bool> Renew(string name, Guid lease);

    /// <summary>Records how an attempt ended; true when this completion was the one recorded.</summary>
    Task<bool> Complete(JobCompletion completion);

    /// <summary>Every job's state, in submission order.</summary>
    Task<IReadOnlyList<ClusterJobState>> Jobs();
}

/// <summary>The sweeps that have work (key 0): what the silos' workers ask for jobs.</summary>
public interface ISweepRegistryGrain : IGrainWithIntegerKey
{
    Task Register(string sweep);

    Task Unregister(string sweep);

    Task<IReadOnlyList<string>> Active();
}

/// <summary>
/// One attempt of one job (key: sweep/job/lease), placed on the silo whose worker leased it. <see cref="Start"/>
/// returns at once; the replay runs on the silo, renews its lease, and reports to the sweep grain.
/// </summary>
public interface IJobGrain : IGrainWithStringKey
{
    Task Start(JobLease lease, string worker);

    /// <summary>False once the attempt has ended (or this activation never ran it: its silo was lost).</summary>
    Task<bool> IsRunning();
}

/// <summary>
/// The model-call budget of one LLM endpoint for the whole cluster (key: the endpoint): concurrency and
/// requests per minute across every silo.
/// </summary>
public interface IEndpointGrain : IGrainWithStringKey
{
    Task<LeaseAnswerDto> TryAcquire(EndpointLimitDto limit, TimeSpan holdFor);

    Task Release(Guid lease);
}

/// <summary><see cref="LeaseAnswer"/> on the wire.</summary>
[GenerateSerializer]
[Immutable]
public sealed record LeaseAnswerDto([property: Id(0)] Guid? Lease, [property: Id(1)] TimeSpan? RetryAfter);
