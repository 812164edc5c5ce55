using Microsoft.Extensions.Logging;

namespace Halyard.Cluster.Hosting;

/// <summary>Every log message of the cluster, with stable event ids.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Job {Job} on {Worker}: the lease was given to another worker; this attempt stops.")]
    public static partial void LeaseLost(ILogger logger, string job, string worker);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Cluster call '{What}' failed, retrying: {Message}")]
    public static partial void CallFailed(ILogger logger, string what, string message);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Worker {Worker} runs {Job} of sweep {Sweep}.")]
    public static partial void Leased(ILogger logger, string worker, string job, string sweep);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Error, Message = "Job {Job}: the attempt failed: {Error}")]
    public static partial void AttemptFailed(ILogger logger, string job, string error);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Information, Message = "Job {Job}: lease renewal refused; {Detail}")]
    public static partial void RenewRefused(ILogger logger, string job, string detail);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning, Message = "Worker loop error: {Message}")]
    public static partial void WorkerError(ILogger logger, string message);
}
