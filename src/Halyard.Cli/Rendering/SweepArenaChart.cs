using Halyard.Journal;
using ScottPlot;

namespace Halyard.Cli.Rendering;

/// <summary>The equity curves of the arena's best and worst jobs on one chart, each from the start of its own window (ScottPlot, headless).</summary>
internal static class SweepArenaChart
{
    public const string FileName = "arena.png";

    /// <summary>Draws each named run folder's equity; false when none has two points.</summary>
    public static bool Render(IReadOnlyList<(string Label, string RunFolder)> runs, string title, string path, int width = 1200, int height = 700)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var plot = new Plot();
        Color[] colors = [Colors.SeaGreen, Colors.FireBrick, Colors.SteelBlue, Colors.DarkOrange];
        var drawn = 0;
        foreach (var (label, folder) in runs)
        {
            var records = JsonlJournal.Read(Path.Combine(folder, CompositeJournal.JsonlFileName)).Records;
            var points = records.Where(r => r.AccountSnapshot is not null)
                .GroupBy(r => r.TraderId, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .FirstOrDefault()?
                .Select(r => (r.Timestamp, Equity: (double)r.AccountSnapshot!.AccountValue))
                .ToArray() ?? [];
            if (points.Length < 2)
            {
                continue;
            }

            var start = points[0].Timestamp;
            var line = plot.Add.ScatterLine(points.Select(p => (p.Timestamp - start).TotalHours).ToArray(), points.Select(p => p.Equity).ToArray(), colors[drawn % colors.Length]);
            line.LegendText = label;
            drawn++;
        }

        if (drawn == 0)
        {
            return false;
        }

        plot.XLabel("hours from the start of the job's window");
        plot.Title(title);
        plot.YLabel("equity (USD)");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, width, height);
        return true;
    }
}
