using Halyard.Sweeps.Index;

namespace Halyard.Sweeps.Arena;

/// <summary>A finished job with its value of the ranking figure.</summary>
public sealed record RankedJob(int Rank, JobEntry Job, double Value);

/// <summary>The jobs sharing one value of an axis: how many, and the mean, spread (sample standard deviation), best and worst of the figure.</summary>
public sealed record AxisGroup(string Label, int Jobs, double Mean, double? StdDev, double Min, double Max);

/// <summary>
/// The arena of a sweep: its finished jobs ranked by a figure (jobs without a value, e.g. no Sharpe, go
/// last), and for any axis, the figure grouped per value of the axis (e.g. the mean and spread of net PnL
/// of each model across the windows).
/// </summary>
public static class ArenaReport
{
    public static IReadOnlyList<RankedJob> Rank(IEnumerable<JobEntry> jobs, ArenaFigure figure)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(figure);
        var scored = jobs.Where(j => j is { Status: JobStatus.Done, Figures: not null })
            .Select(j => (Job: j, Value: figure.Read(j.Figures!)))
            .ToArray();
        var valued = scored.Where(s => s.Value is { } v && double.IsFinite(v)).Select(s => (s.Job, Value: s.Value!.Value));
        var ordered = figure.HigherIsBetter
            ? valued.OrderByDescending(s => s.Value).ThenBy(s => s.Job.Name, StringComparer.Ordinal)
            : valued.OrderBy(s => s.Value).ThenBy(s => s.Job.Name, StringComparer.Ordinal);
        return ordered.Select((s, i) => new RankedJob(i + 1, s.Job, s.Value)).ToArray();
    }

    public static IReadOnlyList<AxisGroup> Group(IEnumerable<JobEntry> jobs, string axis, ArenaFigure figure)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var groups = Rank(jobs, figure)
            .Where(r => r.Job.Axes.ContainsKey(axis))
            .GroupBy(r => r.Job.Axes[axis], StringComparer.Ordinal)
            .Select(g => Stats(g.Key, g.Select(r => r.Value).ToArray()));
        return (figure.HigherIsBetter ? groups.OrderByDescending(g => g.Mean) : groups.OrderBy(g => g.Mean)).ToArray();
    }

    private static AxisGroup Stats(string label, double[] values)
    {
        var mean = values.Average();
        double? spread = values.Length < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return new AxisGroup(label, values.Length, mean, spread, values.Min(), values.Max());
    }
}
