using Halyard.Cycle.Configuration;
using Halyard.Cycle.Replay;
using Halyard.Cycle.Reporting;
using Halyard.Decisions.Llm;
using Halyard.Domain;
using Halyard.PaperExchange.Data;
using Halyard.Sweeps.Planning;

namespace Halyard.Sweeps.Running;

/// <summary>What a worker needs to run one job anywhere: the canonical configuration, the window and the absolute run folder.</summary>
public sealed record JobSpec(string Name, string Digest, string ConfigYaml, DateTimeOffset From, DateTimeOffset To, string RunFolder)
{
    public static JobSpec Of(SweepJob job, string sweepFolder)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new JobSpec(job.Name, job.Digest, job.ConfigYaml, job.Window.From, job.Window.To, Path.GetFullPath(Path.Combine(sweepFolder, job.RunFolder)));
    }
}

/// <summary>Where a worker's replays take their data, clock and model-call limits from.</summary>
public sealed record JobRunnerOptions
{
    /// <summary>One parsed data set shared by every replay of the process (immutable); null: each configuration's own.</summary>
    public MarketDataSet? Data { get; init; }

    public TimeProvider Wall { get; init; } = TimeProvider.System;

    public ChatClientDecorator? DecorateChatClient { get; init; }

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>
/// Runs one job: reads its canonical configuration with the real loader, writes it as <c>config.yaml</c> into
/// the run folder, and replays its window there (the run folder of <c>halyard replay</c>). A failure is a
/// value; a cancellation propagates.
/// </summary>
public static class JobRunner
{
    public const string ConfigFileName = "config.yaml";

    /// <summary>How a job ended: its summary, or why it failed.</summary>
    public static async Task<Result<RunSummary>> RunAsync(JobSpec spec, JobRunnerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        var loaded = HalyardConfigLoader.Parse(spec.ConfigYaml);
        if (!loaded.Succeeded)
        {
            return Error.Invalid("configuration: " + loaded.Describe());
        }

        Directory.CreateDirectory(spec.RunFolder);
        await File.WriteAllTextAsync(Path.Combine(spec.RunFolder, ConfigFileName), spec.ConfigYaml, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await ReplayRunner.RunAsync(
                new ReplayRequest
                {
                    Config = loaded.Config,
                    From = spec.From,
                    To = spec.To,
                    OutDirectory = spec.RunFolder,
                    Data = options.Data,
                    Wall = options.Wall,
                    Environment = options.Environment,
                    DecorateChatClient = options.DecorateChatClient,
                },
                null,
                cancellationToken).ConfigureAwait(false);

            // A replay stopped part-way must never count as finished.
            cancellationToken.ThrowIfCancellationRequested();
            return result.Map(r => r.Summary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new Error(ErrorClass.Unknown, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
