using Halyard.Journal.Analytics;
using Halyard.Operations.Reports;
using ScottPlot;

namespace Halyard.Cli.Rendering;

/// <summary>Every trader's equity curve on one chart (PNG), for the arena of several runs.</summary>
internal static class ArenaChart
{
    public const string FileName = "arena.png";

    public static bool Render(IReadOnlyList<TraderRun> runs, string path, int width = 1200, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var plot = new Plot();
        var drawn = 0;
        foreach (var run in runs)
        {
            var curve = JournalHistory.EquityCurve(run.Records);
            if (curve.Count < 2)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(curve.Select(p => p.Time.UtcDateTime.ToOADate()).ToArray(), curve.Select(p => (double)p.Equity).ToArray());
            line.LegendText = run.Label;
            drawn++;
        }

        if (drawn == 0)
        {
            return false;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title("Equity (USD)");
        plot.YLabel("USD");
        plot.ShowLegend();
        plot.SavePng(path, width, height);
        return true;
    }
}
