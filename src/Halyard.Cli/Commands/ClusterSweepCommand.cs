namespace Halyard.Cli.Commands;

/// <summary><c>halyard sweep --cluster CLUSTER.yaml</c>: submits the plan to the Orleans cluster and follows it.</summary>
internal static class ClusterSweepCommand
{
    public static async Task<int> SubmitAsync(ClusterSubmission submission, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        await submission.Error.WriteLineAsync("sweep: --cluster is not available yet.").ConfigureAwait(false);
        return 2;
    }
}
