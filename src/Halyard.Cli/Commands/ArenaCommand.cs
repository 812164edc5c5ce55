using System.Globalization;
using Halyard.Cli.Rendering;
using Halyard.Sweeps.Arena;
using Halyard.Sweeps.Index;
using Spectre.Console;

namespace Halyard.Cli.Commands;

/// <summary>
/// <c>halyard report SWEEP_DIR</c>: the arena of a sweep — its finished jobs ranked by a figure, the figure
/// grouped per value of each axis (mean, spread, best, worst), and the equity curves of the best and worst job.
/// </summary>
internal static class ArenaCommand
{
    public static bool IsSweepFolder(DirectoryInfo folder) => File.Exists(Path.Combine(folder.FullName, SweepIndex.JsonFileName));

    public static int Run(IAnsiConsole console, TextWriter error, DirectoryInfo folder, string by, string[] groups, int top, FileInfo? png)
    {
        var index = SweepIndex.Read(folder.FullName)!;
        if (ArenaFigure.Find(by) is not { } figure)
        {
            error.WriteLine($"report: --by '{by}': one of {string.Join(", ", ArenaFigure.All.Select(f => f.Name))}.");
            return 2;
        }

        var jobs = index.Jobs;
        var ranked = ArenaReport.Rank(jobs, figure);
        var counts = jobs.GroupBy(j => j.Status).ToDictionary(g => g.Key, g => g.Count());
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Sweep {index.Sweep}: {jobs.Count} job(s) — {counts.GetValueOrDefault(JobStatus.Done)} done, {counts.GetValueOrDefault(JobStatus.Failed)} failed, {counts.GetValueOrDefault(JobStatus.Pending) + counts.GetValueOrDefault(JobStatus.Running)} not finished. Ranked by {figure.Name} ({(figure.HigherIsBetter ? "higher" : "lower")} is better).")));
        console.Write(RankTable(ranked, top, figure));
        var axes = groups.Length > 0 ? groups : jobs.SelectMany(j => j.Axes.Keys).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var axis in axes)
        {
            var grouped = ArenaReport.Group(jobs, axis, figure);
            if (grouped.Count == 0)
            {
                console.MarkupLine(Markup.Escape($"No finished job has the axis '{axis}'."));
                continue;
            }

            console.Write(GroupTable(axis, grouped, figure));
        }

        if (ranked.Count > 0)
        {
            var best = ranked[0];
            var worst = ranked[^1];
            var runs = new List<(string, string)> { ("best: " + best.Job.Name, Path.Combine(folder.FullName, best.Job.RunFolder)) };
            if (worst.Job.Name != best.Job.Name)
            {
                runs.Add(("worst: " + worst.Job.Name, Path.Combine(folder.FullName, worst.Job.RunFolder)));
            }

            var chart = png?.FullName ?? Path.Combine(folder.FullName, SweepArenaChart.FileName);
            if (SweepArenaChart.Render(runs, $"Sweep {index.Sweep}: best and worst by {figure.Name}", chart))
            {
                console.MarkupLine(Markup.Escape($"Equity of the best and the worst: {chart}"));
            }
        }

        return 0;
    }

    private static Table RankTable(IReadOnlyList<RankedJob> ranked, int top, ArenaFigure figure)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("job")
            .AddColumn(new TableColumn(figure.Name).RightAligned()).AddColumn(new TableColumn("net PnL USD").RightAligned())
            .AddColumn(new TableColumn("Sharpe").RightAligned()).AddColumn(new TableColumn("max DD %").RightAligned())
            .AddColumn(new TableColumn("trades").RightAligned()).AddColumn("orders sha256");
        var shown = ranked.Count <= top * 2 ? ranked : [.. ranked.Take(top), .. ranked.TakeLast(top)];
        foreach (var r in shown)
        {
            var f = r.Job.Figures!;
            table.AddRow(
                Inv($"{r.Rank}"),
                Markup.Escape(r.Job.Name),
                Inv($"{r.Value:0.####}"),
                Inv($"{f.NetPnlUsd:N2}"),
                f.Sharpe is { } s ? Inv($"{s:0.00}") : "n/a",
                f.MaxDrawdownPct is { } d ? Inv($"{d:0.00}") : "n/a",
                Inv($"{f.ClosedTrades}"),
                Markup.Escape(r.Job.ActionsSha256?[..12] ?? "—"));
        }

        return table;
    }

    private static Table GroupTable(string axis, IReadOnlyList<AxisGroup> groups, ArenaFigure figure)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(Markup.Escape(axis)).AddColumn(new TableColumn("jobs").RightAligned())
            .AddColumn(new TableColumn("mean").RightAligned()).AddColumn(new TableColumn("spread (sd)").RightAligned())
            .AddColumn(new TableColumn("worst").RightAligned()).AddColumn(new TableColumn("best").RightAligned());
        table.Title = new TableTitle(Markup.Escape($"{figure.Name} by {axis}"));
        foreach (var g in groups)
        {
            table.AddRow(
                Markup.Escape(g.Label),
                Inv($"{g.Jobs}"),
                Inv($"{g.Mean:0.####}"),
                g.StdDev is { } sd ? Inv($"{sd:0.####}") : "n/a",
                Inv($"{(figure.HigherIsBetter ? g.Min : g.Max):0.####}"),
                Inv($"{(figure.HigherIsBetter ? g.Max : g.Min):0.####}"));
        }

        return table;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
