using Halyard.Sweeps.Running;

namespace Halyard.Cluster.Contracts;

/// <summary>A job as the cluster carries it: everything a silo needs to run it (<see cref="JobSpec"/>).</summary>
[GenerateSerializer]
[Immutable]
public sealed record ClusterJob(
    [property: Id(0)] string Name,
    [property: Id(1)] string Digest,
    [property: Id(2)] string ConfigYaml,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] string RunFolder)
{
    public static ClusterJob Of(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ClusterJob(spec.Name, spec.Digest, spec.ConfigYaml, spec.From, spec.To, spec.RunFolder);
    }

    public JobSpec ToSpec() => new(Name, Digest, ConfigYaml, From, To, RunFolder);
}

/// <summary>Where a job is on the cluster.</summary>
public enum ClusterJobStatus
{
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>The coordinator's record of one job (persisted with the sweep grain).</summary>
[GenerateSerializer]
public sealed record ClusterJobState
{
    [Id(0)] public required ClusterJob Job { get; init; }
    [Id(1)] public ClusterJobStatus Status { get; init; }
    [Id(2)] public int Attempts { get; init; }
    [Id(3)] public string? Worker { get; init; }
    [Id(4)] public DateTimeOffset SubmittedAt { get; init; }
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(7)] public string? SummaryJson { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public Guid? Lease { get; init; }
    [Id(10)] public DateTimeOffset? LeaseExpires { get; init; }

    /// <summary>How many completions arrived for it (the first counts; later ones — a presumed-dead silo finishing after all — are ignored).</summary>
    [Id(11)] public int Completions { get; init; }

    /// <summary>When the coordinator recorded the finish.</summary>
    [Id(12)] public DateTimeOffset? RecordedAt { get; init; }
}

/// <summary>A job handed to a worker with the lease that names this attempt.</summary>
[GenerateSerializer]
[Immutable]
public sealed record JobLease([property: Id(0)] string Sweep, [property: Id(1)] ClusterJob Job, [property: Id(2)] Guid Lease, [property: Id(3)] TimeSpan Timeout, [property: Id(4)] IReadOnlyList<EndpointLimitDto> Endpoints);

/// <summary>An endpoint's limits on the wire.</summary>
[GenerateSerializer]
[Immutable]
public sealed record EndpointLimitDto([property: Id(0)] string Endpoint, [property: Id(1)] int MaxConcurrency, [property: Id(2)] int? RequestsPerMinute);

/// <summary>How an attempt ended.</summary>
[GenerateSerializer]
[Immutable]
public sealed record JobCompletion(
    [property: Id(0)] string Name,
    [property: Id(1)] string Digest,
    [property: Id(2)] Guid Lease,
    [property: Id(3)] string Worker,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset FinishedAt,
    [property: Id(6)] string? SummaryJson,
    [property: Id(7)] string? Error);

/// <summary>A sweep as submitted: its jobs, the lease timeout and the endpoints' limits.</summary>
[GenerateSerializer]
[Immutable]
public sealed record SweepSubmission([property: Id(0)] IReadOnlyList<ClusterJob> Jobs, [property: Id(1)] TimeSpan LeaseTimeout, [property: Id(2)] IReadOnlyList<EndpointLimitDto> Endpoints);
