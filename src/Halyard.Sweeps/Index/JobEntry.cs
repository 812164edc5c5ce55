using System.Text.Json.Serialization;
using Halyard.Cycle.Reporting;

namespace Halyard.Sweeps.Index;

/// <summary>Where a job is: waiting, being run, finished with a summary, or failed (it runs again on the next run of the sweep).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>The figures of a finished job the arena ranks and groups (from its <c>summary.json</c>).</summary>
public sealed record JobFigures
{
    public int Cycles { get; init; }
    public int CyclesFailed { get; init; }
    public int OrdersSent { get; init; }
    public int ClosedTrades { get; init; }
    public decimal InitialEquityUsd { get; init; }
    public decimal FinalEquityUsd { get; init; }
    public decimal NetPnlUsd { get; init; }
    public decimal NetPnlPct { get; init; }
    public decimal FeesUsd { get; init; }
    public decimal FundingUsd { get; init; }
    public decimal? WinRatePct { get; init; }
    public decimal? ProfitFactor { get; init; }
    public double? Sharpe { get; init; }
    public double? Sortino { get; init; }
    public decimal? MaxDrawdownPct { get; init; }
    public decimal? RejectionRatePct { get; init; }
    public double WallSeconds { get; init; }

    public static JobFigures From(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new JobFigures
        {
            Cycles = s.Cycles,
            CyclesFailed = s.CyclesFailed,
            OrdersSent = s.OrdersSent,
            ClosedTrades = s.ClosedTrades,
            InitialEquityUsd = s.InitialEquityUsd,
            FinalEquityUsd = s.FinalEquityUsd,
            NetPnlUsd = s.NetPnlUsd,
            NetPnlPct = s.NetPnlPct,
            FeesUsd = s.FeesUsd,
            FundingUsd = s.FundingUsd,
            WinRatePct = s.WinRatePct,
            ProfitFactor = s.ProfitFactor,
            Sharpe = s.Sharpe,
            Sortino = s.Sortino,
            MaxDrawdownPct = s.MaxDrawdownPct,
            RejectionRatePct = s.RejectionRatePct,
            WallSeconds = s.WallSeconds,
        };
    }
}

/// <summary>
/// One job in the sweep's index: identity (name, configuration digest, axes, run folder), state (status,
/// attempts, the error of the last failure, who ran it and when) and, once done, its figures and orders digest.
/// </summary>
public sealed record JobEntry
{
    public required string Name { get; init; }
    public required string Digest { get; init; }
    public required IReadOnlyDictionary<string, string> Axes { get; init; }
    public required string RunFolder { get; init; }
    public required DateTimeOffset WindowFrom { get; init; }
    public required DateTimeOffset WindowTo { get; init; }
    public JobStatus Status { get; init; } = JobStatus.Pending;
    public int Attempts { get; init; }
    public string? Error { get; init; }

    /// <summary>Who ran it: <c>local</c> with the worker number, or the silo's address on a cluster.</summary>
    public string? Worker { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the index recorded the finish (on a cluster later than <see cref="FinishedAt"/> by the coordination).</summary>
    public DateTimeOffset? IndexedAt { get; init; }

    public JobFigures? Figures { get; init; }
    public string? ActionsSha256 { get; init; }
}
